import type { Connection } from '../../shared/domain/connection';
import type { CorrelationResult, TimeWindow } from '../../shared/domain/correlation';

/**
 * CloudWatch accepts events up to 2 h late and agents buffer: an event stamped just before a run
 * may only have become searchable after it. A cached run is trusted only up to this long before
 * it ran, so a refresh re-reads that stretch.
 */
export const INGESTION_SLACK_MS = 5 * 60_000;
/** The lines of one stack trace arrive within moments; a split point needs this much quiet before it. */
export const QUIET_BEFORE_SPLIT_MS = 30_000;

export type RefreshPlan =
  | { kind: 'full' }
  /** The cached run already covers the whole window. */
  | { kind: 'covered' }
  /** Keep cached events before `boundary` and query only [boundary, window.to]. */
  | { kind: 'tail'; boundary: number };

/**
 * What a refresh must query, "where the data allows": only a complete cached run over the same
 * connections, log groups and session-ID field names, starting no later than the wanted window, can be extended, and
 * only at its end (the part a live session keeps adding to). Anything else is run in full.
 */
export function planRefresh(cached: CorrelationResult, connections: readonly Connection[], window: TimeWindow): RefreshPlan {
  if (!cached.complete || cached.window.from > window.from) return { kind: 'full' };
  if (!sameSources(cached, connections)) return { kind: 'full' };
  const trustedTo = Math.min(cached.window.to, cached.ranAt - INGESTION_SLACK_MS);
  if (trustedTo >= window.to) return { kind: 'covered' };
  const boundary = quietPointBefore(cached, trustedTo);
  return boundary <= window.from ? { kind: 'full' } : { kind: 'tail', boundary };
}

/**
 * A whole second at or before `time` with no cached event in the stretch before it, so no joined
 * stack trace straddles the split (its tail would otherwise come back as stray events).
 */
function quietPointBefore(cached: CorrelationResult, time: number): number {
  const stamps = cached.events.map((e) => e.timestamp).sort((a, b) => a - b);
  let point = Math.floor(time / 1000) * 1000;
  let i = stamps.length - 1;
  for (;;) {
    while (i >= 0 && stamps[i]! >= point) i -= 1;
    if (i < 0 || stamps[i]! < point - QUIET_BEFORE_SPLIT_MS) return point;
    // An event at exactly the new point is on the re-queried side: fine, it comes back whole.
    point = Math.floor(stamps[i]! / 1000) * 1000;
  }
}

function sameSources(cached: CorrelationResult, connections: readonly Connection[]): boolean {
  if (cached.connections.length !== connections.length) return false;
  return connections.every((c) => {
    const before = cached.connections.find((x) => x.id === c.id);
    // Other field names find other lines: the cached run is not a part of the new search.
    return before !== undefined && sameSet(before.logGroups, c.logGroups) && sameSet(lower(before.sessionIdFields), lower(c.sessionIdFields));
  });
}

const lower = (names: readonly string[] | undefined) => (names ?? []).map((n) => n.toLowerCase());

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}
