/**
 * Measures "found" per shape: for every looked-up session, which of its tagged events a query
 * returned, and which returned events were not its own.
 */
import { eventKey, type Corpus } from './corpus';

export interface FoundCell {
  tagged: number;
  found: number;
  foreign: number;
}

/** `found` maps a session name to the keys of the events its query returned. */
export function foundByShape(corpus: Corpus, found: ReadonlyMap<string, ReadonlySet<string>>): FoundCell[] {
  const cells = corpus.truth.shapes.map(() => ({ tagged: 0, found: 0, foreign: 0 }));
  for (const [session, keys] of found) {
    const seen = new Set<string>();
    for (const e of corpus.events) {
      const key = eventKey(e.event);
      const cell = cells[e.shape]!;
      const mine = e.sessions.includes(session);
      if (mine) cell.tagged += 1;
      if (keys.has(key) && !seen.has(key)) {
        if (mine) cell.found += 1;
        else cell.foreign += 1;
      }
      seen.add(key);
    }
  }
  return cells;
}
