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
  scheduledMs: number;
  durationMs: number;
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
    if (q.cancelledAt !== undefined) return 'Cancelled';
    const elapsed = now - q.createdAt;
    if (elapsed < q.scheduledMs) return 'Scheduled';
    if (q.durationMs > QUERY_TIMEOUT_MS && elapsed >= QUERY_TIMEOUT_MS) return 'Timeout';
    if (elapsed < q.durationMs) return 'Running';
    return q.forced ?? 'Complete';
  }

  /** Share of the scan done at `now` (0..1), for partial results while Running. */
  progress(q: StoredQuery, now: number): number {
    const at = q.cancelledAt ?? now;
    const span = q.durationMs - q.scheduledMs;
    if (span <= 0) return at - q.createdAt >= q.durationMs ? 1 : 0;
    return Math.min(1, Math.max(0, (at - q.createdAt - q.scheduledMs) / span));
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
      bytesScanned: q.output?.bytesScanned ?? 0,
      status: this.status(q, now),
    }));
  }
}
