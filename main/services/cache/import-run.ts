import type { DatabaseSync } from 'node:sqlite';
import type { CorrelationResult } from '../../../shared/domain/correlation';

/**
 * A run is identified by its session, when it ran and what it covered: an export carries all
 * of them unchanged, so importing a file twice (or the export of a run fetched on this machine)
 * finds the run already cached instead of storing a second copy.
 */
export function findSameRun(db: DatabaseSync, result: CorrelationResult): number | undefined {
  const row = db
    .prepare(
      `SELECT id FROM runs WHERE state = 1 AND session_id = ? AND ran_at = ? AND window_from = ? AND window_to = ?
    AND complete = ? AND event_count = ? AND group_count = ? LIMIT 1`,
    )
    .get(
      result.session.id,
      result.ranAt,
      result.window.from,
      result.window.to,
      Number(result.complete),
      result.events.length,
      result.groups.length,
    ) as { id: number } | undefined;
  return row?.id;
}

/** Marks a run as read from a session file (Recent shows it as imported). */
export function markImported(db: DatabaseSync, runId: number, at: number): void {
  db.prepare('UPDATE runs SET imported_at = ? WHERE id = ?').run(at, runId);
}
