import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SearchHit, SearchQuery } from '../../shared/domain/cache';
import type { Level } from '../../shared/domain/correlation';
import { BLOCK_EVENTS } from './schema';
import { isAscii, likePattern, parseSearch } from './word-index';

/** SQL function for terms LIKE cannot fold (non-ASCII letters): case-insensitive substring test. */
export const CONTAINS_FUNCTION = 'orcw_contains';

export function registerSearchFunctions(db: DatabaseSync): void {
  db.function(CONTAINS_FUNCTION, { deterministic: true }, (haystack, needle) =>
    typeof haystack === 'string' && typeof needle === 'string' && haystack.toLowerCase().includes(needle.toLowerCase()) ? 1 : 0,
  );
}

interface HitRow {
  session_id: string;
  event_id: string;
  ts: number;
  level: Level;
  log_group: string;
  log_stream: string;
  message: string;
  fingerprint: string | null;
}

const SELECT = `SELECT r.session_id, e.event_id, e.ts, e.level, s.log_group, s.log_stream, e.message, e.fingerprint`;

const FROM = 'FROM events e JOIN runs r ON r.id = e.run_id JOIN sources s ON s.id = e.source_id';

/**
 * Candidate blocks come from the trigram index newest first; each is checked row by row and the
 * walk stops as soon as `limit` hits are found, so a common word costs a few blocks, not all.
 */
function viaBlocks(db: DatabaseSync, match: string, range: { lo: number; hi: number } | null, where: string[], params: SQLInputValue[], limit: number): HitRow[] {
  const blocks = db.prepare(`SELECT rowid AS block FROM event_words WHERE event_words MATCH ? ${range ? 'AND rowid BETWEEN ? AND ?' : ''} ORDER BY rowid DESC`);
  const inBlock = db.prepare(`${SELECT} ${FROM} WHERE e.id >= ? AND e.id < ? ${where.map((clause) => `AND ${clause}`).join(' ')} ORDER BY e.id DESC LIMIT ?`);
  const rows: HitRow[] = [];
  for (const { block } of blocks.iterate(match, ...(range ? [range.lo, range.hi] : [])) as Iterable<{ block: number }>) {
    rows.push(...(inBlock.all(block, block + BLOCK_EVENTS, ...params, limit - rows.length) as unknown as HitRow[]));
    if (rows.length >= limit) break;
  }
  return rows;
}

function viaScan(db: DatabaseSync, where: string[], params: SQLInputValue[], limit: number): HitRow[] {
  // Blocks exist only for current runs; without them, `indexed` says which runs are current.
  const sql = `${SELECT} ${FROM} WHERE r.indexed = 1 ${where.map((clause) => `AND ${clause}`).join(' ')} ORDER BY e.id DESC LIMIT ?`;
  return db.prepare(sql).all(...params, limit) as unknown as HitRow[];
}

/**
 * Searches the current run of every cached session, newest first (most recently cached run
 * first, latest event first within it). Three plans, picked by what narrows best:
 * an error-group fingerprint uses its index; text of 3+ characters uses the trigram index and
 * then checks each candidate; otherwise (short or no text) events are scanned newest first,
 * stopping at the limit — scoped to one session's rows when a session is given.
 */
export function searchEvents(db: DatabaseSync, query: SearchQuery): SearchHit[] {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  let range: { lo: number; hi: number } | null = null;
  if (query.sessionId !== undefined) {
    const run = db.prepare(`SELECT r.first_event AS lo, r.last_event AS hi FROM sessions s JOIN runs r ON r.id = s.current_run_id
      WHERE s.id = ?`).get(query.sessionId) as { lo: number | null; hi: number | null } | undefined;
    if (run?.lo == null || run.hi == null) return [];
    range = { lo: run.lo, hi: run.hi };
    where.push('e.id BETWEEN ? AND ?');
    params.push(range.lo, range.hi);
  }
  const filters: [string, SQLInputValue | undefined][] = [
    ['e.level = ?', query.level],
    ['s.log_group = ?', query.logGroup],
    ['e.ts >= ?', query.from],
    ['e.ts <= ?', query.to],
    ['e.fingerprint = ?', query.fingerprint],
  ];
  for (const [clause, value] of filters) {
    if (value === undefined) continue;
    where.push(clause);
    params.push(value);
  }
  const parsed = parseSearch(query.text);
  for (const term of parsed.terms) {
    if (isAscii(term)) {
      where.push("e.message LIKE ? ESCAPE '\\'");
      params.push(likePattern(term));
    } else {
      where.push(`${CONTAINS_FUNCTION}(e.message, ?)`);
      params.push(term);
    }
  }
  const rows = parsed.match !== null && query.fingerprint === undefined
    ? viaBlocks(db, parsed.match, range, where, params, query.limit)
    : viaScan(db, where, params, query.limit);
  return rows.map((row) => {
    const hit: SearchHit = {
      sessionId: row.session_id, eventId: row.event_id, timestamp: row.ts, level: row.level,
      logGroup: row.log_group, logStream: row.log_stream, message: row.message,
    };
    if (row.fingerprint !== null) hit.fingerprint = row.fingerprint;
    return hit;
  });
}
