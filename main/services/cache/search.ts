import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { SearchHit, SearchQuery } from '../../../shared/domain/cache';
import type { Level } from '../../../shared/domain/correlation';
import { describeMessage } from '../correlation/log-shapes/describe-event';
import { BLOCK_EVENTS } from './schema';
import { PENDING_RUNS, blockRowid } from './index-builder';
import { findScopes, type Scope } from './search-scope';
import { fieldHolds, fieldTerm } from './field-terms';
import { isAscii, likePattern, likePrefilter, parseSearch } from './word-index';

/** SQL function for terms LIKE cannot fold (non-ASCII letters): case-insensitive substring test. */
export const CONTAINS_FUNCTION = 'orcw_contains';

/** SQL function for `name=value` terms: does the event's field `name` hold `value` (case-insensitive)? */
export const FIELD_FUNCTION = 'orcw_field';

export function registerSearchFunctions(db: DatabaseSync): void {
  db.function(CONTAINS_FUNCTION, { deterministic: true }, (haystack, needle) =>
    typeof haystack === 'string' && typeof needle === 'string' && haystack.toLowerCase().includes(needle.toLowerCase()) ? 1 : 0,
  );
  db.function(FIELD_FUNCTION, { deterministic: true }, (fields, name, value) =>
    typeof fields === 'string' && typeof name === 'string' && typeof value === 'string' && fieldHolds(fields, name, value) ? 1 : 0,
  );
}

interface HitRow {
  row_id: number;
  session_id: string;
  event_id: string;
  ts: number;
  level: Level;
  log_group: string;
  log_stream: string;
  message: string;
  fingerprint: string | null;
  summary: string | null;
  summary_start: number | null;
  summary_end: number | null;
  parts: number;
}

interface Conditions {
  where: string[];
  params: SQLInputValue[];
  limit: number;
}

/** With fewer candidate blocks than this, checking them all is cheaper than walking an index. */
const FEW_BLOCKS = 64;

const SELECT = `SELECT e.id AS row_id, r.session_id, e.event_id, e.ts, e.level, s.log_group, s.log_stream, e.message, e.fingerprint,
  e.summary, e.summary_start, e.summary_end, r.parts`;
const JOINS = 'JOIN runs r ON r.id = e.run_id JOIN sources s ON s.id = e.source_id';
const and = (where: string[]) => where.map((clause) => ` AND ${clause}`).join('');

