import type { DatabaseSync } from 'node:sqlite';
import type { SearchQuery } from '../../../shared/domain/cache';

/** The event-ID range of one searchable (current) run. */
export interface Scope {
  lo: number;
  hi: number;
}

/** Past this many runs a time range hardly narrows anything: search everything and filter rows. */
const MAX_SCOPES = 32;

/**
 * The runs a search must look at, newest first, or null for "all current runs". A session filter
 * is a hard restriction (its current run only); a time range only skips runs whose events all
 * lie outside it — the rows are still filtered by time, so this is purely a shortcut.
 */
export function findScopes(db: DatabaseSync, query: SearchQuery): Scope[] | null {
  const from = query.from ?? null;
  const to = query.to ?? null;
  const overlaps = 'r.first_event IS NOT NULL AND (? IS NULL OR r.max_ts >= ?) AND (? IS NULL OR r.min_ts <= ?)';
  if (query.sessionId !== undefined) {
    return db
      .prepare(
        `SELECT r.first_event AS lo, r.last_event AS hi FROM sessions s JOIN runs r ON r.id = s.current_run_id
      WHERE s.id = ? AND ${overlaps}`,
      )
      .all(query.sessionId, from, from, to, to) as unknown as Scope[];
  }
  if (from === null && to === null) return null;
  const runs = db
    .prepare(
      `SELECT r.first_event AS lo, r.last_event AS hi FROM runs r WHERE r.current = 1 AND ${overlaps}
    ORDER BY r.first_event DESC LIMIT ?`,
    )
    .all(from, from, to, to, MAX_SCOPES + 1) as unknown as Scope[];
  return runs.length > MAX_SCOPES ? null : runs;
}
