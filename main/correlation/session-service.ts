import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../shared/domain/connection';
import {
  correlateRequestSchema,
  type CorrelateRequest,
  type CorrelateResponse,
  type CorrelationProgress,
  type CorrelationResult,
} from '../../shared/domain/correlation';
import type { Settings } from '../../shared/domain/settings';
import { AppError, isAppError, type AppErrorValue } from '../../shared/errors';
import { parseSessionReference } from '../../shared/session/parse-reference';
import { deriveTimeWindow } from '../../shared/session/time-window';
import type { SessionReference } from '../../shared/session/types';
import type { ContextFetcher } from './context-for-groups';
import { mergeTail } from './merge-runs';
import { offlineNotice, wentOffline } from './offline';
import { pickConnections, type ConnectionSource } from './pick-connections';
import type { RunProgress } from './queries/progress-tracker';
import type { QueryTuning } from './queries/types';
import { planRefresh } from './refresh-plan';
import { runCorrelation } from './run-correlation';
import { scrubRunFailures } from '../security/secret-scrubber';

/** The two cache operations a run needs; the store may answer synchronously or not. */
export interface SessionCache {
  openSession(sessionId: string): { result: CorrelationResult; cachedAt: number } | null | Promise<{ result: CorrelationResult; cachedAt: number } | null>;
  /** A warning means the disk refused the run and it is kept in memory only. */
  saveRun(result: CorrelationResult): { warning?: AppErrorValue } | void | Promise<{ warning?: AppErrorValue } | void>;
}

export interface SessionServiceDeps {
  connections: ConnectionSource;
  cache: SessionCache;
  settings: () => Promise<Settings> | Settings;
  clientFor: (connection: Connection) => CloudWatchLogsClient;
  emitProgress: (progress: CorrelationProgress) => void;
  /** Context lines around each group's first occurrence; none when absent. */
  fetchContext?: ContextFetcher;
  now?: () => number;
  tuning?: Partial<QueryTuning>;
  /** A whole run is abandoned (its queries stopped) after this long, so nothing hangs. */
  runTimeoutMs?: number;
}

export interface SessionService {
  correlate(request: CorrelateRequest | Record<string, unknown>): Promise<CorrelateResponse>;
  cancel(request: { requestId: string }): void;
}

export const DEFAULT_RUN_TIMEOUT_MS = 20 * 60_000;

/**
 * The handler behind `session:correlate` and `session:cancel` (and `orcw correlate`): cache first,
 * network when asked or needed, the cache when the network or the credentials are gone.
 */
