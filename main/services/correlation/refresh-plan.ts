import type { Connection } from '../../../shared/domain/connection';
import type { CorrelationResult, TimeWindow } from '../../../shared/domain/correlation';
import { unionOf } from './window-coverage';

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

/** What planning needs of the cached run: its header, the parts it covers, and where its events are. */
export interface CachedRun extends Pick<CorrelationResult, 'window' | 'complete' | 'ranAt' | 'connections'> {
  /** The parts of its window whose every line it holds; runs that do not say cover all when complete. */
  covered?: readonly TimeWindow[];
  /** The time of its last event before `time`. */
  lastEventBefore(time: number): number | undefined;
}

/**
 * What a refresh must query, "where the data allows": a cached run over the same connections, log
 * groups and session-ID field names, starting no later than the wanted window, is extended after the part it covers from
 * its start — the end a live session keeps adding to, or what a cancel or the run budget left out.
 * Anything else is run in full.
 */
export function planRefresh(cached: CachedRun, connections: readonly Connection[], window: TimeWindow): RefreshPlan {
  if (cached.window.from > window.from || !sameSources(cached, connections)) return { kind: 'full' };
  const covered = unionOf([...(cached.covered ?? (cached.complete ? [cached.window] : []))]);
  const fromStart = covered.find((range) => range.from <= cached.window.from);
  if (!fromStart) return { kind: 'full' };
  const trustedTo = Math.min(fromStart.to, cached.window.to, cached.ranAt - INGESTION_SLACK_MS);
  if (trustedTo >= window.to) return { kind: 'covered' };
  const boundary = quietPointBefore(cached, trustedTo);
  return boundary <= window.from ? { kind: 'full' } : { kind: 'tail', boundary };
}

/**
 * A whole second at or before `time` with no cached event in the stretch before it, so no joined
 * stack trace straddles the split (its tail would otherwise come back as stray events).
 */
function quietPointBefore(cached: CachedRun, time: number): number {
  let point = Math.floor(time / 1000) * 1000;
  for (;;) {
    const last = cached.lastEventBefore(point);
    if (last === undefined || last < point - QUIET_BEFORE_SPLIT_MS) return point;
    // An event at exactly the new point is on the re-queried side: fine, it comes back whole.
    point = Math.floor(last / 1000) * 1000;
  }
}

function sameSources(cached: CachedRun, connections: readonly Connection[]): boolean {
  if (cached.connections.length !== connections.length) return false;
  return connections.every((c) => {
    const before = cached.connections.find((x) => x.id === c.id);
    // Other field names find other lines: the cached run is not a part of the new search.
    return (
      before !== undefined && sameSet(before.logGroups, c.logGroups) && sameSet(lower(before.sessionIdFields), lower(c.sessionIdFields))
    );
  });
}

const lower = (names: readonly string[] | undefined) => (names ?? []).map((n) => n.toLowerCase());

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((x) => set.has(x));
}
