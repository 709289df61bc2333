import type { RunFailure } from '../../../shared/domain/correlation';
import { AppError, isAppError } from '../../../shared/errors';
import type { InsightsRow } from '../processing/types';
import { runInsightsQuery, type FinalStatus, type QueryContext, type QueryOutcome, type QuerySpec } from './insights-query';
import { formatSecondRange, splitSecondRange } from './time-range';
import { scrubAndClip } from '../../security/secret-scrubber';

/** The rows of one finished query, or why that part of the data is missing (or both, when capped). */
export interface PartResult {
  spec: QuerySpec;
  rows: InsightsRow[];
  failure?: PartFailure;
}

export interface PartFailure {
  error: AppError;
  /** True when only a time slice of the window is affected (the part came from a split). */
  slice: boolean;
  /** For a capped one-second slice: how many events matched, of which `rows` came back. */
  matched?: number;
}

export interface PartContext extends QueryContext {
  limit: <T>(task: () => Promise<T>) => Promise<T>;
}

/**
 * One batch of log groups over one time range. Never returns a capped result as complete: a
 * result with `limit` rows may hide more, so the range is halved and both halves are re-run,
 * recursively, down to one second; a one-second range still at the cap is kept but reported.
 * Only CANCELLED is thrown; every other error becomes a failure of this part.
 */
export async function runPart(spec: QuerySpec, context: PartContext, split = false): Promise<PartResult[]> {
  context.tracker.add(spec.key, spec.target.connection, spec.logGroups.length);
  let outcome;
  try {
    outcome = await runWithRetry(spec, context);
  } catch (error) {
    if (isAppError(error) && error.code === 'CANCELLED') throw error;
    context.tracker.update(spec.key, { status: 'Failed' });
    return [{ spec, rows: [], failure: { error: toAppError(error), slice: split } }];
  }
  if (outcome.status !== 'Complete') {
    const error = statusError(outcome.status, context.tuning.failedQueryRetries);
    return [{ spec, rows: [], failure: { error: error, slice: split } }];
  }
  if (outcome.rows.length < context.tuning.limit) return [{ spec, rows: outcome.rows }];

  const halves = splitSecondRange(spec.range);
  if (!halves) {
    const matched = Math.max(outcome.matched, outcome.rows.length);
    const failure = { error: truncated(context.tuning.limit, matched), slice: true, matched };
    return [{ spec, rows: outcome.rows, failure }];
  }
  context.tracker.supersede(spec.key);
  const parts = await settleAll(halves.map((range, i) => runPart({ ...spec, key: `${spec.key}.${i}`, range }, context, true)));
  return parts.flat();
}

async function runWithRetry(spec: QuerySpec, context: PartContext): Promise<QueryOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await context.limit(() => runInsightsQuery(spec, context));
    // `Failed` can be a passing fault inside the service: one more try, never an endless loop.
    // `Timeout` is not retried: the same query would run into the same 60-minute wall.
    if (outcome.status !== 'Failed' || attempt >= context.tuning.failedQueryRetries) return outcome;
  }
}

/** Waits for every part even when one is cancelled, so every StopQuery has been sent before returning. */
export async function settleAll<T>(tasks: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(tasks);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** The run-level failure: which connection, which log groups, and for a slice, which seconds. */
export function toRunFailure(spec: QuerySpec, failure: PartFailure, logGroups = spec.logGroups, range = spec.range): RunFailure {
  const groups = logGroups.length === 1 ? `log group ${logGroups[0]}` : `${logGroups.length} log groups`;
  const where = failure.slice ? ` (${groups}, ${formatSecondRange(range)})` : ` (${groups})`;
  return {
    connectionId: spec.target.connectionId,
    connection: spec.target.connection,
    logGroups,
    code: failure.error.code,
    message: `${failure.error.message}${where}`,
    hint: failure.error.hint,
  };
}

function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError('INTERNAL', `Unexpected failure: ${error instanceof Error ? scrubAndClip(error.message, 200) : 'unknown'}`, 'Try again; please report it if it keeps happening.');
}

function statusError(status: Exclude<FinalStatus, 'Complete'>, retries: number): AppError {
  switch (status) {
    case 'Timeout':
      return new AppError('AWS_QUERY_TIMEOUT', 'The Logs Insights query timed out in CloudWatch.', 'Narrow the time window (--from/--to) or split the log groups over several connections.');
    case 'Cancelled':
      return new AppError('AWS_QUERY_FAILED', 'The Logs Insights query was cancelled outside orcw (console or another client).', 'Run the correlation again.');
    default:
      return new AppError('AWS_QUERY_FAILED', `The Logs Insights query failed inside CloudWatch${retries > 0 ? ` (${retries + 1} tries)` : ''}.`, 'Try again in a few minutes; if it keeps failing, check the log groups in the CloudWatch console.');
  }
}

export function truncated(limit: number, matched?: number): AppError {
  const count = (n: number) => n.toLocaleString('en-US');
  const what = matched !== undefined && matched > limit ? `${count(matched)} matching events` : `More than ${count(limit)} matching events`;
  return new AppError(
    'RESULTS_TRUNCATED',
    `${what} within a second: Logs Insights returns at most ${count(limit)} per query, so some of that second are missing`,
    'The session logs too many tagged lines in that second for Logs Insights to return; search that second in the CloudWatch console.',
  );
}
