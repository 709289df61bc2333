import type { RunFailure, TimeWindow } from '../../../../shared/domain/correlation';
import type { ErrorCode } from '../../../../shared/errors';
import { parseInsightsTimestamp } from '../rows/insights-timestamp';
import type { InsightsRow } from '../rows/row-batch';
import { EdgeCarry } from './edge-carry';
import type { QueryOutcome, QuerySpec } from './insights-query';
import { describeFailures, type PartFailure } from './part-failures';
import type { ProgressTracker } from './progress-tracker';
import { scanRange, startQuery } from './scan-range';
import { toSecondRange, type SecondRange } from './time-range';
import { cancelledError, createLimiter, settleAll } from '../../async/tasks';
import { defaultQueryTuning, type QueriesResult, type QueryTarget, type QueryTuning, type RowSink } from './types';
import type { RowBatch } from '../rows/row-batch';

/** StartQuery accepts at most 50 log groups. */
export const MAX_GROUPS_PER_QUERY = 50;
/** Errors that every later part of the window would hit too (credentials, access, a missing group). */
const LASTING: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'AWS_UNKNOWN_KEY',
  'AWS_BAD_SECRET',
  'AWS_EXPIRED_TOKEN',
  'AWS_ACCESS_DENIED',
  'AWS_UNKNOWN_REGION',
  'AWS_RESOURCE_NOT_FOUND',
  'AWS_CREDENTIALS_MISSING',
  'AWS_MALFORMED_QUERY',
  'KEYCHAIN_UNAVAILABLE',
  'AWS_NETWORK',
]);

/** Thrown by a row sink to end the run early (a budget reached): the queries stop, what arrived stays. */
export class StopQueries extends Error {
  /** Every row of this batch up to this instant (epoch ms) was taken. */
  readonly reachedMs: number;

  constructor(reachedMs: number) {
    super('The row sink asked to stop the queries.');
    this.name = 'StopQueries';
    this.reachedMs = reachedMs;
  }
}

export interface PartDone {
  index: number;
  /** The window's last part: the run ends with it. */
  last: boolean;
  /** The part's window (whole seconds): everything in it has been delivered, unless `failures` say otherwise. */
  window: TimeWindow;
  failures: RunFailure[];
}

export interface RunQueriesOptions {
  queryString: string;
  /** Epoch ms; turned into whole seconds covering all of it. */
  window: { from: number; to: number };
  tracker: ProgressTracker;
  signal?: AbortSignal;
  tuning?: Partial<QueryTuning>;
  random?: () => number;
  /**
   * Instants (epoch ms) cutting the window into parts that are queried one after the other, so
   * the first part's rows are in before the rest is scanned. None: the window is one part.
   */
  partBoundaries?: readonly number[];
  /** Receives every page of rows; without it the rows are collected into `batches`. */
  onRows?: RowSink;
  /** Called after each part, once every batch has delivered its rows for it. */
  onPartDone?: (part: PartDone) => Promise<void> | void;
}

export interface RunQueriesResult extends QueriesResult {
  /** Set when the row sink stopped the run early (StopQueries). */
  stopped: boolean;
  /**
   * When stopped: every row up to this instant (epoch ms) was delivered — the earliest point any
   * batch of the part had reached (rows come in time order per batch).
   */
  coveredTo?: number;
  /** The parts that finished (every batch delivered everything or failed it). */
  partsDone: number;
}

interface Batch {
  key: string;
  target: QueryTarget;
  logGroups: string[];
  edge: EdgeCarry;
  /** A failure of a whole range (credentials, a missing group): later parts would fail the same way. */
  dead?: PartFailure;
  /** Time of the last row delivered, and the last part this batch finished. */
  lastMs?: number;
  finishedPart?: number;
  /** The sink stopped the run on one of this batch's pages. */
  stoppedHere?: boolean;
}

/**
 * Runs the session query over every connection, one query per batch of ≤ 50 log groups, all in
 * parallel under one concurrency bound, part by part. A connection or batch that fails is reported
 * in `failures` and never sinks the others. Throws only CANCELLED (after stopping every query) and
 * what the sink throws (other than StopQueries).
 */
