import { isAppError, type AppError } from '../../../../shared/errors';
import { parseInsightsTimestamp } from '../rows/insights-timestamp';
import type { InsightsRow } from '../rows/row-batch';
import type { EdgeCarry } from './edge-carry';
import { runInsightsQuery, type QueryContext, type QueryOutcome, type QuerySpec } from './insights-query';
import { statusError, toAppError, truncated, type PartFailure } from './part-failures';
import { readResultPages } from './result-pages';

export interface ScanContext extends QueryContext {
  limit: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface ScanInput {
  spec: QuerySpec;
  /** Whether a failure of the whole range is still only a slice of the window (a later part). */
  slice: boolean;
  /** The batch's edge de-duplication, shared by its consecutive queries. */
  edge: EdgeCarry;
  /** Receives each page of new rows, in time order. */
  deliver: (rows: InsightsRow[]) => Promise<void> | void;
  /** The range's first query, when it was started ahead (see startQuery): its rows are read here. */
  first?: Promise<QueryOutcome>;
}

/**
 * Starts one query now and returns its outcome (status and match count, the rows unread), so a
 * later range can run while an earlier one's rows are still being read. Rejections are caught
 * for the caller to meet when it awaits, never left unhandled.
 */
export function startQuery(spec: QuerySpec, context: ScanContext): Promise<QueryOutcome> {
  context.tracker.add(spec.key, spec.target.connection, spec.logGroups.length);
  const outcome = runWithRetry(spec, context);
  outcome.catch(() => undefined);
  return outcome;
}

/**
 * One batch of log groups over one time range, its rows delivered in time order. Never presents
 * a capped result as complete, and never throws a capped result away: the session query sorts by
 * time, so a query that matched more than `limit` returned the earliest `limit` rows, complete up
 * to the second of its last row. Those rows are kept and the range is queried again from that
 * second (its repeated rows dropped by `edge`), as often as needed. A capped result whose rows all
 * fall in one second says nothing about that second's end: that second is queried alone, and if it
 * still holds more than `limit`, its rows are not read again and it is reported truncated.
 * Only CANCELLED (and what `deliver` throws) is thrown; every other error becomes a failure.
 */
export async function scanRange(input: ScanInput, context: ScanContext): Promise<PartFailure[]> {
  const { spec } = input;
  const end = spec.range.endSec;
  const failures: PartFailure[] = [];
  const fail = (failure: Omit<PartFailure, 'spec'>) => failures.push({ spec, ...failure });
  let range = spec.range;
  let narrow = false;
  for (let n = 0; ; n += 1) {
    const query: QuerySpec = { ...spec, key: n === 0 ? spec.key : `${spec.key}+${n}`, range };
    const sliced = input.slice || n > 0;
    let outcome: QueryOutcome;
    try {
      outcome = await (n === 0 && input.first ? input.first : startQuery(query, context));
    } catch (error) {
      if (isAppError(error) && error.code === 'CANCELLED') throw error;
      context.tracker.update(query.key, { status: 'Failed' });
      fail({ error: toAppError(error), range, slice: sliced });
      return failures;
    }
    if (outcome.status !== 'Complete' || !outcome.results) {
      fail({
        error: statusError(outcome.status === 'Complete' ? 'Failed' : outcome.status, context.tuning.failedQueryRetries),
        range,
        slice: sliced,
      });
      return failures;
    }
    const capped = outcome.matched > context.tuning.limit;
    let next: number;
    if (capped && narrow) {
      // This second alone holds more than one query returns: what it had is in already.
      fail({ error: truncated(context.tuning.limit, outcome.matched), range, slice: true, matched: outcome.matched });
      context.tracker.update(query.key, { recordsMatched: 0 });
      next = range.startSec + 1;
    } else {
      if (capped) context.tracker.setPhase('splitting', 'Result cap reached: reading the rest of the window in further queries');
      const read = await readInOrder(query, outcome, input, context);
      context.tracker.update(query.key, { recordsMatched: read.delivered });
      if (read.error) {
        const from = read.lastMs === undefined ? range.startSec : Math.floor(read.lastMs / 1000);
        fail({ error: read.error, range: { startSec: from, endSec: range.endSec }, slice: sliced || from > range.startSec });
        return failures;
      }
      if (!capped && !narrow) return failures;
      if (!capped || read.firstMs === undefined || read.lastMs === undefined) next = range.startSec + 1;
      else {
        const first = Math.floor(read.firstMs / 1000);
        const last = Math.floor(read.lastMs / 1000);
        if (first === last) {
          range = { startSec: last, endSec: Math.min(end, last + 1) };
          narrow = true;
          continue;
        }
        next = last;
      }
    }
    if (next > end) return failures;
    range = { startSec: next, endSec: end };
    narrow = false;
  }
}

async function runWithRetry(spec: QuerySpec, context: ScanContext): Promise<QueryOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    const outcome = await context.limit(() => runInsightsQuery(spec, context));
    // `Failed` can be a passing fault inside the service: one more try, never an endless loop.
    // `Timeout` is not retried: the same query would run into the same 60-minute wall.
    if (outcome.status !== 'Failed' || attempt >= context.tuning.failedQueryRetries) return outcome;
  }
}

interface ReadInOrder {
  delivered: number;
  /** Epoch ms of the first and last row this query returned (repeats included). */
  firstMs?: number;
  lastMs?: number;
  error?: AppError;
}

async function readInOrder(query: QuerySpec, outcome: QueryOutcome, input: ScanInput, context: ScanContext): Promise<ReadInOrder> {
  const seen: ReadInOrder = { delivered: 0 };
  const read = await readResultPages(query.target, outcome.results!, context, async (rows) => {
    seen.firstMs ??= parseInsightsTimestamp(rows[0]!['@timestamp']);
    seen.lastMs = parseInsightsTimestamp(rows.at(-1)!['@timestamp']) ?? seen.lastMs;
    const fresh = rows.filter((row) => input.edge.admit(row));
    seen.delivered += fresh.length;
    if (fresh.length > 0) await input.deliver(fresh);
  });
  return read.error ? { ...seen, error: read.error } : seen;
}
