import type { CorrelationResult, ErrorGroup } from '../../shared/domain/correlation';
import { maxLevel } from './log-shapes/levels';

/**
 * A refreshed run over [boundary, to] joined to the cached run's part before `boundary`. Groups
 * are matched by fingerprint (deterministic), so an error seen on both sides is one group with
 * its first occurrence, sample, context and replay link from the earlier side. Stats are those
 * of the fresh run: what this refresh scanned and cost.
 */
export function mergeTail(cached: CorrelationResult, fresh: CorrelationResult, boundary: number): CorrelationResult {
  const start = fresh.session.start;
  const kept = cached.events.filter((e) => e.timestamp < boundary);
  const keptIds = new Set(kept.map((e) => e.id));
  const added = fresh.events.filter((e) => e.timestamp >= boundary && !keptIds.has(e.id));

  const groups = new Map<string, ErrorGroup>();
  for (const group of cached.groups) {
    const offsetsMs = group.offsetsMs.filter((offset) => start + offset < boundary);
    if (offsetsMs.length === 0) continue;
    groups.set(group.fingerprint, { ...group, offsetsMs, count: offsetsMs.length, lastSeen: start + offsetsMs.reduce((a, b) => Math.max(a, b)) });
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
    ...fresh,
    window: { from: Math.min(cached.window.from, fresh.window.from), to: fresh.window.to },
    events: [...kept, ...added],
    groups: [...groups.values()].sort((a, b) => b.count - a.count || a.firstSeen - b.firstSeen || (a.fingerprint < b.fingerprint ? -1 : 1)),
  };
}
