import { useEffect } from 'react';
import { parseDeepLink } from '../../../shared/session/reference';
import { call, correlator } from '../lib/api';
import { useStore } from '../store/store';

/**
 * Subscribes to main's events, then tells main the renderer is ready so deep links that arrived
 * before the window existed are delivered. A malformed link shows the parser's message and does
 * nothing else.
 */
export function useBridgeEvents(): void {
  useEffect(() => {
    const api = correlator();
    if (!api) return;
    const { receiveProgress, openReference, pushNotice } = useStore.getState();
    const offProgress = api.onProgress((progress) => receiveProgress(progress));
    const offDeepLink = api.onDeepLink(({ url }) => {
      const parsed = parseDeepLink(url);
      if (!parsed.ok) {
        pushNotice({ tone: 'error', message: `Link not opened: ${parsed.error.message}.`, hint: parsed.error.hint });
        return;
      }
      void openReference(url);
    });
    void call((bridge) => bridge.rendererReady());
    return () => {
      offProgress();
      offDeepLink();
    };
  }, []);
}