function conditions(query: SearchQuery, terms: string[]): Conditions {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  // The level is an enum value (checked by the schema): inlined so the partial index on severe
  // levels is provably usable, which a bound parameter is not.
  if (query.level !== undefined && /^[a-z]+$/.test(query.level)) where.push(`e.level = '${query.level}'`);
  const filters: [string, SQLInputValue | undefined][] = [
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
  for (const term of terms) {
    const clause: string[] = [];
    if (!isAscii(term)) {
      clause.push(`${CONTAINS_FUNCTION}(e.message, ?)`);
      params.push(term);
    } else {
      const prefilter = likePrefilter(term);
      if (prefilter !== null) {
        clause.push("e.message LIKE ? ESCAPE '\\'");
        params.push(prefilter);
      }
      clause.push("e.message LIKE ? ESCAPE '\\'");
      params.push(likePattern(term));
    }
    // `pod=api-7d9`: the text, or a field of the event's envelope or record (shown as its source).
    const field = fieldTerm(term);
    if (field) {
      where.push(`((${clause.join(' AND ')}) OR ${FIELD_FUNCTION}(e.fields, ?, ?))`);
      params.push(field.name, field.value);
    } else {
      where.push(...clause);
    }
  }
  return { where, params, limit: query.limit };
}

/** Runs `each` per scope (newest first) until `limit` rows are found; null scopes = one unscoped pass. */
function collect(scopes: Scope[] | null, limit: number, each: (scope: Scope | null, want: number) => HitRow[]): HitRow[] {
  const rows: HitRow[] = [];
  for (const scope of scopes ?? [null]) {
    rows.push(...each(scope, limit - rows.length));
    if (rows.length >= limit) break;
  }
  return rows;
}

function blockQuery(db: DatabaseSync, scope: Scope | null) {
  // Block rowids are negated event IDs: ascending rowid is newest first (see blockRowid).
  return db.prepare(
    `SELECT -rowid AS block FROM event_words WHERE event_words MATCH ?${scope ? ' AND rowid BETWEEN ? AND ?' : ''} ORDER BY rowid`,
  );
}

const scopeArgs = (scope: Scope | null) => (scope ? [scope.lo, scope.hi] : []);
const blockScopeArgs = (scope: Scope | null) => (scope ? [blockRowid(scope.hi), blockRowid(scope.lo)] : []);

function fewBlocks(db: DatabaseSync, match: string, scopes: Scope[] | null): boolean {
  let seen = 0;
  for (const scope of scopes ?? [null]) {
    for (const _ of blockQuery(db, scope).iterate(match, ...blockScopeArgs(scope))) if (++seen >= FEW_BLOCKS) return false;
  }
  return true;
}

/** The not-yet-indexed tails of the current runs in scope (usually just the newest run or two). */
function unindexed(db: DatabaseSync, scopes: Scope[] | null): Scope[] {
  const pending = db
    .prepare(`SELECT coalesce(indexed_to + 1, first_event) AS lo, last_event AS hi FROM (${PENDING_RUNS}) ORDER BY id DESC`)
    .all() as unknown as Scope[];
  return scopes === null ? pending : pending.filter((p) => scopes.some((s) => p.lo >= s.lo && p.hi <= s.hi));
}

/**
 * Candidate blocks come from the trigram index newest first; each block's rows are checked and
 * the walk stops at `limit` hits, so a common word costs a few blocks, not all of them. Events
 * not indexed yet are checked row by row, and both are merged newest first.
 */
function viaBlocks(db: DatabaseSync, match: string, scopes: Scope[] | null, c: Conditions): HitRow[] {
  const pending = unindexed(db, scopes);
  const fromRows = pending.length > 0 ? viaRows(db, null, pending, c) : [];
  const inBlock = db.prepare(`${SELECT} FROM events e ${JOINS} WHERE e.id >= ? AND e.id < ?${and(c.where)} ORDER BY e.id DESC LIMIT ?`);
  const fromBlocks = collect(scopes, c.limit, (scope, want) => {
    const rows: HitRow[] = [];
    for (const { block } of blockQuery(db, scope).iterate(match, ...blockScopeArgs(scope)) as Iterable<{ block: number }>) {
      rows.push(...(inBlock.all(block, block + BLOCK_EVENTS, ...c.params, want - rows.length) as unknown as HitRow[]));
      if (rows.length >= want) break;
    }
    return rows;
  });
  return fromRows.length === 0 ? fromBlocks : [...fromRows, ...fromBlocks].sort((a, b) => b.row_id - a.row_id).slice(0, c.limit);
}

/** Newest-first walk over events (or over an index's rows), checking each until `limit` hits. */
function viaRows(db: DatabaseSync, index: string | null, scopes: Scope[] | null, c: Conditions): HitRow[] {
  return collect(scopes, c.limit, (scope, want) => {
    const sql = `${SELECT} FROM events e${index ? ` INDEXED BY ${index}` : ''} ${JOINS}
      WHERE r.current = 1${scope ? ' AND e.id BETWEEN ? AND ?' : ''}${and(c.where)} ORDER BY e.id DESC LIMIT ?`;
    return db.prepare(sql).all(...scopeArgs(scope), ...c.params, want) as unknown as HitRow[];
  });
}

/**
 * Searches the current run of every cached session, newest first (most recently cached run
 * first, latest event first within it). The plan follows what narrows best: an error group's
 * fingerprint or an "errors only" level uses its index (unless the text itself is rarer), text
 * of 3+ characters uses the trigram index, anything else walks the rows of the runs in scope.
 */
export function searchEvents(db: DatabaseSync, query: SearchQuery): SearchHit[] {
  const scopes = findScopes(db, query);
  if (scopes !== null && scopes.length === 0) return [];
  const parsed = parseSearch(query.text);
  const c = conditions(query, parsed.terms);
  const severe = query.level === 'fatal' || query.level === 'error';
  let rows: HitRow[];
  if (query.fingerprint !== undefined) rows = viaRows(db, 'events_fingerprint', scopes, c);
  else if (parsed.match !== null && (!severe || fewBlocks(db, parsed.match, scopes))) rows = viaBlocks(db, parsed.match, scopes, c);
  else rows = viaRows(db, severe ? `events_${query.level}` : null, scopes, c);
  return rows.map((row) => {
    const hit: SearchHit = {
      sessionId: row.session_id,
      eventId: row.event_id,
      timestamp: row.ts,
      level: row.level,
      logGroup: row.log_group,
      logStream: row.log_stream,
      message: row.message,
    };
    if (row.fingerprint !== null) hit.fingerprint = row.fingerprint;
    return withSummary(hit, row);
  });
}

/** The hit's summary as stored, or — for a run saved before summaries were — worked out from its message. */
function withSummary(hit: SearchHit, row: HitRow): SearchHit {
  if (row.parts === 0) {
    const { summary, summarySpan } = describeMessage(row.message, row.level).parts;
    return { ...hit, ...(summary !== undefined && { summary }), ...(summarySpan && { summarySpan }) };
  }
  if (row.summary !== null) hit.summary = row.summary;
  if (row.summary_start !== null && row.summary_end !== null) hit.summarySpan = [row.summary_start, row.summary_end];
  return hit;
}
