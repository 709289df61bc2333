import { parseInsightsTimestamp } from '../rows/insights-timestamp';
import type { InsightsRow } from '../rows/row-batch';

/**
 * Drops the rows one query of a batch returns again after the one before it: consecutive queries
 * of a batch (the continuation of a capped query, the next part of the window) share the second
 * where one ends and the next begins. Rows arrive in time order, so only the last second's rows
 * are remembered — never a set of every pointer of the run. A row is the same when its `@ptr` is
 * (or, without one, its stream, timestamp and message).
 */
export class EdgeCarry {
  private second = Number.NEGATIVE_INFINITY;
  private keys = new Set<string>();

  /** True for a row not delivered before. */
  admit(row: InsightsRow): boolean {
    const timestamp = parseInsightsTimestamp(row['@timestamp']);
    // No readable time: processing leaves it out anyway, and it can sit on no edge.
    if (timestamp === undefined) return true;
    const second = Math.floor(timestamp / 1000);
    const key = row['@ptr'] ?? `${row['@logStream'] ?? ''}\u0000${row['@timestamp']}\u0000${row['@message'] ?? ''}`;
    if (second > this.second) {
      this.second = second;
      this.keys = new Set([key]);
      return true;
    }
    if (second < this.second) return true;
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}
