import type { RunFailure } from '../../../shared/domain/correlation';
import type { InsightsRow } from '../processing/types';
import type { QuerySpec } from './insights-query';
import type { ProgressTracker } from './progress-tracker';
import { runPart, settleAll, toRunFailure, truncated, type PartResult } from './run-part';
import { toSecondRange, type SecondRange } from './time-range';
import { createLimiter } from './timing';
import { defaultQueryTuning, type QueriesResult, type QueryTarget, type QueryTuning, type RowBatch } from './types';

/** StartQuery accepts at most 50 log groups. */
export const MAX_GROUPS_PER_QUERY = 50;

export interface RunQueriesOptions {
  queryString: string;
  /** Epoch ms; turned into whole seconds covering all of it. */
  window: { from: number; to: number };
  tracker: ProgressTracker;
  signal?: AbortSignal;
  tuning?: Partial<QueryTuning>;
  random?: () => number;
}

/**
 * Runs the session query over every connection, one query per batch of ≤ 50 log groups, all in
 * parallel under one concurrency bound. A connection or batch that fails is reported in
 * `failures` and never sinks the others. Throws only CANCELLED (after stopping every query).
 */
export async function runQueries(targets: readonly QueryTarget[], options: RunQueriesOptions): Promise<QueriesResult> {
  const tuning: QueryTuning = { ...defaultQueryTuning, ...options.tuning };
  const context = { tuning, tracker: options.tracker, signal: options.signal, random: options.random, limit: createLimiter(tuning.concurrency) };
  const range = toSecondRange(options.window);
  const failures: RunFailure[] = [];
  const specs: QuerySpec[] = [];
  for (const target of targets) {
    if (target.logGroups.length === 0) {
      failures.push(noLogGroups(target));
      continue;
    }
    chunk(target.logGroups, MAX_GROUPS_PER_QUERY).forEach((logGroups, i) => {
      specs.push({ key: `${target.connectionId}/${i}`, target, logGroups, range, queryString: target.queryString ?? options.queryString });
    });
  }
  const parts = (await settleAll(specs.map((spec) => runPart(spec, context)))).flat();
  const batches = toBatches(parts);
  failures.push(...describeFailures(parts, tuning.limit));
  const stats = { ...options.tracker.totals(), recordsMatched: batches.reduce((n, batch) => n + batch.rows.length, 0) };
  return { batches, failures, stats };
}

/** One batch per finished part; a row two parts returned (a split's shared edge) is kept once, by `@ptr`. */
function toBatches(parts: PartResult[]): RowBatch[] {
  const seen = new Set<string>();
  const batches: RowBatch[] = [];
  for (const { spec, rows } of parts) {
    if (rows.length === 0) continue;
    const kept: InsightsRow[] = [];
    for (const row of rows) {
      const ptr = row['@ptr'];
      if (ptr !== undefined) {
        const key = `${spec.target.connectionId}\u0000${ptr}`;
        if (seen.has(key)) continue;
        seen.add(key);
      }
      kept.push(row);
    }
    const { connectionId, connection } = spec.target;
    batches.push({ source: { connectionId, connection, logGroups: spec.logGroups }, rows: kept });
  }
  return batches;
}

/**
 * The same whole-window error on several batches of one connection (say, a revoked key) is one
 * failure listing all their log groups. Failed time slices of one batch are one failure per run
 * of touching slices (split halves share an edge, so one dense second can cap two of them).
 */
function describeFailures(parts: PartResult[], limit: number): RunFailure[] {
  const merged = new Map<string, { part: PartResult; logGroups: string[] }>();
  const slices = new Map<string, PartResult[]>();
  for (const part of parts) {
    const failure = part.failure;
    if (!failure) continue;
    const batch = `${part.spec.target.connectionId}\u0000${failure.error.code}`;
    if (failure.slice) {
      const key = `${batch}\u0000${part.spec.logGroups.join('\u0000')}`;
      slices.set(key, [...(slices.get(key) ?? []), part]);
      continue;
    }
    const key = `${batch}\u0000${failure.error.message}`;
    const existing = merged.get(key);
    if (existing) existing.logGroups.push(...part.spec.logGroups);
    else merged.set(key, { part, logGroups: [...part.spec.logGroups] });
  }
  const whole = [...merged.values()].map(({ part, logGroups }) => toRunFailure(part.spec, part.failure!, logGroups));
  return [...whole, ...[...slices.values()].flatMap((group) => mergeSlices(group, limit))];
}

function mergeSlices(parts: PartResult[], limit: number): RunFailure[] {
  const sorted = [...parts].sort((a, b) => a.spec.range.startSec - b.spec.range.startSec);
  const runs: { first: PartResult; range: SecondRange; matched?: number }[] = [];
  for (const part of sorted) {
    const last = runs.at(-1);
    if (last && part.spec.range.startSec <= last.range.endSec) {
      last.range = { startSec: last.range.startSec, endSec: Math.max(last.range.endSec, part.spec.range.endSec) };
      // Overlapping slices count the shared events twice: the larger count is the honest one.
      if (part.failure!.matched !== undefined) last.matched = Math.max(last.matched ?? 0, part.failure!.matched);
    } else runs.push({ first: part, range: part.spec.range, matched: part.failure!.matched });
  }
  return runs.map(({ first, range, matched }) => {
    const failure = first.failure!;
    const error = failure.error.code === 'RESULTS_TRUNCATED' ? truncated(limit, matched) : failure.error;
    return toRunFailure(first.spec, { ...failure, error }, first.spec.logGroups, range);
  });
}

function noLogGroups(target: QueryTarget): RunFailure {
  return {
    connectionId: target.connectionId,
    connection: target.connection,
    logGroups: [],
    code: 'INVALID_INPUT',
    message: `Connection "${target.connection}" has no log groups to search.`,
    hint: 'Add the log groups your backend writes to (orcw connections edit, or the connection settings).',
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