export async function runQueries(targets: readonly QueryTarget[], options: RunQueriesOptions): Promise<RunQueriesResult> {
  const tuning: QueryTuning = { ...defaultQueryTuning, ...options.tuning };
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const context = {
    tuning,
    tracker: options.tracker,
    signal: stop.signal,
    random: options.random,
    limit: createLimiter(tuning.concurrency),
  };
  const failures: RunFailure[] = [];
  const batches: Batch[] = [];
  for (const target of targets) {
    if (target.logGroups.length === 0) failures.push(noLogGroups(target));
    else
      chunk(target.logGroups, MAX_GROUPS_PER_QUERY).forEach((logGroups, i) =>
        batches.push({ key: `${target.connectionId}/${i}`, target, logGroups, edge: new EdgeCarry() }),
      );
  }
  const collected = new Map<Batch, InsightsRow[]>();
  let delivered = 0;
  let sinkError: unknown;
  let stopped = false;
  const deliver = (batch: Batch) => async (rows: InsightsRow[]) => {
    delivered += rows.length;
    batch.lastMs = parseInsightsTimestamp(rows.at(-1)?.['@timestamp']) ?? batch.lastMs;
    if (!options.onRows) {
      const into = collected.get(batch) ?? [];
      if (!collected.has(batch)) collected.set(batch, into);
      for (const row of rows) into.push(row);
      return;
    }
    try {
      const { connectionId, connection } = batch.target;
      await options.onRows({ source: { connectionId, connection, logGroups: batch.logGroups }, rows });
    } catch (error) {
      if (error instanceof StopQueries) {
        stopped = true;
        batch.lastMs = error.reachedMs;
        batch.stoppedHere = true;
      } else sinkError ??= error;
      stop.abort();
      throw error;
    }
  };

  const parts = partRanges(toSecondRange(options.window), options.partBoundaries ?? []);
  const partFailures: PartFailure[] = [];
  let partsDone = 0;
  let current = 0;
  // Every part's first query starts at once (the scans run side by side in CloudWatch), the first
  // part's first of all: it is the one the user waits for, and the one a concurrency quota or a
  // service working through its queue should take up first. The rows are read part after part,
  // so each stream's rows still arrive in time order.
  const ahead = new Map<string, Promise<QueryOutcome>>();
  parts.forEach((range, index) => {
    for (const batch of batches) {
      const spec = specOf(batch, range, { index, parts: parts.length, queryString: options.queryString });
      ahead.set(spec.key, startQuery(spec, context));
    }
  });
  if (parts.length > 1) options.tracker.setParts(parts.map((range) => ({ from: range.startSec * 1000, to: range.endSec * 1000 })));
  try {
    for (const [index, range] of parts.entries()) {
      current = index;
      options.tracker.markPart(index, 'reading');
      const live = batches.filter((batch) => !batch.dead);
      const scan = { index, parts: parts.length, windowEnd: parts.at(-1)!.endSec, queryString: options.queryString };
      const found = (await settleAll(live.map((batch) => scanBatch(batch, range, scan, deliver(batch), context, ahead)))).flat();
      partFailures.push(...found);
      partsDone += 1;
      options.tracker.markPart(index, found.length === 0 ? 'done' : 'failed');
      await options.onPartDone?.({
        index,
        last: index === parts.length - 1,
        window: { from: range.startSec * 1000, to: range.endSec * 1000 },
        failures: describeFailures(found, tuning.limit),
      });
    }
  } catch (error) {
    if (sinkError !== undefined) throw sinkError;
    if (options.signal?.aborted) throw cancelledError();
    // Stopped by the sink: the other scans ended with CANCELLED; what arrived is the result.
    if (!stopped) throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    // Queries started ahead for parts never read (a stop, a cancel, a dead batch) end here too.
    if (ahead.size > 0) {
      stop.abort();
      await Promise.allSettled(ahead.values());
    }
  }
  failures.push(...describeFailures(acrossParts(partFailures, parts), tuning.limit));
  const coveredTo = stopped ? reachedBy(batches, parts[current]!, current) : undefined;
  const rows: RowBatch[] = [...collected].map(([batch, rows]) => ({
    source: { connectionId: batch.target.connectionId, connection: batch.target.connection, logGroups: batch.logGroups },
    rows,
  }));
  return {
    batches: rows,
    failures,
    stats: { ...options.tracker.totals(), recordsMatched: delivered },
    stopped,
    partsDone,
    ...(coveredTo === undefined ? {} : { coveredTo }),
  };
}

