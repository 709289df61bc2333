import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../shared/domain/connection';
import type { CorrelationResult, ErrorGroup, LogEvent, RunFailure, RunStats, SessionInfo, TimeWindow } from '../../shared/domain/correlation';
import type { Settings } from '../../shared/domain/settings';
import { isAppError } from '../../shared/errors';
import { buildSessionQuery } from '../../shared/session/query';
import type { SessionReference } from '../../shared/session/types';
import { mapAwsError } from '../aws/aws-errors';
import { errorContextOf } from '../aws/client-factory';
import { attachContextLines, type ContextFetcher } from './context-for-groups';
import { fetchContextLines } from './processing/context-lines';
import { parseInsightsTimestamp } from './processing/insights-timestamp';
import { RunProcessor } from './processing/run-processor';
import type { InsightsRow } from './processing/types';
import { ProgressTracker, type RunProgress } from './queries/progress-tracker';
import { runQueries, StopQueries, type PartDone } from './queries/run-queries';
import { createLimiter } from './queries/timing';
import type { QueryTarget, QueryTuning, RowBatch } from './queries/types';
import { replayLinks } from './replay-links';
import { TraceTails } from './trace-tails';
import { cancelledPartly, everyConnection, missingFrom, stoppedAtBudget, unionOf } from './window-coverage';

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
 */
export async function runCorrelation(input: RunCorrelationInput): Promise<RunOutcome> {
  const { reference, window, settings, signal } = input;
  const now = input.now ?? Date.now;
  const tracker = new ProgressTracker(settings.pricePerGb, input.onProgress);
  const failures: RunFailure[] = [];
  const targets: QueryTarget[] = [];
  const links = replayLinks(reference, input.connections);
  const processor = new RunProcessor({ sessionStart: reference.start, replayUrlAt: links.at });
  const covered: TimeWindow[] = [];
  /** Where the parts done so far end: a run stopped in the next part covers from there. */
  let partsEnd = window.from;
  let kept = 0;
  const hand = async (events: LogEvent[]) => {
    const wanted = input.keep ? events.filter((e) => input.keep!.some((r) => e.timestamp >= r.from && e.timestamp <= r.to)) : events;
    kept += wanted.length;
    if (wanted.length > 0) await input.onEvents(wanted);
  };
  try {
    for (const connection of input.connections) {
      try {
        const client = input.clientFor(connection);
        targets.push({
          connectionId: connection.id,
          connection: connection.name,
          logGroups: connection.logGroups,
          client,
          errorContext: errorContextOf(client),
          queryString: buildSessionQuery(reference, { idFieldNames: connection.sessionIdFields }),
        });
      } catch (error) {
        failures.push(connectionFailure(connection, error));
      }
    }
    const tails = new TraceTails(targets, { limit: createLimiter(4), signal });
    let taken = 0;
    const onRows = async (page: RowBatch) => {
      const room = settings.maxEventsPerRun - taken;
      const rows = page.rows.length > room ? page.rows.slice(0, room) : page.rows;
      taken += rows.length;
      await hand(processor.push(await tails.attach({ source: page.source, rows })));
      if (taken >= settings.maxEventsPerRun) throw new StopQueries(reachedBefore(page.rows, rows.length));
    };
    const onPartDone = async (part: PartDone) => {
      await hand(processor.flushIdle(part.window.to));
      if (part.failures.length === 0) covered.push(part.window);
      partsEnd = part.window.to;
      await input.onPartDone?.({ ...part, groups: processor.groups() });
    };
    let queried;
    try {
      queried = await runQueries(targets, { queryString: buildSessionQuery(reference), window, tracker, signal, tuning: input.tuning, partBoundaries: input.partBoundaries, onRows, onPartDone });
    } catch (error) {
      // Nothing arrived: there is nothing to keep. Otherwise what arrived is kept, marked partial.
      if (!(isAppError(error) && error.code === 'CANCELLED') || (processor.emitted === 0 && covered.length === 0)) throw error;
      queried = undefined;
    }
    tracker.setPhase('processing', 'Joining the last stack traces and grouping errors');
    for (const page of await tails.flush()) await hand(processor.push(page));
    await hand(processor.flush());
    if (queried) failures.push(...queried.failures);
    if (queried?.stopped) {
      const reachedTo = Math.max(partsEnd, queried.coveredTo ?? partsEnd);
      covered.push({ from: partsEnd, to: reachedTo });
      failures.push(...everyConnection(input.connections, stoppedAtBudget(settings.maxEventsPerRun, { from: window.from, to: reachedTo })));
    }
    if (!queried) failures.push(...everyConnection(input.connections, cancelledPartly(missingFrom(window, covered))));

    const groups = processor.groups();
    if (queried && groups.length > 0 && settings.contextEvents > 0) {
      tracker.setPhase('context');
      const clients = new Map(targets.map((t) => [t.connectionId, t.client]));
      try {
        await attachContextLines(groups, (fingerprint) => processor.sampleOf(fingerprint), (id) => clients.get(id), input.fetchContext ?? fetchContextLines, {
          events: settings.contextEvents,
          seconds: settings.contextSeconds,
          limit: createLimiter(4),
          signal,
        });
      } catch (error) {
        if (!(isAppError(error) && error.code === 'CANCELLED')) throw error;
        // Every line is in: a cancel here only leaves context lines to be fetched when asked for.
        for (const group of groups) if (group.contextBefore.length + group.contextAfter.length === 0) group.contextPending = true;
      }
    } else if (groups.length > 0 && settings.contextEvents > 0) {
      for (const group of groups) group.contextPending = true;
    }
    return {
      session: sessionInfo(reference, input.connections),
      window: { from: window.from, to: window.to },
      stats: { ...tracker.totals(), recordsMatched: queried?.stats.recordsMatched ?? tracker.totals().recordsMatched },
      groups,
      failures,
      complete: failures.length === 0,
      connections: searchedConnections(input.connections),
      ranAt: now(),
      eventCount: kept,
      covered: unionOf(covered),
    };
  } finally {
    for (const target of targets) target.client.destroy();
  }
}

/**
 * A page cut at the budget covers everything before its first row not taken (rows come in time
 * order); a page taken whole, everything before its last row's millisecond (the next page may
 * hold more rows of it).
 */
function reachedBefore(rows: readonly InsightsRow[], taken: number): number {
  const next = parseInsightsTimestamp(rows[Math.min(taken, rows.length - 1)]?.['@timestamp']);
  return next === undefined ? Number.NEGATIVE_INFINITY : next - 1;
}

/** What each connection searched: a run with other log groups or session-ID field names is another search. */
export function searchedConnections(connections: readonly Connection[]): RunOutcome['connections'] {
  return connections.map((c) => ({ id: c.id, name: c.name, logGroups: [...c.logGroups], ...(c.sessionIdFields?.length ? { sessionIdFields: [...c.sessionIdFields] } : {}) }));
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

function connectionFailure(connection: Connection, error: unknown): RunFailure {
  const app = isAppError(error) ? error : mapAwsError(error, { region: connection.region, endpoint: connection.endpoint });
  return {
    connectionId: connection.id,
    connection: connection.name,
    logGroups: [...connection.logGroups],
    code: app.code,
    message: app.message,
    hint: app.hint,
  };
}
