import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../shared/domain/connection';
import type {
  CorrelationResult,
  ErrorGroup,
  LogEvent,
  RunFailure,
  RunStats,
  SessionInfo,
  TimeWindow,
} from '../../../shared/domain/correlation';
import type { Settings } from '../../../shared/domain/settings';
import { buildSessionQuery } from '../../../shared/session/query';
import type { SessionReference } from '../../../shared/session/types';
import { createLimiter, isCancelled } from '../async/tasks';
import {
  contextForGroups,
  contextPendingFor,
  withContext,
  type ContextFetcher,
  type GroupContextPatch,
} from './context/context-for-groups';
import { fetchContextLines } from './context/fetch-context-lines';
import { RunProcessor } from './processing/run-processor';
import { ProgressTracker, type RunProgress } from './queries/progress-tracker';
import { runQueries, type PartDone, type RunQueriesResult } from './queries/run-queries';
import type { QueryTuning } from './queries/types';
import { replayLinks } from './replay-links';
import type { RowBatch } from './rows/row-batch';
import { EventBudget } from './run/event-budget';
import { EventOutlet } from './run/event-outlet';
import { clientLookup, queryTargets } from './run/query-targets';
import { RunCoverage } from './run/run-coverage';
import { TraceTails } from './trace-tails/trace-tails';

export interface RunCorrelationInput {
  reference: SessionReference;
  connections: readonly Connection[];
  window: TimeWindow;
  settings: Pick<Settings, 'pricePerGb' | 'contextEvents' | 'contextSeconds' | 'maxEventsPerRun'>;
  /** A client per connection; the run owns what it gets and destroys it at the end. */
  clientFor: (connection: Connection) => CloudWatchLogsClient;
  /** Receives the events as they become final (their trace closed, their fingerprint set). */
  onEvents: (events: LogEvent[]) => void | Promise<void>;
  /** Called after each part of the window, once its events are all handed to `onEvents`. */
  onPartDone?: (part: PartDone & { groups: ErrorGroup[] }) => void | Promise<void>;
  /** Instants cutting the window into parts queried one after the other (see firstPartEnd). */
  partBoundaries?: readonly number[];
  /** Only events inside these ranges are kept (a refresh keeps the cached run's events elsewhere). */
  keep?: readonly TimeWindow[];
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  now?: () => number;
  tuning?: Partial<QueryTuning>;
  /** Context lines around each group's first occurrence; default GetLogEvents via fetchContextLines. */
  fetchContext?: ContextFetcher;
}

/** A run without its events (they went to `onEvents`). */
export interface RunOutcome {
  session: SessionInfo;
  window: TimeWindow;
  stats: RunStats;
  groups: ErrorGroup[];
  failures: RunFailure[];
  complete: boolean;
  connections: CorrelationResult['connections'];
  ranAt: number;
  eventCount: number;
  /** The parts of the window whose every line was delivered. */
  covered: TimeWindow[];
}

/**
 * The main job: one session reference → the backend events of that session across every chosen
 * connection, errors grouped, context lines attached, page by page so no step holds the whole
 * session. A connection that fails is listed in `failures` (and `complete` is false). A run past
 * its budget stops and says which range it covers. A cancel after some rows arrived keeps them,
 * marked partial; a cancel before anything arrived throws AppError CANCELLED.
 *
 * The stages, each given what the one before returned:
 *   fetch rows      runQueries (queries/)             → RowBatch, page by page
 *   trace tails     TraceTails.attach (trace-tails/)  RowBatch → RowBatch
 *   process (pure)  RunProcessor.push (processing/)   RowBatch → final LogEvent[]; ErrorGroup[] at the end
 *   context lines   contextForGroups (context/)       ErrorGroup[] → context by fingerprint → fresh ErrorGroup[]
 *   save            `onEvents` per page, the returned RunOutcome at the end (the caller's cache writer)
 */
