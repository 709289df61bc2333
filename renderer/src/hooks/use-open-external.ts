import { useCallback } from 'react';
import { call } from '../lib/api';
import { useStore } from '../store/store';

/** Main opens only https links; a refusal comes back as an error value and is shown. */
export function useOpenExternal(): (url: string) => Promise<void> {
  const reportError = useStore((s) => s.reportError);
  return useCallback(
    async (url) => {
      const result = await call((api) => api.openExternal({ url }));
      if (!result.ok) reportError(result.error);
    },
    [reportError],
  );
}
