import { fnv1a64 } from './fnv1a';
import type { WorkEvent } from './types';

/**
 * Drops rows that overlapping queries returned twice (time-range splits share their edge
 * second; a group can sit in two batches) and gives every event its id. An event is the same
 * when its `@ptr` is, or when stream, timestamp and message all are. The id hashes the latter,
 * so it does not depend on which query, batch or order delivered the row — a re-run gives the
 * same ids, which the cache relies on.
 */
export function dedupeEvents(events: WorkEvent[]): WorkEvent[] {
  const seenPtrs = new Set<string>();
  const seenIds = new Map<string, string>();
  const kept: WorkEvent[] = [];
  for (const work of events) {
    const { event } = work;
    const ptrKey = work.ptr === undefined ? undefined : `${event.connectionId}\u0000${work.ptr}`;
    if (ptrKey !== undefined && seenPtrs.has(ptrKey)) continue;
    const contentKey = `${work.streamKey}\u0000${event.timestamp}\u0000${event.message}`;
    const hash = `e${fnv1a64(contentKey)}`;
    let id = hash;
    let duplicate = false;
    // Two different events with one 64-bit hash are vanishingly rare, but ids must stay unique.
    for (let n = 2; seenIds.has(id); n++) {
      if (seenIds.get(id) === contentKey) {
        duplicate = true;
        break;
      }
      id = `${hash}-${n}`;
    }
    if (duplicate) continue;
    seenIds.set(id, contentKey);
    if (ptrKey !== undefined) seenPtrs.add(ptrKey);
    event.id = id;
    kept.push(work);
  }
  return kept;
}
