import type { DatabaseSync } from 'node:sqlite';
import type { SessionSummary } from '../../../shared/domain/cache';
import { sessionInfoSchema } from '../../../shared/domain/correlation';

/** How many group titles a summary carries for the recent-sessions list. */
const TOP_ERRORS = 3;

interface SummaryRow {
  id: string;
  last_viewed_at: number;
  run_id: number;
  saved_at: number;
  session_json: string;
  event_count: number;
  group_count: number;
  complete: number;
  imported_at: number | null;
}

const SUMMARY_SELECT = `SELECT s.id, s.last_viewed_at, r.id AS run_id, r.saved_at, r.session_json, r.event_count,
  r.group_count, r.complete, r.imported_at FROM sessions s JOIN runs r ON r.id = s.current_run_id`;

function toSummary(db: DatabaseSync, row: SummaryRow): SessionSummary {
  const session = sessionInfoSchema.parse(JSON.parse(row.session_json));
  const titles = db
    .prepare('SELECT title FROM error_groups WHERE run_id = ? ORDER BY count DESC, position LIMIT ?')
    .all(row.run_id, TOP_ERRORS) as unknown as { title: string }[];
  const summary: SessionSummary = {
    sessionId: row.id,
    start: session.start,
    cachedAt: row.saved_at,
    lastViewedAt: row.last_viewed_at,
    eventCount: row.event_count,
    errorGroupCount: row.group_count,
    complete: row.complete === 1,
    topErrors: titles.map((t) => t.title),
    imported: row.imported_at !== null,
  };
  if (session.token !== undefined) summary.token = session.token;
  if (session.replayUrl !== undefined) summary.replayUrl = session.replayUrl;
  return summary;
}

/** Most recently viewed (or cached: saving counts as viewing) first. */
export function listSummaries(db: DatabaseSync, limit: number): SessionSummary[] {
  const rows = db
    .prepare(`${SUMMARY_SELECT} ORDER BY s.last_viewed_at DESC, r.saved_at DESC LIMIT ?`)
    .all(limit) as unknown as SummaryRow[];
  return rows.map((row) => toSummary(db, row));
}

export function summaryOf(db: DatabaseSync, sessionId: string): SessionSummary | null {
  const row = db.prepare(`${SUMMARY_SELECT} WHERE s.id = ?`).get(sessionId) as SummaryRow | undefined;
  return row ? toSummary(db, row) : null;
}
