import type { RunFailure } from '../../../../shared/domain/correlation';
import { AppError, isAppError } from '../../../../shared/errors';
import type { FinalStatus, QuerySpec } from './insights-query';
import { scrubAndClip } from '../../security/secret-scrubber';
import { formatSecondRange, type SecondRange } from './time-range';

/** Why part of one batch's data is missing. */
export interface PartFailure {
  spec: QuerySpec;
  error: AppError;
  /** The seconds affected; the whole of `spec.range` unless the failure names a slice. */
  range: SecondRange;
  /** True when only a time slice of the window is affected, so the message names its seconds. */
  slice: boolean;
  /** For a capped one-second slice: how many events matched there. */
  matched?: number;
}

/** The run-level failure: which connection, which log groups, and for a slice, which seconds. */
export function toRunFailure(failure: PartFailure, logGroups = failure.spec.logGroups, range = failure.range): RunFailure {
  const { spec } = failure;
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

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError(
    'INTERNAL',
    `Unexpected failure: ${error instanceof Error ? scrubAndClip(error.message, 200) : 'unknown'}`,
    'Try again; please report it if it keeps happening.',
  );
}

export function statusError(status: Exclude<FinalStatus, 'Complete'>, retries: number): AppError {
  switch (status) {
    case 'Timeout':
      return new AppError(
        'AWS_QUERY_TIMEOUT',
        'The Logs Insights query timed out in CloudWatch.',
        'Narrow the time window (--from/--to) or split the log groups over several connections.',
      );
    case 'Cancelled':
      return new AppError(
        'AWS_QUERY_FAILED',
        'The Logs Insights query was cancelled outside orcw (console or another client).',
        'Run the correlation again.',
      );
    default:
      return new AppError(
        'AWS_QUERY_FAILED',
        `The Logs Insights query failed inside CloudWatch${retries > 0 ? ` (${retries + 1} tries)` : ''}.`,
        'Try again in a few minutes; if it keeps failing, check the log groups in the CloudWatch console.',
      );
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

/**
 * The same whole-window error on several batches of one connection (say, a revoked key) is one
 * failure listing all their log groups. Failed time slices of one batch are one failure per run
 * of touching slices (consecutive queries share an edge second, so one dense second can cap two).
 */
export function describeFailures(failures: readonly PartFailure[], limit: number): RunFailure[] {
  const merged = new Map<string, { failure: PartFailure; logGroups: string[] }>();
  const slices = new Map<string, PartFailure[]>();
  for (const failure of failures) {
    const batch = `${failure.spec.target.connectionId}\u0000${failure.error.code}`;
    if (failure.slice) {
      const key = `${batch}\u0000${failure.spec.logGroups.join('\u0000')}`;
      slices.set(key, [...(slices.get(key) ?? []), failure]);
      continue;
    }
    const key = `${batch}\u0000${failure.error.message}`;
    const existing = merged.get(key);
    if (existing) existing.logGroups.push(...failure.spec.logGroups);
    else merged.set(key, { failure, logGroups: [...failure.spec.logGroups] });
  }
  const whole = [...merged.values()].map(({ failure, logGroups }) => toRunFailure(failure, logGroups));
  return [...whole, ...[...slices.values()].flatMap((group) => mergeSlices(group, limit))];
}

function mergeSlices(failures: PartFailure[], limit: number): RunFailure[] {
  const sorted = [...failures].sort((a, b) => a.range.startSec - b.range.startSec);
  const runs: { first: PartFailure; range: SecondRange; matched?: number }[] = [];
  for (const failure of sorted) {
    const last = runs.at(-1);
    if (last && failure.range.startSec <= last.range.endSec) {
      last.range = { startSec: last.range.startSec, endSec: Math.max(last.range.endSec, failure.range.endSec) };
      // Overlapping slices count the shared events twice: the larger count is the honest one.
      if (failure.matched !== undefined) last.matched = Math.max(last.matched ?? 0, failure.matched);
    } else runs.push({ first: failure, range: failure.range, matched: failure.matched });
  }
  return runs.map(({ first, range, matched }) => {
    const error = first.error.code === 'RESULTS_TRUNCATED' ? truncated(limit, matched) : first.error;
    return toRunFailure({ ...first, error }, first.spec.logGroups, range);
  });
}
