import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { LogEvent } from '../../../shared/domain/correlation';
import { AppError } from '../../../shared/errors';
import { BLOCK_EVENTS } from './schema';

/**
 * A run's events have the IDs runId·2^24 … runId·2^24 + count − 1: contiguous and block-aligned
 * (full-text blocks never span two runs) however many transactions, or processes, write at once.
 * 2^24 (16.7 million) bounds one run, far above the run budget; run IDs stay below 2^29, so every
 * ID is an exact JavaScript number.
 */
export const RUN_EVENT_SPAN = 2 ** 24;
export const firstEventId = (runId: number): number => runId * RUN_EVENT_SPAN;
// Block-aligned by construction: a run's first ID is a multiple of BLOCK_EVENTS.
if (RUN_EVENT_SPAN % BLOCK_EVENTS !== 0) throw new Error('RUN_EVENT_SPAN must be a multiple of BLOCK_EVENTS');

function sourceIds(db: DatabaseSync): (event: LogEvent) => number {
  const find = db.prepare('SELECT id FROM sources WHERE connection_id = ? AND connection = ? AND log_group = ? AND log_stream = ?');
  const insert = db.prepare('INSERT INTO sources (connection_id, connection, log_group, log_stream) VALUES (?, ?, ?, ?)');
  // Per-call memo only (an ID cached across transactions could outlive a rollback). Nested maps
  // avoid building a key string for each of a batch's many events.
  const known = new Map<string, Map<string, Map<string, Map<string, number>>>>();
  const level = <V>(map: Map<string, V>, key: string, make: () => V): V => {
    let value = map.get(key);
    if (value === undefined) map.set(key, (value = make()));
    return value;
  };
  return (event) => {
    const streams = level(
      level(
        level(known, event.connectionId, () => new Map()),
        event.connection,
        () => new Map(),
      ),
      event.logGroup,
      () => new Map<string, number>(),
    );
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

/** How many events the run holds so far (its IDs are contiguous from its first). */
export function storedEvents(db: DatabaseSync, runId: number): number {
  const first = firstEventId(runId);
  const row = db.prepare('SELECT max(id) AS last FROM events WHERE id BETWEEN ? AND ?').get(first, first + RUN_EVENT_SPAN - 1) as {
    last: number | null;
  };
  return row.last === null ? 0 : row.last - first + 1;
}

/** Appends events to a run after the ones it has; call inside a transaction. Returns the new count. */
export function insertEvents(db: DatabaseSync, runId: number, events: readonly LogEvent[], stored: number): number {
  if (stored + events.length > RUN_EVENT_SPAN) {
    throw new AppError(
      'INVALID_INPUT',
      `A run can hold at most ${RUN_EVENT_SPAN.toLocaleString('en-US')} events.`,
      'Lower the run budget in the settings.',
    );
  }
  const first = firstEventId(runId) + stored;
  const insertBatch = eventInsert(db, ROWS_PER_INSERT);
  const sourceOf = sourceIds(db);
  let batch: SQLInputValue[] = [];
  events.forEach((event, i) => {
    batch.push(
      first + i,
      runId,
      event.id,
      event.timestamp,
      event.offsetMs,
      sourceOf(event),
      event.level,
      event.message,
      event.fingerprint ?? null,
      event.summary ?? null,
      event.summarySpan?.[0] ?? null,
      event.summarySpan?.[1] ?? null,
      event.jsonAt ?? null,
      event.fields === undefined ? null : JSON.stringify(event.fields),
      event.exception === undefined ? null : JSON.stringify(event.exception),
    );
    if (batch.length === ROWS_PER_INSERT * EVENT_COLUMNS) {
      insertBatch.run(...batch);
      batch = [];
    }
  });
  if (batch.length > 0) eventInsert(db, batch.length / EVENT_COLUMNS).run(...batch);
  return stored + events.length;
}

/**
 * Copies the events of another run of the same session whose time lies in one of `ranges`
 * (inclusive ms), in time order, after the ones the run has; call inside a transaction. This is
 * how a refresh keeps what the cache already covers without reading it into memory.
 */
export function copyEvents(
  db: DatabaseSync,
  runId: number,
  fromRunId: number,
  ranges: readonly { from: number; to: number }[],
  stored: number,
): number {
  let count = stored;
  const base = firstEventId(runId);
  const columns =
    'event_id, ts, offset_ms, source_id, level, message, fingerprint, summary, summary_start, summary_end, json_at, fields, exception';
  const copy = db.prepare(`INSERT INTO events (id, run_id, ${columns})
    SELECT ? + row_number() OVER (ORDER BY ts, id) - 1, ?, ${columns} FROM events WHERE run_id = ? AND ts BETWEEN ? AND ?`);
  for (const range of ranges) count += Number(copy.run(base + count, runId, fromRunId, range.from, range.to).changes);
  if (count > RUN_EVENT_SPAN)
    throw new AppError('INVALID_INPUT', 'The refreshed run would hold too many events.', 'Lower the run budget in the settings.');
  return count;
}
