import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { LogEvent, TimeWindow } from '../../../shared/domain/correlation';
import { eventFieldsSchema, parsedExceptionSchema } from '../../../shared/domain/log-parts';
import { describeMessage } from '../correlation/log-shapes/describe-event';
import { damaged, level, parseJson } from './row-decoding';

/** The columns `eventDecoder` reads, in its order (rows come back as arrays: see below). */
export const EVENT_COLUMNS = `e.id, e.event_id, e.ts, e.offset_ms, e.source_id, e.level, e.message, e.fingerprint,
  e.summary, e.summary_start, e.summary_end, e.json_at, e.fields, e.exception`;
export type EventTuple = [
  number,
  string,
  number,
  number,
  number,
  string,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
  string | null,
  string | null,
];
type Source = Pick<LogEvent, 'connectionId' | 'connection' | 'logGroup' | 'logStream'>;

/**
 * Turns event rows into LogEvents. Rows are read as arrays (setReturnArrays) and the four source
 * strings are looked up once per source, not decoded for every row: reading a big session's
 * events is on the hot path.
 */
export function eventDecoder(db: DatabaseSync, withParts: boolean): (row: EventTuple) => LogEvent {
  const statement = db.prepare('SELECT connection_id, connection, log_group, log_stream FROM sources WHERE id = ?');
  const known = new Map<number, Source>();
  const sourceOf = (id: number): Source => {
    let source = known.get(id);
    if (source === undefined) {
      const row = statement.get(id) as { connection_id: string; connection: string; log_group: string; log_stream: string } | undefined;
      if (!row) throw damaged('event source');
      source = { connectionId: row.connection_id, connection: row.connection, logGroup: row.log_group, logStream: row.log_stream };
      known.set(id, source);
    }
    return source;
  };
  return ([
    ,
    id,
    timestamp,
    offsetMs,
    sourceId,
    lvl,
    message,
    fingerprint,
    summary,
    summaryStart,
    summaryEnd,
    jsonAt,
    fields,
    exception,
  ]) => {
    if (typeof message !== 'string' || typeof timestamp !== 'number' || typeof offsetMs !== 'number') throw damaged('event row');
    const { connectionId, connection, logGroup, logStream } = sourceOf(sourceId);
    const event: LogEvent = { id, timestamp, offsetMs, connectionId, connection, logGroup, logStream, level: level(lvl), message };
    if (fingerprint !== null) event.fingerprint = fingerprint;
    // A run saved before parts were stored: they are worked out from the message, as a new run would.
    if (!withParts) return Object.assign(event, describeMessage(event.message, event.level).parts);
    if (summary !== null) event.summary = summary;
    if (summaryStart !== null && summaryEnd !== null) event.summarySpan = [summaryStart, summaryEnd];
    if (jsonAt !== null) event.jsonAt = jsonAt;
    if (fields !== null) event.fields = parseJson(eventFieldsSchema, fields, 'event fields');
    if (exception !== null) event.exception = parseJson(parsedExceptionSchema, exception, 'event exception');
    return event;
  };
}

/** Whether the run's events were stored with their parts (runs saved before that have none). */
export function runHasParts(db: DatabaseSync, runId: number): boolean {
  const row = db.prepare('SELECT parts FROM runs WHERE id = ?').get(runId) as { parts: number } | undefined;
  return row?.parts !== 0;
}

export interface EventPageOptions {
  /** Only events inside these inclusive time ranges (ms). */
  ranges?: readonly TimeWindow[];
  pageSize?: number;
}

/**
 * A run's events (finished or still being written) in time order, one page at a time: each page
 * continues after the last row of the one before (by time, then ID), so memory holds one page.
 */
export function* eventPages(db: DatabaseSync, runId: number, options: EventPageOptions = {}): Generator<LogEvent[]> {
  const pageSize = options.pageSize ?? 2_000;
  const decode = eventDecoder(db, runHasParts(db, runId));
  for (const range of options.ranges ?? [{ from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }]) {
    const statement = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.run_id = ? AND e.ts BETWEEN ? AND ?
      AND (e.ts > ? OR (e.ts = ? AND e.id > ?)) ORDER BY e.ts, e.id LIMIT ?`);
    statement.setReturnArrays(true);
    let after: SQLInputValue[] = [range.from - 1, range.from - 1, 0];
    for (;;) {
      const rows = statement.all(runId, range.from, range.to, ...after, pageSize) as unknown as EventTuple[];
      if (rows.length === 0) break;
      yield rows.map(decode);
      const last = rows.at(-1)!;
      after = [last[2], last[2], last[0]];
      if (rows.length < pageSize) break;
    }
  }
}
