import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../shared/domain/connection';
import type { CorrelationResult, RunFailure, TimeWindow } from '../../shared/domain/correlation';
import type { Settings } from '../../shared/domain/settings';
import { isAppError } from '../../shared/errors';
import { buildSessionQuery } from '../../shared/session/query';
import type { SessionReference } from '../../shared/session/types';
import { mapAwsError } from '../aws/aws-errors';
import { errorContextOf } from '../aws/client-factory';
import { fetchContextLines } from './processing/context-lines';
import { processRows } from './processing/process-rows';
import { ProgressTracker, type RunProgress } from './queries/progress-tracker';
import { runQueries } from './queries/run-queries';
import { cancelledError, createLimiter } from './queries/timing';
import type { QueryTarget, QueryTuning } from './queries/types';
import { replayLinks } from './replay-links';
import { attachTraceTails } from './trace-tails';
import { attachContextLines, type ContextFetcher } from './context-for-groups';

export interface RunCorrelationInput {
  reference: SessionReference;
  connections: readonly Connection[];
  window: TimeWindow;
  settings: Pick<Settings, 'pricePerGb' | 'contextEvents' | 'contextSeconds'>;
  /** A client per connection; the run owns what it gets and destroys it at the end. */
  clientFor: (connection: Connection) => CloudWatchLogsClient;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  now?: () => number;
  tuning?: Partial<QueryTuning>;
  /** Context lines around each group's first occurrence; default GetLogEvents via fetchContextLines. */
  fetchContext?: ContextFetcher;
}

/**
 * The main job: one session reference → the backend events of that session across every chosen
 * connection, errors grouped, context lines attached. A connection that fails is listed in
 * `failures` (and `complete` is false); only cancellation throws (AppError CANCELLED).
 */
export async function runCorrelation(input: RunCorrelationInput): Promise<CorrelationResult> {
  const { reference, window, settings, signal } = input;
  const now = input.now ?? Date.now;
  const queryString = buildSessionQuery(reference);
  const tracker = new ProgressTracker(settings.pricePerGb, input.onProgress);
  const failures: RunFailure[] = [];
  const targets: QueryTarget[] = [];
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
    const queried = await runQueries(targets, { queryString, window, tracker, signal, tuning: input.tuning });
    failures.push(...queried.failures);
    if (signal?.aborted) throw cancelledError();

    tracker.setPhase('processing', 'Reading the stack trace lines that follow tagged errors');
    await attachTraceTails(queried.batches, targets, { limit: createLimiter(4), signal });
    const links = replayLinks(reference, input.connections);
    const { events, groups } = processRows(queried.batches, { sessionStart: reference.start, replayUrlAt: links.at });

    if (groups.length > 0 && settings.contextEvents > 0) {
      tracker.setPhase('context');
      await attachContextLines(groups, events, targets, input.fetchContext ?? fetchContextLines, {
        events: settings.contextEvents,
        seconds: settings.contextSeconds,
        limit: createLimiter(4),
        signal,
      });
    }
    if (signal?.aborted) throw cancelledError();
    return {
      session: {
        id: reference.sessionId,
        ...(reference.token === undefined ? {} : { token: reference.token }),
        start: reference.start,
        end: reference.end,
        ...(links.session === undefined ? {} : { replayUrl: links.session }),
      },
      window: { from: window.from, to: window.to },
      stats: queried.stats,
      groups,
      events,
      failures,
      complete: failures.length === 0,
      connections: input.connections.map((c) => ({ id: c.id, name: c.name, logGroups: [...c.logGroups], ...(c.sessionIdFields?.length ? { sessionIdFields: [...c.sessionIdFields] } : {}) })),
      ranAt: now(),
    };
  } finally {
    for (const target of targets) target.client.destroy();
  }
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
