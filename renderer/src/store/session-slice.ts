import type { CorrelationProgress } from '../../../shared/domain/correlation';
import type { CorrelateResponse } from '../../../shared/domain/session-view';
import type { AppErrorValue } from '../../../shared/errors';
import { parseSessionReference } from '../../../shared/session/reference';
import { call, newRequestId } from '../lib/api';
import { isOfflineError } from '../lib/errors';
import type { Slice } from './types';
import { viewReset } from './view-slice';

export type RunMode = 'cache-first' | 'refresh' | 'offline';

export interface RunState {
  requestId: string;
  reference: string;
  /** From the renderer's own parse, only to label the run; main parses the reference again. */
  sessionId?: string;
  mode: RunMode;
  startedAt: number;
  progress?: CorrelationProgress;
  /** Cancel was asked: main is stopping the queries and will answer with what arrived, if anything. */
  cancelling?: boolean;
}

export interface SessionSlice {
  run: RunState | null;
  response: CorrelateResponse | null;
  sessionError: AppErrorValue | null;
  openReference(reference: string, mode?: RunMode): Promise<void>;
  openCached(sessionId: string): Promise<void>;
  cancelRun(): Promise<void>;
  receiveProgress(progress: CorrelationProgress): void;
  /** What a run has so far (its first part of the window is in): shown while the rest is scanned. */
  receivePartial(partial: { requestId: string; response: CorrelateResponse }): void;
  /** Fetches the context lines of a group the run left them out for; the group then shows them. */
  fetchGroupContext(fingerprint: string): Promise<void>;
}

const cancelled: AppErrorValue = {
  code: 'CANCELLED',
  message: 'The query was cancelled.',
  hint: 'Open the session again to run it; results already cached are still available.',
};

/** The offline banner after a response: raised by a cached fallback or a network failure, cleared by fresh data. */
function offlineAfter(response: CorrelateResponse, current: AppErrorValue | null): AppErrorValue | null {
  if (response.offline) return response.offline;
  // Every query failing for want of a network also means offline, even with nothing cached.
  const network = response.result.failures.find((f) => isOfflineError(f));
  if (network) return { code: network.code, message: network.message, hint: network.hint };
  return response.source === 'network' ? null : current;
}

export const createSessionSlice: Slice<SessionSlice> = (set, get) => {
  const finish = (requestId: string, outcome: { response?: CorrelateResponse; error?: AppErrorValue }) => {
    if (get().run?.requestId !== requestId) return; // superseded or cancelled meanwhile
    // Splits "time to painted" into transport and rendering in DevTools and the renderer bench.
    performance.mark('orcw:response', { detail: requestId });
    // One store update per outcome: every set re-renders the session view synchronously.
    if (outcome.response) {
      const { response } = outcome;
      const same = get().response?.result.session.id === response.result.session.id;
      set({ run: null, response, sessionError: null, offline: offlineAfter(response, get().offline), ...(!same && viewReset) });
      // The results show, but the user must know they will not survive a restart.
      if (response.cacheWarning)
        get().pushNotice({ tone: 'error', message: response.cacheWarning.message, hint: response.cacheWarning.hint });
    } else if (outcome.error) {
      const error = outcome.error.code === 'CANCELLED' ? cancelled : outcome.error;
      set({ run: null, sessionError: error, ...(isOfflineError(error) && { offline: error }) });
    }
  };

  return {
    run: null,
    response: null,
    sessionError: null,

    openReference: async (reference, mode = 'cache-first') => {
      const previous = get().run;
      if (previous) void call((api) => api.cancelCorrelation({ requestId: previous.requestId }));
      const parsed = parseSessionReference(reference);
      const requestId = newRequestId();
      set({
        route: 'session',
        sessionError: null,
        run: {
          requestId,
          reference,
          mode,
          startedAt: Date.now(),
          ...(parsed.ok && { sessionId: parsed.value.sessionId }),
        },
      });
      const result = await call((api) => api.correlate({ requestId, reference, mode }));
      finish(requestId, result.ok ? { response: result.value } : { error: result.error });
    },

    openCached: async (sessionId) => {
      const requestId = newRequestId();
      set({
        route: 'session',
        sessionError: null,
        run: { requestId, reference: sessionId, sessionId, mode: 'offline', startedAt: Date.now() },
      });
      const result = await call((api) => api.openCachedSession({ sessionId }));
      if (!result.ok) finish(requestId, { error: result.error });
      else if (result.value) finish(requestId, { response: result.value });
      else {
        finish(requestId, {
          error: {
            code: 'NOT_FOUND',
            message: `Session ${sessionId} is not in the cache any more.`,
            hint: 'Open it by token or ID to query CloudWatch again.',
          },
        });
      }
    },

    cancelRun: async () => {
      const run = get().run;
      if (!run || run.cancelling) return;
      // What arrived before the cancel is kept (marked partial, its missing range named): main's
      // answer says which; a run cancelled before anything arrived answers CANCELLED.
      set({ run: { ...run, cancelling: true } });
      await call((api) => api.cancelCorrelation({ requestId: run.requestId }));
    },

    receiveProgress: (progress) => {
      const run = get().run;
      if (run && run.requestId === progress.requestId) set({ run: { ...run, progress } });
    },

    fetchGroupContext: async (fingerprint) => {
      const run = get().response?.result.run;
      if (!run) return;
      const result = await call((api) => api.fetchGroupContext({ run, fingerprint }));
      const current = get().response;
      if (!result.ok) return get().reportError(result.error);
      // Only the view it was asked for: the user may have opened another session meanwhile.
      if (!current || current.result.run?.runId !== run.runId) return;
      const groups = current.result.groups.map((group) => (group.fingerprint === fingerprint ? result.value : group));
      set({ response: { ...current, result: { ...current.result, groups } } });
    },

    receivePartial: ({ requestId, response }) => {
      const run = get().run;
      if (!run || run.requestId !== requestId || run.cancelling) return;
      performance.mark('orcw:partial', { detail: requestId });
      const same = get().response?.result.session.id === response.result.session.id;
      set({ response, sessionError: null, ...(!same && viewReset) });
    },
  };
};
