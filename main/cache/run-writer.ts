import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { CorrelationResult, ErrorGroup, LogEvent } from '../../shared/domain/correlation';
import { BLOCK_EVENTS } from './schema';
import { scrubRunFailures } from '../security/secret-scrubber';
import { unindexRun } from './index-builder';

interface CurrentRun {
  id: number;
  complete: number;
  ran_at: number;
  first_event: number | null;
  indexed_to: number | null;
}

/** Whether a run ranks at least as high as the current one: complete beats incomplete, then newer wins. */
function outranks(complete: boolean, ranAt: number, current: CurrentRun | undefined): boolean {
  if (current === undefined) return true;
  if (Number(complete) !== current.complete) return complete;
  return ranAt >= current.ran_at;
}

function sourceIds(db: DatabaseSync): (event: LogEvent) => number {
  const find = db.prepare('SELECT id FROM sources WHERE connection_id = ? AND connection = ? AND log_group = ? AND log_stream = ?');
  const insert = db.prepare('INSERT INTO sources (connection_id, connection, log_group, log_stream) VALUES (?, ?, ?, ?)');
  // Per-run memo only (an ID cached across transactions could outlive a rollback). Nested maps
  // avoid building a key string for each of a run's many events.
  const known = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  const level = <V>(map: Map<string, V>, key: string, make: () => V): V => {
    let value = map.get(key);
    if (value === undefined) map.set(key, (value = make()));
    return value;
  };
  return (event) => {
    const streams = level(level(level(known, event.connectionId, () => new Map()), event.connection, () => new Map()), event.logGroup, () => new Map<string, number>());
    let id = streams.get(event.logStream);
    if (id === undefined) {
      const args = [event.connectionId, event.connection, event.logGroup, event.logStream] as const;
      const row = find.get(...args) as { id: number } | undefined;
      id = row ? row.id : Number(insert.run(...args).lastInsertRowid);
      streams.set(event.logStream, id);
    }
    return id;
  };
}

const EVENT_COLUMNS = 15;
/** Rows per INSERT statement: one call into SQLite per batch instead of per row roughly halves the cost. */
const ROWS_PER_INSERT = 16;

function eventInsert(db: DatabaseSync, rows: number) {
  const row = `(${Array(EVENT_COLUMNS).fill('?').join(', ')})`;
  return db.prepare(`INSERT INTO events (id, run_id, event_id, ts, offset_ms, source_id, level, message, fingerprint,
    summary, summary_start, summary_end, json_at, fields, exception) VALUES ${Array(rows).fill(row).join(', ')}`);
}

/**
 * Writes the events with explicit, contiguous IDs starting at a block boundary (so full-text
 * blocks never span two runs); returns the range. Indexing happens later (index-builder.ts).
 */
function writeEvents(db: DatabaseSync, runId: number, events: LogEvent[]): { first: number; last: number } | null {
  if (events.length === 0) return null;
  const max = (db.prepare('SELECT coalesce(max(id), 0) AS max FROM events').get() as { max: number }).max;
  const first = (Math.floor(max / BLOCK_EVENTS) + 1) * BLOCK_EVENTS;
  const insertBatch = eventInsert(db, ROWS_PER_INSERT);
  const sourceOf = sourceIds(db);
  let batch: SQLInputValue[] = [];
  events.forEach((event, i) => {
    batch.push(
      first + i, runId, event.id, event.timestamp, event.offsetMs, sourceOf(event), event.level, event.message, event.fingerprint ?? null,
      event.summary ?? null, event.summarySpan?.[0] ?? null, event.summarySpan?.[1] ?? null, event.jsonAt ?? null,
      event.fields === undefined ? null : JSON.stringify(event.fields), event.exception === undefined ? null : JSON.stringify(event.exception),
    );
    if (batch.length === ROWS_PER_INSERT * EVENT_COLUMNS) {
      insertBatch.run(...batch);
      batch = [];
    }
  });
  if (batch.length > 0) eventInsert(db, batch.length / EVENT_COLUMNS).run(...batch);
  return { first, last: first + events.length - 1 };
}

