import { GetQueryResultsCommand, StartQueryCommand, StopQueryCommand, type ResultField } from '@aws-sdk/client-cloudwatch-logs';
import { AppError } from '../../../shared/errors';
import { mapAwsError } from '../../aws/aws-errors';
import type { InsightsRow } from '../processing/types';
import { errorKind } from './error-kind';
import type { ProgressTracker, QueryStatus } from './progress-tracker';
import type { SecondRange } from './time-range';
import { backoffDelay, cancelledError, pollDelay, sleep } from './timing';
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

export interface QueryOutcome {
  status: FinalStatus;
  rows: InsightsRow[];
  /** What Insights counted as matching: more than `rows` when the result was capped. */
  matched: number;
}

const FINAL: ReadonlySet<string> = new Set<FinalStatus>(['Complete', 'Failed', 'Timeout', 'Cancelled']);
/** StopQuery must get through after a cancel, so it has its own short deadline instead of the run's signal. */
const STOP_TIMEOUT_MS = 5_000;

/**
 * Runs one Logs Insights query to its end: StartQuery (waiting out the account's concurrency
 * limit), adaptive GetQueryResults polling with progress, and StopQuery whenever it is left
 * unfinished — cancelled, timed out on our side, or abandoned after an error — so nothing keeps
 * scanning (and billing) behind the user's back. Throws AppError (CANCELLED included).
 */
export async function runInsightsQuery(spec: QuerySpec, context: QueryContext): Promise<QueryOutcome> {
  const { signal, tracker, tuning } = context;
  const queryId = await startQuery(spec, context);
  tracker.markStarted(spec.key);
  let finished = false;
  try {
    if (signal?.aborted) throw cancelledError();
    const began = Date.now();
    let errors = 0;
    for (let poll = 0; ; poll += 1) {
      await sleep(pollDelay(poll, Date.now() - began, tuning), signal);
      if (Date.now() - began > tuning.maxQueryMs) throw queryTooSlow(tuning.maxQueryMs);
      let output;
      try {
        output = await spec.target.client.send(new GetQueryResultsCommand({ queryId }), { abortSignal: signal });
      } catch (error) {
        if (signal?.aborted) throw cancelledError();
        const kind = errorKind(error);
        if (kind !== 'fatal' && errors < tuning.retryAttempts) {
          await sleep(backoffDelay(errors, tuning.retryBaseMs, tuning.retryMaxMs, context.random), signal);
          errors += 1;
          continue;
        }
        throw mapAwsError(error, spec.target.errorContext);
      }
      errors = 0;
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
        if (status !== 'Complete') return { status: status as FinalStatus, rows: [], matched };
        const rows = toRows(output.results ?? []);
        if (output.nextToken) rows.push(...(await restOfPages(spec, queryId, output.nextToken, context)));
        return { status, rows, matched };
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
  for (let attempt = 0; ; attempt += 1) {
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
      const kind = errorKind(error);
      if (kind === 'concurrency' && Date.now() - began < tuning.concurrencyWaitMs) {
        // Other queries of the account hold the slots: wait for some to end, not for a rate window.
        context.tracker.update(spec.key, { status: 'Pending' });
        await sleep(Math.round(tuning.concurrencyRetryBaseMs * (0.5 + (context.random ?? Math.random)())), signal);
        continue;
      }
      if ((kind === 'throttled' || kind === 'unavailable') && attempt < tuning.retryAttempts) {
        await sleep(backoffDelay(attempt, tuning.retryBaseMs, tuning.retryMaxMs, context.random), signal);
        continue;
      }
      throw mapAwsError(error, spec.target.errorContext);
    }
  }
}

/** A finished query's results may come in pages (limits above 10,000 rows, or a smaller page size). */
async function restOfPages(spec: QuerySpec, queryId: string, first: string, context: QueryContext): Promise<InsightsRow[]> {
  const rows: InsightsRow[] = [];
  let nextToken: string | undefined = first;
  while (nextToken) {
    if (context.signal?.aborted) throw cancelledError();
    let output;
    try {
      output = await spec.target.client.send(new GetQueryResultsCommand({ queryId, nextToken }), { abortSignal: context.signal });
    } catch (error) {
      if (context.signal?.aborted) throw cancelledError();
      throw mapAwsError(error, spec.target.errorContext);
    }
    rows.push(...toRows(output.results ?? []));
    nextToken = output.nextToken;
  }
  return rows;
}

async function stopQuery(spec: QuerySpec, queryId: string): Promise<void> {
  try {
    await spec.target.client.send(new StopQueryCommand({ queryId }), { abortSignal: AbortSignal.timeout(STOP_TIMEOUT_MS) });
  } catch {
    // Already ended (InvalidParameterException) or unreachable: nothing more can be done from here.
  }
}

function toRows(results: ResultField[][]): InsightsRow[] {
  return results.map((fields) => {
    const row: InsightsRow = {};
    for (const { field, value } of fields) if (field !== undefined) row[field] = value;
    return row;
  });
}

function queryTooSlow(maxMs: number): AppError {
  return new AppError(
    'AWS_QUERY_TIMEOUT',
    `The query did not finish within ${Math.round(maxMs / 60_000)} minutes and was stopped.`,
    'Narrow the time window (--from/--to) or query fewer log groups at once.',
  );
}
