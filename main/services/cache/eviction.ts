import type { DatabaseSync } from 'node:sqlite';
import { unindexRun } from './index-builder';
import { inTransaction } from './transaction';

interface RunRange {
  id: number;
  first_event: number | null;
  last_event: number | null;
  indexed_to: number | null;
}

/** Bytes in use: pages minus the free list (freed pages count as free before they are vacuumed). */
export function usedBytes(db: DatabaseSync): number {
  const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
  const free = (db.prepare('PRAGMA freelist_count').get() as { freelist_count: number }).freelist_count;
  const size = (db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size;
  return (pages - free) * size;
}

export function deleteRunRows(db: DatabaseSync, run: RunRange): void {
  if (run.first_event !== null) {
    unindexRun(db, run);
    db.prepare('DELETE FROM events WHERE id BETWEEN ? AND ?').run(run.first_event, run.last_event);
  }
  // error_groups and context_lines go with the run (ON DELETE CASCADE).
  db.prepare('DELETE FROM runs WHERE id = ?').run(run.id);
}

/** Deletes a session with all its runs (one still being written included); call inside a transaction. */
export function deleteSessionRows(db: DatabaseSync, sessionId: string): boolean {
  const runs = db
    .prepare('SELECT id, first_event, last_event, indexed_to FROM runs WHERE session_id = ?')
    .all(sessionId) as unknown as RunRange[];
  for (const run of runs) deleteRunRows(db, run);
  return db.prepare('DELETE FROM sessions WHERE id = ?').run(sessionId).changes > 0;
}

/** Lets the file shrink: with auto_vacuum=INCREMENTAL, freed pages stay in the file until this. */
export function releaseFreePages(db: DatabaseSync): void {
  db.exec('PRAGMA incremental_vacuum');
}

/**
 * Evicts until the cache fits `capBytes`: first runs that no session shows any more (superseded
 * by a newer or more complete run), then whole sessions, least recently viewed first. `keep`
 * (the session just saved) is never evicted, so one session larger than the cap stays cached.
 */
export function evictOverCap(db: DatabaseSync, capBytes: number, keep: string | null): number {
  let evicted = 0;
  while (usedBytes(db) > capBytes) {
    const stale = db
      .prepare(
        `SELECT r.id, r.first_event, r.last_event, r.indexed_to FROM runs r JOIN sessions s ON s.id = r.session_id
      WHERE r.current = 0 AND r.state = 1 ORDER BY s.last_viewed_at, r.ran_at LIMIT 1`,
      )
      .get() as RunRange | undefined;
    if (stale) {
      inTransaction(db, () => deleteRunRows(db, stale));
      evicted += 1;
      continue;
    }
    // A session whose run is being written is not evicted under its writer.
    const victim = db
      .prepare(
        `SELECT id FROM sessions s WHERE id IS NOT ? AND NOT EXISTS (SELECT 1 FROM runs r WHERE r.session_id = s.id AND r.state = 0)
      ORDER BY last_viewed_at LIMIT 1`,
      )
      .get(keep) as { id: string } | undefined;
    if (!victim) break;
    inTransaction(db, () => deleteSessionRows(db, victim.id));
    evicted += 1;
  }
  if (evicted > 0) releaseFreePages(db);
  return evicted;
}
