import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../shared/domain/connection';
import {
  correlateRequestSchema,
  type CorrelateRequest,
  type CorrelationProgress,
  type CorrelationResult,
} from '../../../shared/domain/correlation';
import type { Settings } from '../../../shared/domain/settings';
import { AppError, isAppError, type AppErrorValue } from '../../../shared/errors';
import { parseSessionReference } from '../../../shared/session/parse-reference';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import type { SessionReference } from '../../../shared/session/types';
import type { ContextFetcher } from './context/context-for-groups';
import { mergeTail } from './merge-runs';
import { offlineNotice, wentOffline, type RunSummary } from './offline';
import { pickConnections, type ConnectionSource } from './pick-connections';
import type { RunProgress } from './queries/progress-tracker';
import type { QueryTuning } from './queries/types';
import { planRefresh } from './refresh-plan';
import { runCorrelation, searchedConnections, sessionInfo, type RunOutcome } from './run-correlation';
import { unionOf } from './window-coverage';
import { scrubRunFailures } from '../security/secret-scrubber';
import type { CacheStore, OpenedView, SavedRun } from '../cache/cache-types';
import type { CorrelateResponse, FacetCounts, SessionView } from '../../../shared/domain/session-view';
import { domainOfOffsets } from '../../../shared/domain/timeline';

/** The cache operations a run needs. */
export type SessionCache = Pick<CacheStore, 'openView' | 'beginRun' | 'runView' | 'lastEventBefore'>;

/** The first part of the window ends this long after the session start: most lines sit there. */
export const FIRST_PART_MS = 15 * 60_000;

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
  /** Where the first part of the window ends, after the session start (0: one part). */
  firstPartMs?: number;
  /** What a run has so far, once a part of its window is in (the app shows it; the CLI needs not). */
  emitPartial?: (partial: { requestId: string; response: CorrelateResponse }) => void;
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
    if (!checked.success)
      throw new AppError(
        'INVALID_INPUT',
        'The correlation request is not valid.',
        'Give a session reference and, optionally, connection ids and a time window.',
      );
    const request = checked.data;
    // The renderer's own parse is never trusted: the raw text is parsed again here.
    const parsed = parseSessionReference(request.reference, { now: now() });
    if (!parsed.ok) throw new AppError(parsed.error.code, parsed.error.message, parsed.error.hint);
    const reference = parsed.value;
    const cached = deps.cache.openView(reference.sessionId);

    if (request.mode === 'offline') {
      if (!cached) throw notCached(reference.sessionId);
      return fromCache(cached);
    }
    if (request.mode === 'cache-first' && cached && covers(cached.view, request)) return fromCache(cached);
    if (running.has(request.requestId))
      throw new AppError('DUPLICATE', 'A run with this request id is already in progress.', 'Use a new request id for each run.');
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
    cached: OpenedView | null,
    signal: AbortSignal,
  ): Promise<CorrelateResponse> {
    const settings = await deps.settings();
    const connections = await pickConnections(deps.connections, { ids: request.connectionIds, name: reference.connection });
    const window = deriveTimeWindow(reference, {
      marginMs: settings.marginMinutes * 60_000,
      now: now(),
      from: request.from,
      to: request.to,
    });
    const cachedRunId = cached?.view.run.runId;
    const plan =
      request.mode === 'refresh' && cached && cachedRunId !== undefined
        ? planRefresh(
            { ...cached.view, covered: cached.covered, lastEventBefore: (time) => deps.cache.lastEventBefore(cachedRunId, time) },
            connections,
            window,
          )
        : { kind: 'full' as const };
    if (plan.kind === 'covered' && cached) return fromCache(cached);

    const runWindow = plan.kind === 'tail' ? { from: plan.boundary, to: window.to } : window;
    let last: RunProgress | undefined;
    const emit = (progress: RunProgress) => {
      last = progress;
      deps.emitProgress({ requestId: request.requestId, ...progress });
    };
    const session = sessionInfo(reference, connections);
    const writer = deps.cache.beginRun({ session, window, connections: searchedConnections(connections), ranAt: now() });
    let outcome: RunOutcome;
    let copied = 0;
    try {
      // A refresh keeps the cached events before the boundary: copied inside the cache, not read.
      if (plan.kind === 'tail' && cached)
        copied = writer.copyFrom(cached.view.run.runId, [{ from: cached.view.window.from, to: plan.boundary - 1 }]);
      const firstPartMs = deps.firstPartMs ?? FIRST_PART_MS;
      // Failures are shown, cached and exported from here on (the offline notice quotes one): scrubbed first.
      outcome = scrubRunFailures(
        await runCorrelation({
          reference,
          connections,
          window: runWindow,
          settings,
          clientFor: deps.clientFor,
          onEvents: (events) => writer.append(events),
          onPartDone: (part) => {
            // The last part's answer is the run's own response; earlier ones are shown while the rest comes.
            if (!deps.emitPartial || part.last) return;
            const groups =
              plan.kind === 'tail' && cached
                ? mergeTail(
                    { ...cached.view, session: { start: reference.start } },
                    { ...part, window: runWindow, session: { start: reference.start } },
                    plan.boundary,
                  ).groups
                : part.groups;
            const header = { stats: last?.totals ?? emptyStats, groups, failures: part.failures, complete: false };
            deps.emitPartial({
              requestId: request.requestId,
              response: { result: deps.cache.runView({ sessionId: reference.sessionId, runId: writer.runId }, header), source: 'network' },
            });
          },
          ...(firstPartMs > 0 ? { partBoundaries: [reference.start + firstPartMs] } : {}),
          ...(plan.kind === 'tail' ? { keep: [{ from: plan.boundary, to: Number.MAX_SAFE_INTEGER }] } : {}),
          signal,
          onProgress: emit,
          now,
          tuning: deps.tuning,
          fetchContext: deps.fetchContext,
        }),
      );
    } catch (error) {
      writer.abort();
      throw error;
    }
    if (cached && wentOffline(outcome)) {
      writer.abort();
      return { ...fromCache(cached), offline: offlineNotice(outcome, cached.cachedAt) };
    }
    // An incomplete tail still joins the cached part: its failures say what is missing, and the
    // older complete run stays what the cache shows by default.
    const merged =
      plan.kind === 'tail' && cached
        ? { ...outcome, ...mergeTail({ ...cached.view, session: { start: reference.start } }, outcome, plan.boundary) }
        : outcome;
    const covered =
      plan.kind === 'tail' && cached
        ? unionOf([{ from: cached.view.window.from, to: plan.boundary - 1 }, ...outcome.covered])
        : outcome.covered;
    const eventCount = copied + outcome.eventCount;
    if (!hasData({ ...merged, eventCount })) {
      writer.abort();
      emit({ queries: [], parts: [], ...last, totals: outcome.stats, phase: 'done' });
      return { result: emptyView(merged), source: 'network' };
    }
    emit({ queries: [], parts: [], ...last, totals: outcome.stats, phase: 'saving' });
    const saved = save(() =>
      writer.finish({
        stats: merged.stats,
        groups: merged.groups,
        failures: merged.failures,
        complete: merged.complete,
        covered,
        window: merged.window,
      }),
    );
    emit({ queries: [], parts: [], ...last, totals: outcome.stats, phase: 'done' });
    const result =
      saved.runId === undefined ? emptyView(merged) : deps.cache.runView({ sessionId: reference.sessionId, runId: saved.runId });
    return { result, source: 'network', ...(saved.warning ? { cacheWarning: saved.warning } : {}) };
  }

  /** Finishes the run; a cache that refuses it must not hide the result: the user is told why. */
  function save(finish: () => SavedRun): { runId?: number; warning?: AppErrorValue } {
    try {
      return finish();
    } catch (error) {
      if (!isAppError(error)) throw error;
      return { warning: error.toValue() };
    }
  }

  return {
    correlate,
    cancel({ requestId }) {
      running.get(requestId)?.abort('cancelled');
    },
  };
}

