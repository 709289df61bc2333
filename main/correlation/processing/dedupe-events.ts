import { eventId } from './id-hash';
import type { WorkEvent } from './types';

/**
 * Drops rows that overlapping queries returned twice (time-range splits share their edge
 * second; a group can sit in two batches) and gives every event its id. An event is the same
 * when its `@ptr` is, or when stream, timestamp and message all are. The id hashes the latter,
 * so it does not depend on which query, batch or order delivered the row — a re-run gives the
 * same ids, which the cache relies on.
 */
export function dedupeEvents(events: WorkEvent[]): WorkEvent[] {
  const seenPtrs = new Map<string, Set<string>>();
  const byId = new Map<string, WorkEvent>();
  const kept: WorkEvent[] = [];
  for (const work of events) {
    const { event } = work;
    let ptrs = seenPtrs.get(event.connectionId);
    if (!ptrs) seenPtrs.set(event.connectionId, (ptrs = new Set()));
    if (work.ptr !== undefined && ptrs.has(work.ptr)) continue;
    const hash = eventId(work.streamKey, event.timestamp, event.message);
    let id = hash;
    let holder = byId.get(id);
    // Two different events with one 64-bit hash are vanishingly rare, but ids must stay unique.
    for (let n = 2; holder !== undefined && !sameContent(holder, work); n++) {
      id = `${hash}-${n}`;
      holder = byId.get(id);
    }
    if (holder !== undefined) continue;
    byId.set(id, work);
    if (work.ptr !== undefined) ptrs.add(work.ptr);
    event.id = id;
    kept.push(work);
  }
  return kept;
}

function sameContent(a: WorkEvent, b: WorkEvent): boolean {
  return a.streamKey === b.streamKey && a.event.timestamp === b.event.timestamp && a.event.message === b.event.message;
}