function writeGroups(db: DatabaseSync, runId: number, groups: ErrorGroup[]): void {
  const insert = db.prepare(`INSERT INTO error_groups (run_id, position, fingerprint, title, type, level, count, first_seen,
    last_seen, first_offset_ms, offsets_ms, sample_event_id, connection, log_group, log_stream, stack, frames, replay_url, exception)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = db.prepare('INSERT INTO context_lines (group_id, side, position, ts, log_stream, message) VALUES (?, ?, ?, ?, ?, ?)');
  groups.forEach((g, position) => {
    const groupId = insert.run(runId, position, g.fingerprint, g.title, g.type, g.level, g.count, g.firstSeen, g.lastSeen,
      g.firstOffsetMs, JSON.stringify(g.offsetsMs), g.sampleEventId, g.connection, g.logGroup, g.logStream,
      g.stack ?? null, JSON.stringify(g.frames), g.replayUrl ?? null, g.exception === undefined ? null : JSON.stringify(g.exception)).lastInsertRowid;
    [g.contextBefore, g.contextAfter].forEach((lines, side) => {
      lines.forEach((line, i) => insertLine.run(groupId, side, i, line.timestamp, line.logStream, line.message));
    });
  });
}

/**
 * Writes one run; call inside a transaction. The run becomes its session's current run (the one
 * shown and searched) if it outranks the current one.
 */
export function writeRun(db: DatabaseSync, result: CorrelationResult, savedAt: number): number {
  const sessionId = result.session.id;
  db.prepare(`INSERT INTO sessions (id, current_run_id, last_viewed_at) VALUES (?, NULL, ?)
    ON CONFLICT (id) DO UPDATE SET last_viewed_at = excluded.last_viewed_at`).run(sessionId, savedAt);
  const current = db.prepare(`SELECT r.id, r.complete, r.ran_at, r.first_event, r.indexed_to
    FROM sessions s JOIN runs r ON r.id = s.current_run_id WHERE s.id = ?`).get(sessionId) as CurrentRun | undefined;
  const becomesCurrent = outranks(result.complete, result.ranAt, current);
  const runId = Number(db.prepare(`INSERT INTO runs (session_id, ran_at, saved_at, window_from, window_to, complete,
    session_json, stats_json, connections_json, failures_json, event_count, group_count, parts)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`).run(
    sessionId, result.ranAt, savedAt, result.window.from, result.window.to, Number(result.complete),
    JSON.stringify(result.session), JSON.stringify(result.stats), JSON.stringify(result.connections),
    JSON.stringify(scrubRunFailures(result).failures), result.events.length, result.groups.length,
  ).lastInsertRowid);
  const range = writeEvents(db, runId, result.events);
  let minTs = Infinity;
  let maxTs = -Infinity;
  for (const event of result.events) {
    if (event.timestamp < minTs) minTs = event.timestamp;
    if (event.timestamp > maxTs) maxTs = event.timestamp;
  }
  db.prepare('UPDATE runs SET first_event = ?, last_event = ?, current = ?, min_ts = ?, max_ts = ? WHERE id = ?').run(
    range?.first ?? null, range?.last ?? null, Number(becomesCurrent), range ? minTs : null, range ? maxTs : null, runId,
  );
  writeGroups(db, runId, result.groups);
  if (becomesCurrent) {
    if (current) {
      // The replaced run stays cached (until evicted) but is no longer shown or searched.
      unindexRun(db, current);
      db.prepare('UPDATE runs SET current = 0, indexed_to = NULL WHERE id = ?').run(current.id);
    }
    db.prepare('UPDATE sessions SET current_run_id = ? WHERE id = ?').run(runId, sessionId);
  }
  return runId;
}