const emptyStats = { bytesScanned: 0, recordsScanned: 0, recordsMatched: 0, costUsd: 0, queries: 0 };

function fromCache(cached: OpenedView): CorrelateResponse {
  return { result: cached.view, source: 'cache', cachedAt: cached.cachedAt };
}

/** Cache-first serves the cached run unless the request asks for connections or times it lacks. */
export function covers(
  result: Pick<CorrelationResult, 'connections' | 'window'>,
  request: Pick<CorrelateRequest, 'connectionIds' | 'from' | 'to'>,
): boolean {
  if (request.connectionIds?.some((id) => !result.connections.some((c) => c.id === id))) return false;
  if (request.from !== undefined && request.from < result.window.from) return false;
  if (request.to !== undefined && request.to > result.window.to) return false;
  return true;
}

/** A run where no query got through holds nothing worth keeping (and must not shadow an older run). */
function hasData(result: RunSummary & { complete: boolean }): boolean {
  const failedEverywhere = result.connections.every((c) =>
    result.failures.some((f) => f.connectionId === c.id && f.logGroups.length >= c.logGroups.length),
  );
  return result.complete || result.eventCount > 0 || !failedEverywhere;
}

/** The view of a run nothing of which was kept (no query got through): nothing to read further. */
function emptyView(outcome: RunOutcome): SessionView {
  const { eventCount: _count, covered: _covered, ...rest } = outcome;
  const empty: FacetCounts = { levels: [], logGroups: [], connections: [] };
  return {
    ...rest,
    eventCount: 0,
    facets: empty,
    domain: domainOfOffsets(undefined, undefined, outcome.session.end - outcome.session.start),
    firstEvents: [],
  };
}

function notCached(sessionId: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `Session ${sessionId} is not in the local cache.`,
    'Correlate it once while online (without --offline); after that it can be reviewed offline.',
  );
}

function runTimedOut(ms: number): AppError {
  return new AppError(
    'AWS_QUERY_TIMEOUT',
    `The correlation did not finish within ${Math.round(ms / 60_000)} minutes and was stopped.`,
    'Narrow the time window or the log groups, then try again.',
  );
}