/**
 * The same error of one batch in consecutive parts is one failure over their union — and when
 * that is the whole window, a failure of the batch rather than of a slice.
 */
function acrossParts(failures: readonly PartFailure[], parts: readonly SecondRange[]): PartFailure[] {
  const whole = { startSec: parts[0]!.startSec, endSec: parts.at(-1)!.endSec };
  const merged: PartFailure[] = [];
  for (const failure of [...failures].sort((a, b) => a.range.startSec - b.range.startSec)) {
    const same = merged.find(
      (m) =>
        m.spec.target === failure.spec.target &&
        m.spec.logGroups === failure.spec.logGroups &&
        m.error.code === failure.error.code &&
        m.error.message === failure.error.message &&
        failure.range.startSec <= m.range.endSec,
    );
    if (same) same.range = { startSec: same.range.startSec, endSec: Math.max(same.range.endSec, failure.range.endSec) };
    else merged.push({ ...failure });
  }
  for (const failure of merged) {
    if (failure.range.startSec === whole.startSec && failure.range.endSec === whole.endSec && failure.matched === undefined)
      failure.slice = false;
  }
  return merged;
}

/** How far every batch got in the part that was stopped. */
function reachedBy(batches: readonly Batch[], range: SecondRange, index: number): number {
  let reached = range.endSec * 1000;
  for (const batch of batches) {
    if (batch.dead || (batch.finishedPart === index && !batch.stoppedHere)) continue;
    reached = Math.min(reached, Math.max(range.startSec * 1000, batch.lastMs ?? range.startSec * 1000));
  }
  return reached;
}

interface ScanOfPart {
  index: number;
  parts: number;
  windowEnd: number;
  queryString: string;
}

function specOf(batch: Batch, range: SecondRange, scan: Pick<ScanOfPart, 'index' | 'parts' | 'queryString'>): QuerySpec {
  const key = scan.parts === 1 ? batch.key : `${batch.key}@${scan.index}`;
  // A connection may have its own query (its session-ID field names).
  return { key, target: batch.target, logGroups: batch.logGroups, range, queryString: batch.target.queryString ?? scan.queryString };
}

async function scanBatch(
  batch: Batch,
  range: SecondRange,
  scan: ScanOfPart,
  deliver: (rows: InsightsRow[]) => Promise<void>,
  context: Parameters<typeof scanRange>[1],
  /** Queries started ahead; the one this scan reads is taken out, so what is left was never read. */
  ahead: Map<string, Promise<QueryOutcome>>,
): Promise<PartFailure[]> {
  const spec = specOf(batch, range, scan);
  const first = ahead.get(spec.key);
  ahead.delete(spec.key);
  const failures = await scanRange({ spec, slice: scan.index > 0, edge: batch.edge, deliver, ...(first ? { first } : {}) }, context);
  batch.finishedPart = scan.index;
  const lasting = failures.find((f) => f.range.startSec === range.startSec && LASTING.has(f.error.code));
  if (lasting && scan.index < scan.parts - 1) {
    // Later parts would fail the same way: not queried, and reported once for the rest of the window.
    batch.dead = lasting;
    lasting.range = { startSec: range.startSec, endSec: scan.windowEnd };
  }
  return failures;
}

/** The window cut at the boundaries that fall inside it; neighbouring parts share their edge second. */
function partRanges(window: SecondRange, boundaries: readonly number[]): SecondRange[] {
  const cuts = [...new Set(boundaries.map((ms) => Math.round(ms / 1000)))]
    .filter((sec) => sec > window.startSec && sec < window.endSec)
    .sort((a, b) => a - b);
  const edges = [window.startSec, ...cuts, window.endSec];
  return edges.slice(1).map((endSec, i) => ({ startSec: edges[i]!, endSec }));
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
