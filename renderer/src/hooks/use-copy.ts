import { useCallback } from 'react';
import { call } from '../lib/api';
import { useStore } from '../store/store';

/** Copies through main (the sandboxed renderer has no clipboard permission) and confirms it. */
export function useCopy(): (text: string, what: string) => Promise<boolean> {
  const pushNotice = useStore((s) => s.pushNotice);
  const reportError = useStore((s) => s.reportError);
  return useCallback(
    async (text, what) => {
      const result = await call((api) => api.copyText({ text }));
      if (result.ok) pushNotice({ tone: 'info', message: `Copied ${what}.` });
      else reportError(result.error);
      return result.ok;
    },
    [pushNotice, reportError],
  );
}