export async function runCorrelation(input: RunCorrelationInput): Promise<RunOutcome> {
  const { reference, window, settings, signal } = input;
  const tracker = new ProgressTracker(settings.pricePerGb, input.onProgress);
  const { targets, failures: unreachable } = queryTargets(reference, input.connections, input.clientFor);
  try {
    const clientOf = clientLookup(targets);
    const tails = new TraceTails(clientOf, { limit: createLimiter(4), signal });
    const processor = new RunProcessor({ sessionStart: reference.start, replayUrlAt: replayLinks(reference, input.connections).at });
    const budget = new EventBudget(settings.maxEventsPerRun);
    const coverage = new RunCoverage(window);
    const outlet = new EventOutlet(input.onEvents, input.keep);

    // Fetch rows → trace tails → process → save, one page at a time.
    const onRows = async (page: RowBatch) => {
      const { batch, stop } = budget.take(page);
      await outlet.hand(processor.push(await tails.attach(batch)));
      if (stop) throw stop;
    };
    const onPartDone = async (part: PartDone) => {
      await outlet.hand(processor.flushIdle(part.window.to));
      coverage.partDone(part);
      await input.onPartDone?.({ ...part, groups: processor.groups() });
    };
    const queried = await keptIfCancelled(
      runQueries(targets, {
        queryString: buildSessionQuery(reference),
        window,
        tracker,
        signal,
        tuning: input.tuning,
        partBoundaries: input.partBoundaries,
        onRows,
        onPartDone,
      }),
      () => processor.emitted > 0 || coverage.anyPart,
    );

    // The end of the rows: what trace tails and the processor still hold is final.
    tracker.setPhase('processing', 'Joining the last stack traces and grouping errors');
    for (const batch of await tails.flush()) await outlet.hand(processor.push(batch));
    await outlet.hand(processor.flush());

    // Context lines.
    const found = processor.groups();
    const context = await contextStage(found, {
      allRowsIn: queried !== undefined,
      settings,
      tracker,
      sampleOf: (fingerprint) => processor.sampleOf(fingerprint),
      clientOf,
      fetch: input.fetchContext ?? fetchContextLines,
      signal,
    });
    const groups = withContext(found, context);

    const { covered, failures: shortfall } = coverage.close(queried, input.connections, settings.maxEventsPerRun);
    const failures = [...unreachable, ...(queried?.failures ?? []), ...shortfall];
    const totals = tracker.totals();
    return {
      session: sessionInfo(reference, input.connections),
      window: { from: window.from, to: window.to },
      stats: {
        ...totals,
        recordsMatched: queried?.stats.recordsMatched ?? totals.recordsMatched,
        ...(processor.dropped > 0 ? { rowsWithoutTimestamp: processor.dropped } : {}),
      },
      groups,
      failures,
      complete: failures.length === 0,
      connections: searchedConnections(input.connections),
      ranAt: (input.now ?? Date.now)(),
      eventCount: outlet.count,
      covered,
    };
  } finally {
    for (const target of targets) target.client.destroy();
  }
}

interface ContextStageInput {
  /** False for a run cancelled before its rows were all in. */
  allRowsIn: boolean;
  settings: Pick<Settings, 'contextEvents' | 'contextSeconds'>;
  tracker: ProgressTracker;
  sampleOf: (fingerprint: string) => LogEvent | undefined;
  clientOf: (connectionId: string) => CloudWatchLogsClient | undefined;
  fetch: ContextFetcher;
  signal?: AbortSignal;
}

/**
 * Context lines for the largest groups, by fingerprint; a run cancelled before its rows were all
 * in leaves them all to be fetched when asked for.
 */
async function contextStage(groups: readonly ErrorGroup[], input: ContextStageInput): Promise<Map<string, GroupContextPatch>> {
  if (groups.length === 0 || input.settings.contextEvents === 0) return new Map();
  if (!input.allRowsIn) return contextPendingFor(groups);
  input.tracker.setPhase('context');
  return contextForGroups(groups, input.sampleOf, input.clientOf, input.fetch, {
    events: input.settings.contextEvents,
    seconds: input.settings.contextSeconds,
    limit: createLimiter(4),
    signal: input.signal,
  });
}

/**
 * The queries' result, or undefined when they were cancelled after something arrived (what
 * arrived is kept, marked partial); a cancel before anything arrived, or any other failure, is thrown.
 */
async function keptIfCancelled(queries: Promise<RunQueriesResult>, somethingArrived: () => boolean): Promise<RunQueriesResult | undefined> {
  try {
    return await queries;
  } catch (error) {
    if (isCancelled(error) && somethingArrived()) return undefined;
    throw error;
  }
}

/** What each connection searched: a run with other log groups or session-ID field names is another search. */
export function searchedConnections(connections: readonly Connection[]): RunOutcome['connections'] {
  return connections.map((c) => ({
    id: c.id,
    name: c.name,
    logGroups: [...c.logGroups],
    ...(c.sessionIdFields?.length ? { sessionIdFields: [...c.sessionIdFields] } : {}),
  }));
}

/** The session as a run records it, with its replay link when one can be made. */
export function sessionInfo(reference: SessionReference, connections: readonly Connection[]): SessionInfo {
  const replayUrl = replayLinks(reference, connections).session;
  return {
    id: reference.sessionId,
    ...(reference.token === undefined ? {} : { token: reference.token }),
    start: reference.start,
    end: reference.end,
    ...(replayUrl === undefined ? {} : { replayUrl }),
  };
}
