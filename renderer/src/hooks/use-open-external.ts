import { useCallback } from 'react';
import { call } from '../lib/api';
import { useStore } from '../store/store';

/**
 * Main opens only https links, and a host that is not a known OpenReplay only once the user has
 * confirmed it: that answer brings up the confirmation naming the host; other refusals are shown.
 */
export function useOpenExternal(): (url: string) => Promise<void> {
  const reportError = useStore((s) => s.reportError);
  const askToOpenHost = useStore((s) => s.askToOpenHost);
  return useCallback(
    async (url) => {
      const result = await call((api) => api.openExternal({ url }));
      if (result.ok) return;
      if (result.error.code === 'EXTERNAL_URL_UNCONFIRMED') askToOpenHost(url);
      else reportError(result.error);
    },
    [reportError, askToOpenHost],
  );
}
