import type { FollowStatus, FollowUpdate } from '../../../shared/domain/live-follow';
import type { SessionView } from '../../../shared/domain/session-view';
import type { AppErrorValue } from '../../../shared/errors';
import { call, newRequestId } from '../lib/api';
import type { Slice } from './types';

export interface LiveState {
  requestId: string;
  sessionId: string;
  state: 'starting' | 'running' | 'resuming' | 'stopping';
  /** Epoch ms (the renderer's clock) the follow began: the indicator counts from it. */
  startedAt: number;
  endsAt?: number;
  tails?: number;
  /** Live Tail sampled an update: lines of that second may be missing. */
  sampledAt?: number;
  /** Gaps a dropped stream left, filled by a query. */
  gaps: number;
}

export interface LiveSlice {
  live: LiveState | null;
  /** Why the last follow ended, when it did not end because the user stopped it. */
  liveEnd: { reason: FollowStatus['reason']; error?: AppErrorValue } | null;
  startFollow(options?: { anyTime?: boolean }): Promise<void>;
  stopFollow(): Promise<void>;
  receiveFollowUpdate(update: FollowUpdate): void;
  receiveFollowStatus(status: FollowStatus): void;
}

/**
 * Following the open session live. The lines land in the cache (main saves them into a run) and
 * each update carries that run's view, which replaces the one on screen: the list, groups and
 * timeline read the run as they read any other.
 */
export const createLiveSlice: Slice<LiveSlice> = (set, get) => {
  /** The view on screen, replaced only while it still shows the followed session. */
  const shown = (sessionId: string, view: SessionView | undefined) => {
    const current = get().response;
    if (!view || !current || current.result.session.id !== sessionId) return {};
    return { response: { ...current, result: view, source: 'network' as const } };
  };

  return {
    live: null,
    liveEnd: null,

    startFollow: async ({ anyTime = false } = {}) => {
      const response = get().response;
      if (!response || get().live) return;
      const { session } = response.result;
      const requestId = newRequestId();
      set({ live: { requestId, sessionId: session.id, state: 'starting', startedAt: Date.now(), gaps: 0 }, liveEnd: null });
      const result = await call((api) => api.startFollow({ requestId, reference: session.token ?? session.id, anyTime }));
      const live = get().live;
      if (live?.requestId !== requestId) {
        // Stopped (or the view closed) while it was starting.
        if (result.ok) void call((api) => api.stopFollow({ requestId }));
        return;
      }
      if (!result.ok) {
        set({ live: null, liveEnd: { reason: 'error', error: result.error } });
        return;
      }
      set({
        live: {
          ...live,
          state: live.state === 'starting' ? 'running' : live.state,
          endsAt: result.value.endsAt,
          tails: result.value.tails,
        },
        ...shown(session.id, result.value.view),
      });
    },

    stopFollow: async () => {
      const live = get().live;
      if (!live || live.state === 'stopping') return;
      set({ live: { ...live, state: 'stopping' } });
      await call((api) => api.stopFollow({ requestId: live.requestId }));
    },

    receiveFollowUpdate: (update) => {
      const live = get().live;
      if (!live || live.requestId !== update.requestId) return;
      set({
        live: { ...live, ...(update.sampled && { sampledAt: Date.now() }), ...(update.gap && { gaps: live.gaps + 1 }) },
        ...shown(live.sessionId, update.view),
      });
    },

    receiveFollowStatus: (status) => {
      const live = get().live;
      if (!live || live.requestId !== status.requestId) return;
      if (status.state !== 'ended') {
        if (live.state !== 'stopping' && live.state !== 'starting') set({ live: { ...live, state: status.state } });
        return;
      }
      set({
        live: null,
        liveEnd: status.reason === 'stopped' ? null : { reason: status.reason, ...(status.error && { error: status.error }) },
        ...shown(live.sessionId, status.view),
      });
    },
  };
};