export function createSessionService(deps: SessionServiceDeps): SessionService {
  const now = deps.now ?? Date.now;
  const running = new Map<string, AbortController>();

  async function correlate(raw: CorrelateRequest | Record<string, unknown>): Promise<CorrelateResponse> {
    const checked = correlateRequestSchema.safeParse(raw);
    if (!checked.success) throw new AppError('INVALID_INPUT', 'The correlation request is not valid.', 'Give a session reference and, optionally, connection ids and a time window.');
    const request = checked.data;
    // The renderer's own parse is never trusted: the raw text is parsed again here.
    const parsed = parseSessionReference(request.reference, { now: now() });
    if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.hint);
    const reference = parsed.value;
    const cached = await deps.cache.openSession(reference.sessionId);

    if (request.mode === 'offline') {
      if (!cached) throw notCached(reference.sessionId);
      return { result: cached.result, source: 'cache', cachedAt: cached.cachedAt };
    }
    if (request.mode === 'cache-first' && cached && covers(cached.result, request)) {
      return { result: cached.result, source: 'cache', cachedAt: cached.cachedAt };
    }
    if (running.has(request.requestId)) throw new AppError('DUPLICATE', 'A run with this request id is already in progress.', 'Use a new request id for each run.');
    const controller = new AbortController();
    running.set(request.requestId, controller);
    const deadline = setTimeout(() => controller.abort('timeout'), deps.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS);
    try {
      return await runOnline(request, reference, cached, controller.signal);
    } catch (error) {
      if (controller.signal.reason === 'timeout') throw runTimedOut(deps.runTimeoutMs ?? DEFAULT_RUN_TIMEOUT_MS);
      throw error;
    } finally {
      clearTimeout(deadline);
      running.delete(request.requestId);
    }
  }

  async function runOnline(
    request: CorrelateRequest,
    reference: SessionReference,
    cached: { result: CorrelationResult; cachedAt: number } | null,
    signal: AbortSignal,
  ): Promise<CorrelateResponse> {
    const settings = await deps.settings();
    const connections = await pickConnections(deps.connections, { ids: request.connectionIds, name: reference.connection });
    const window = deriveTimeWindow(reference, { marginMs: settings.marginMinutes * 60_000, now: now(), from: request.from, to: request.to });
    const plan = request.mode === 'refresh' && cached ? planRefresh(cached.result, connections, window) : { kind: 'full' as const };
    if (plan.kind === 'covered' && cached) return { result: cached.result, source: 'cache', cachedAt: cached.cachedAt };

    const runWindow = plan.kind === 'tail' ? { from: plan.boundary, to: window.to } : window;
    let last: RunProgress | undefined;
    const emit = (progress: RunProgress) => {
      last = progress;
      deps.emitProgress({ requestId: request.requestId, ...progress });
    };
    // Failures are shown, cached and exported from here on (the offline notice quotes one): scrubbed first.
    const fresh = scrubRunFailures(await runCorrelation({
      reference,
      connections,
      window: runWindow,
      settings,
      clientFor: deps.clientFor,
      signal,
      onProgress: emit,
      now,
      tuning: deps.tuning,
      fetchContext: deps.fetchContext,
    }));
    if (cached && wentOffline(fresh)) {
      return { result: cached.result, source: 'cache', cachedAt: cached.cachedAt, offline: offlineNotice(fresh, cached.cachedAt) };
    }
    // An incomplete tail still joins the cached part: its failures say what is missing, and the
    // older complete run stays what the cache shows by default.
    const result = plan.kind === 'tail' && cached ? mergeTail(cached.result, fresh, plan.boundary) : fresh;
    let cacheWarning: AppErrorValue | undefined;
    if (hasData(result)) {
      emit({ queries: [], ...last, totals: fresh.stats, phase: 'saving' });
      cacheWarning = await save(result);
    }
    emit({ queries: [], ...last, totals: fresh.stats, phase: 'done' });
    return { result, source: 'network', ...(cacheWarning ? { cacheWarning } : {}) };
  }

  /** Returns why the run is not on disk (disk full, read-only), for the user to see. */
  async function save(result: CorrelationResult): Promise<AppErrorValue | undefined> {
    try {
      return (await deps.cache.saveRun(result))?.warning;
    } catch (error) {
      // The run itself succeeded: a cache that cannot be written must not hide its result.
      if (!isAppError(error)) throw error;
      return error.toValue();
    }
  }

  return {
    correlate,
    cancel({ requestId }) {
      running.get(requestId)?.abort('cancelled');
    },
  };
}

/** Cache-first serves the cached run unless the request asks for connections or times it lacks. */
export function covers(result: CorrelationResult, request: Pick<CorrelateRequest, 'connectionIds' | 'from' | 'to'>): boolean {
  if (request.connectionIds?.some((id) => !result.connections.some((c) => c.id === id))) return false;
  if (request.from !== undefined && request.from < result.window.from) return false;
  if (request.to !== undefined && request.to > result.window.to) return false;
  return true;
}

/** A run where no query got through holds nothing worth keeping (and must not shadow an older run). */
function hasData(result: CorrelationResult): boolean {
  const failedEverywhere = result.connections.every((c) => result.failures.some((f) => f.connectionId === c.id && f.logGroups.length >= c.logGroups.length));
  return result.complete || result.events.length > 0 || !failedEverywhere;
}

function notCached(sessionId: string): AppError {
  return new AppError('NOT_FOUND', `Session ${sessionId} is not in the local cache.`, 'Correlate it once while online (without --offline); after that it can be reviewed offline.');
}

function runTimedOut(ms: number): AppError {
  return new AppError('AWS_QUERY_TIMEOUT', `The correlation did not finish within ${Math.round(ms / 60_000)} minutes and was stopped.`, 'Narrow the time window or the log groups, then try again.');
}
