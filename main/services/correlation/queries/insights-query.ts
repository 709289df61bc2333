import { StartQueryCommand, StopQueryCommand, type GetQueryResultsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import { AppError } from '../../../../shared/errors';
import { mapAwsError } from '../../aws/aws-errors';
import { errorKind } from '../../aws/error-kind';
import type { ProgressTracker, QueryStatus } from './progress-tracker';
import { getQueryResults } from './result-pages';
import type { SecondRange } from './time-range';
import { cancelledError, sleep } from '../../async/tasks';
import { pollDelay } from './timing';
import type { QueryTarget, QueryTuning } from './types';

export interface QuerySpec {
  key: string;
  target: QueryTarget;
  logGroups: string[];
  range: SecondRange;
  queryString: string;
}

export interface QueryContext {
  tuning: QueryTuning;
  tracker: ProgressTracker;
  signal?: AbortSignal;
  random?: () => number;
}

export type FinalStatus = 'Complete' | 'Failed' | 'Timeout' | 'Cancelled';

/** Where a finished query's rows are read from: the first page came with the poll that saw it end. */
export interface ResultCursor {
  queryId: string;
  first: GetQueryResultsCommandOutput;
  /** When the query was seen finished: its `nextToken`s expire an hour after. */
  completedAt: number;
}

export interface QueryOutcome {
  status: FinalStatus;
  /** What Insights counted as matching, before `limit`: more than the limit means the rows were cut. */
  matched: number;
  /** Set when the status is Complete. */
  results?: ResultCursor;
}

const FINAL: ReadonlySet<string> = new Set<FinalStatus>(['Complete', 'Failed', 'Timeout', 'Cancelled']);
/** StopQuery must get through after a cancel, so it has its own short deadline instead of the run's signal. */
const STOP_TIMEOUT_MS = 5_000;
/**
 * `maxItems` while polling: a Running query returns its partial results with every poll, and the
 * rows are read once, page by page, after it finished, so a poll needs none of them.
 */
const POLL_ITEMS = 1;

/**
 * Runs one Logs Insights query to its end: StartQuery (waiting out the account's concurrency
 * limit), adaptive GetQueryResults polling with progress, and StopQuery whenever it is left
 * unfinished — cancelled, timed out on our side, or abandoned after an error — so nothing keeps
 * scanning (and billing) behind the user's back. The rows are not read here (see result-pages.ts),
 * so a caller can decide from `matched` what to read. Throws AppError (CANCELLED included).
 */
export async function runInsightsQuery(spec: QuerySpec, context: QueryContext): Promise<QueryOutcome> {
  const { signal, tracker, tuning } = context;
  const queryId = await startQuery(spec, context);
  tracker.markStarted(spec.key);
  let finished = false;
  try {
    if (signal?.aborted) throw cancelledError();
    const began = Date.now();
    for (let poll = 0; ; poll += 1) {
      await sleep(pollDelay(poll, Date.now() - began, tuning), signal);
      if (Date.now() - began > tuning.maxQueryMs) throw queryTooSlow(tuning.maxQueryMs);
      const output = await getQueryResults(spec.target, { queryId, maxItems: POLL_ITEMS }, context);
      const status = (output.status ?? 'Unknown') as QueryStatus;
      const stats = output.statistics;
      tracker.update(spec.key, {
        status,
        recordsScanned: stats?.recordsScanned ?? 0,
        recordsMatched: stats?.recordsMatched ?? 0,
        bytesScanned: stats?.bytesScanned ?? 0,
      });
      if (FINAL.has(status)) {
        finished = true;
        const matched = stats?.recordsMatched ?? 0;
        if (status !== 'Complete') return { status: status as FinalStatus, matched };
        return { status, matched, results: { queryId, first: output, completedAt: Date.now() } };
      }
    }
  } finally {
    if (!finished) await stopQuery(spec, queryId);
  }
}

/**
 * StartQuery is deliberately not aborted mid-flight: the service may already have started the
 * query, and without its id it could not be stopped. A cancel takes effect right after it returns.
 */
async function startQuery(spec: QuerySpec, context: QueryContext): Promise<string> {
  const { signal, tuning } = context;
  const began = Date.now();
  for (;;) {
    if (signal?.aborted) throw cancelledError();
    try {
      const output = await spec.target.client.send(
        new StartQueryCommand({
          logGroupNames: spec.logGroups,
          startTime: spec.range.startSec,
          endTime: spec.range.endSec,
          queryString: spec.queryString,
          limit: tuning.limit,
        }),
      );
      if (!output.queryId) throw new AppError('AWS_ERROR', 'CloudWatch Logs started a query but returned no query id.', 'Try again.');
      return output.queryId;
    } catch (error) {
      // Throttling and 5xx were retried by the client (main/services/aws/retry-strategy.ts); only the
      // account's concurrency limit comes back here, and it is waited out, not reported.
      if (errorKind(error) === 'concurrency' && Date.now() - began < tuning.concurrencyWaitMs) {
        // Other queries of the account hold the slots: wait for some to end, not for a rate window.
        context.tracker.update(spec.key, { status: 'Pending' });
        await sleep(Math.round(tuning.concurrencyRetryBaseMs * (0.5 + (context.random ?? Math.random)())), signal);
        continue;
      }
      throw mapAwsError(error, spec.target.errorContext);
    }
  }
}

async function stopQuery(spec: QuerySpec, queryId: string): Promise<void> {
  try {
    await spec.target.client.send(new StopQueryCommand({ queryId }), { abortSignal: AbortSignal.timeout(STOP_TIMEOUT_MS) });
  } catch {
    // Already ended (InvalidParameterException) or unreachable: nothing more can be done from here.
  }
}

function queryTooSlow(maxMs: number): AppError {
  return new AppError(
    'AWS_QUERY_TIMEOUT',
    `The query did not finish within ${Math.round(maxMs / 60_000)} minutes and was stopped.`,
    'Narrow the time window (--from/--to) or query fewer log groups at once.',
  );
}
