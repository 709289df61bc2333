import { StopQueries } from '../queries/run-queries';
import { parseInsightsTimestamp } from '../rows/insights-timestamp';
import type { InsightsRow, RowBatch } from '../rows/row-batch';

/**
 * The run's budget of rows (the "Events per run" setting): each page is cut to what is left, and
 * the page that spends it says where the queries stop.
 */
export class EventBudget {
  private taken = 0;

  constructor(private readonly max: number) {}

  /** The page's rows within the budget, and the stop to throw once they are handed on when it is spent. */
  take(page: RowBatch): { batch: RowBatch; stop?: StopQueries } {
    const room = this.max - this.taken;
    const rows = page.rows.length > room ? page.rows.slice(0, room) : page.rows;
    this.taken += rows.length;
    const batch = { source: page.source, rows };
    return this.taken >= this.max ? { batch, stop: new StopQueries(reachedBefore(page.rows, rows.length)) } : { batch };
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
