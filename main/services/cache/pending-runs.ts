import type { DatabaseSync } from 'node:sqlite';
import { deleteRunRows } from './eviction';
import { inTransaction } from './transaction';

/**
 * A run nobody writes any more (its process is gone) was cut off by a crash: it never became
 * visible, so deleting it loses nothing anyone saw. Another process (the CLI beside the app) may
 * be writing a run right now, so a run is deleted only when its writer's process is gone or it has
 * not been written to for this long (a process ID can be reused).
 */
export const ABANDONED_AFTER_MS = 6 * 60 * 60_000;

interface PendingRow {
  id: number;
  first_event: number | null;
  last_event: number | null;
  indexed_to: number | null;
  writer_pid: number | null;
  touched_at: number | null;
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else. ESRCH: it is gone.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes runs whose writer died before finishing them (and sessions left with no run); returns how many. */
export function removeAbandonedRuns(db: DatabaseSync, now: number): number {
  const pending = db
    .prepare('SELECT id, first_event, last_event, indexed_to, writer_pid, touched_at FROM runs WHERE state = 0')
    .all() as unknown as PendingRow[];
  const abandoned = pending.filter(
    (run) => run.writer_pid === null || !processAlive(run.writer_pid) || now - (run.touched_at ?? 0) > ABANDONED_AFTER_MS,
  );
  if (abandoned.length === 0) return 0;
  inTransaction(db, () => {
    for (const run of abandoned) deleteRunRows(db, run);
    db.exec('DELETE FROM sessions WHERE current_run_id IS NULL AND NOT EXISTS (SELECT 1 FROM runs WHERE runs.session_id = sessions.id)');
  });
  return abandoned.length;
}
