import type { ErrorGroup, TimeWindow } from '../../../shared/domain/correlation';
import { maxLevel } from './log-shapes/levels';

/** The parts of a run that merging needs (its events are merged inside the cache). */
export interface MergeSide {
  session: { start: number };
  window: TimeWindow;
  groups: ErrorGroup[];
}

/**
 * A refreshed run over [boundary, to] joined to the cached run's part before `boundary`: the
 * window reaches over both, and groups are matched by fingerprint (deterministic), so an error
 * seen on both sides is one group with its first occurrence, sample, context and replay link from
 * the earlier side. (The events are joined in the cache: the cached ones before the boundary are
 * copied, the fresh ones from it on are stored as they arrive.)
 */
export function mergeTail(cached: MergeSide, fresh: MergeSide, boundary: number): { window: TimeWindow; groups: ErrorGroup[] } {
  const start = fresh.session.start;
  const groups = new Map<string, ErrorGroup>();
  for (const group of cached.groups) {
    const offsetsMs = group.offsetsMs.filter((offset) => start + offset < boundary);
    if (offsetsMs.length === 0) continue;
    groups.set(group.fingerprint, {
      ...group,
      offsetsMs,
      count: offsetsMs.length,
      lastSeen: start + offsetsMs.reduce((a, b) => Math.max(a, b)),
    });
  }
  for (const group of fresh.groups) {
    const earlier = groups.get(group.fingerprint);
    if (!earlier) {
      groups.set(group.fingerprint, group);
      continue;
    }
    const offsetsMs = [...earlier.offsetsMs, ...group.offsetsMs.filter((offset) => start + offset >= boundary)];
    groups.set(group.fingerprint, {
      ...earlier,
      count: offsetsMs.length,
      offsetsMs,
      lastSeen: Math.max(earlier.lastSeen, group.lastSeen),
      level: maxLevel(earlier.level, group.level),
    });
  }
  return {
    window: { from: Math.min(cached.window.from, fresh.window.from), to: fresh.window.to },
    groups: [...groups.values()].sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen || (a.fingerprint < b.fingerprint ? -1 : 1)),
  };
}
