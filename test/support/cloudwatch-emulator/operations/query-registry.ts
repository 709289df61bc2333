import type { ExecuteOutput } from '../insights/execute';
import type { QueryMetric } from '../types';

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout';

export interface StoredQuery {
  id: string;
  queryString: string;
  logGroups: string[];
  startTime: number;
  endTime: number;
  createdAt: number;
  limit: number;
  /** Scheduled for this long after StartQuery. */
  scheduledMs: number;
  /** The fixed start cost: the scan begins this long after StartQuery. */
  startMs: number;
  /** Scan time, bytes scanned / scan rate; the query ends at startMs + scanMs. */
  scanMs: number;
  forced: 'Failed' | 'Timeout' | 'Cancelled' | undefined;
  cancelledAt: number | undefined;
  output: ExecuteOutput | undefined;
}

/** Insights queries time out after 60 minutes of runtime. */
const QUERY_TIMEOUT_MS = 60 * 60 * 1000;
/** Results are dropped for the oldest queries beyond this many, to bound memory in long runs. */
const KEEP_RESULTS = 500;

/** The lifecycle of started queries, driven by the clock: Scheduled → Running → final. */
export class QueryRegistry {
  private readonly byId = new Map<string, StoredQuery>();
  private readonly order: StoredQuery[] = [];

  add(q: StoredQuery): void {
    this.byId.set(q.id, q);
    this.order.push(q);
    if (this.order.length > KEEP_RESULTS) {
      const old = this.order[this.order.length - 1 - KEEP_RESULTS]!;
      this.byId.delete(old.id);
      old.output = undefined;
    }
  }

  get(id: string): StoredQuery | undefined {
    return this.byId.get(id);
  }

  status(q: StoredQuery, now: number): QueryStatus {
    const elapsed = now - q.createdAt;
    if (q.cancelledAt !== undefined && q.cancelledAt <= now) return 'Cancelled';
    if (elapsed < q.scheduledMs) return 'Scheduled';
    if (elapsed >= QUERY_TIMEOUT_MS && durationOf(q) > QUERY_TIMEOUT_MS) return 'Timeout';
    if (elapsed < durationOf(q)) return 'Running';
    return q.forced ?? 'Complete';
  }

  /**
   * Share of the scan done at `now` (0..1): bytes scanned grow at the scan rate from the end of
   * the start cost, and the partial results with them. A stopped query stays where it stopped.
   */
  progress(q: StoredQuery, now: number): number {
    const at = Math.min(now, q.cancelledAt ?? now, q.createdAt + QUERY_TIMEOUT_MS) - q.createdAt - q.startMs;
    if (q.scanMs <= 0) return at >= 0 ? 1 : 0;
    return Math.min(1, Math.max(0, at / q.scanMs));
  }

  running(now: number): number {
    let n = 0;
    for (const q of this.order) {
      const s = this.status(q, now);
      if (s === 'Scheduled' || s === 'Running') n++;
    }
    return n;
  }

  metrics(now: number): QueryMetric[] {
    return this.order.map((q) => ({
      queryId: q.id,
      queryString: q.queryString,
      logGroups: q.logGroups,
      startTime: q.startTime,
      endTime: q.endTime,
      limit: q.limit,
      bytesScanned: q.output?.bytesScanned ?? 0,
      recordsMatched: q.output?.recordsMatched ?? 0,
      startedAt: q.createdAt,
      runMs: durationOf(q),
      status: this.status(q, now),
    }));
  }
}

/** Start cost plus scan time: when the query would end, were it not stopped or timed out. */
function durationOf(q: StoredQuery): number {
  return q.startMs + q.scanMs;
}
