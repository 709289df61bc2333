import { useEffect } from 'react';
import { call, correlator } from '../lib/api';
import { useStore } from '../store/store';
import { announceImport } from './use-session-import';

/**
 * Subscribes to main's events, then tells main the renderer is ready so deep links that arrived
 * before the window existed are delivered. A link goes through openLink: a malformed one shows
 * the parser's message and does nothing else; one that would query CloudWatch may need a yes.
 */
export function useBridgeEvents(): void {
  useEffect(() => {
    const api = correlator();
    if (!api) return;
    const { receiveProgress, receivePartial, openLink, receiveFollowUpdate, receiveFollowStatus } = useStore.getState();
    const offProgress = api.onProgress((progress) => receiveProgress(progress));
    const offPartial = api.onPartial((partial) => receivePartial(partial));
    const offFollowUpdate = api.onFollowUpdate((update) => receiveFollowUpdate(update));
    const offFollowStatus = api.onFollowStatus((status) => receiveFollowStatus(status));
    const offDeepLink = api.onDeepLink(({ url }) => void openLink(url));
    // A session file the OS opened with orcw: main has imported it (or says why not).
    const offSessionFile = api.onSessionFile((event) =>
      announceImport(event.ok ? { ok: true, value: event.result } : event, event.fileName),
    );
    void call((bridge) => bridge.rendererReady());
    return () => {
      offProgress();
      offPartial();
      offFollowUpdate();
      offFollowStatus();
      offDeepLink();
      offSessionFile();
    };
  }, []);
}
