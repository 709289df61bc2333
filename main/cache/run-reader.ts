import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import {
  levelSchema,
  runFailureSchema,
  runStatsSchema,
  sessionInfoSchema,
  type ContextLine,
  type CorrelationResult,
  type ErrorGroup,
  type Level,
  type LogEvent,
} from '../../shared/domain/correlation';
import { eventFieldsSchema, parsedExceptionSchema, type ParsedException } from '../../shared/domain/log-parts';
import { AppError } from '../../shared/errors';
import { describeMessage } from '../correlation/log-shapes/describe-event';
import { scrubErrorValue } from '../security/secret-scrubber';

const connectionsSchema = z.array(z.object({ id: z.string(), name: z.string(), logGroups: z.array(z.string()), sessionIdFields: z.array(z.string()).optional() }));
const numbersSchema = z.array(z.number());
const stringsSchema = z.array(z.string());
const levels = new Set<string>(levelSchema.options);

export interface RunRow {
  id: number;
  ran_at: number;
  saved_at: number;
  window_from: number;
  window_to: number;
  complete: number;
  session_json: string;
  stats_json: string;
  connections_json: string;
  failures_json: string;
  first_event: number | null;
  last_event: number | null;
  /** 1 when the events' parts (summary, fields, exception) were stored with them. */
  parts: number;
}

function damaged(what: string): AppError {
  return new AppError('CACHE_CORRUPT', `A cached run could not be read back (${what}).`, 'Refresh the session to fetch it again, or delete it from the cache.');
}

function level(value: unknown): Level {
  if (typeof value !== 'string' || !levels.has(value)) throw damaged('unknown level');
  return value as Level;
}

function jsonValue(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw damaged(what);
  }
}

function parseJson<T>(schema: z.ZodType<T>, text: string, what: string): T {
  const parsed = schema.safeParse(jsonValue(text, what));
  if (!parsed.success) throw damaged(what);
  return parsed.data;
}

// Rows come back as arrays (setReturnArrays): opening a 10,000-event session is on the hot path,
// and so is not decoding the same four source strings for every row: sources are looked up once.
type EventTuple = [string, number, number, number, string, string, string | null, string | null, number | null, number | null, number | null, string | null, string | null];
type Source = Pick<LogEvent, 'connectionId' | 'connection' | 'logGroup' | 'logStream'>;

function sourceLookup(db: DatabaseSync): (id: number) => Source {
  const statement = db.prepare('SELECT connection_id, connection, log_group, log_stream FROM sources WHERE id = ?');
  const known = new Map<number, Source>();
  return (id) => {
    let source = known.get(id);
    if (source === undefined) {
      const row = statement.get(id) as { connection_id: string; connection: string; log_group: string; log_stream: string } | undefined;
      if (!row) throw damaged('event source');
      source = { connectionId: row.connection_id, connection: row.connection, logGroup: row.log_group, logStream: row.log_stream };
      known.set(id, source);
    }
    return source;
  };
}

function readEvents(db: DatabaseSync, run: RunRow): LogEvent[] {
  if (run.first_event === null) return [];
  const statement = db.prepare(`SELECT event_id, ts, offset_ms, source_id, level, message, fingerprint,
    summary, summary_start, summary_end, json_at, fields, exception FROM events WHERE id BETWEEN ? AND ? AND run_id = ? ORDER BY id`);
  statement.setReturnArrays(true);
  const sourceOf = sourceLookup(db);
  const rows = statement.all(run.first_event, run.last_event, run.id) as unknown as EventTuple[];
  // A run's events are exactly its ID range: fewer rows back means pages were lost, not a smaller run.
  if (run.last_event === null || rows.length !== run.last_event - run.first_event + 1) throw damaged('events missing');
  return rows.map(([id, timestamp, offsetMs, sourceId, lvl, message, fingerprint, summary, summaryStart, summaryEnd, jsonAt, fields, exception]) => {
    if (typeof message !== 'string' || typeof timestamp !== 'number' || typeof offsetMs !== 'number') throw damaged('event row');
    const { connectionId, connection, logGroup, logStream } = sourceOf(sourceId);
    const event: LogEvent = { id, timestamp, offsetMs, connectionId, connection, logGroup, logStream, level: level(lvl), message };
    if (fingerprint !== null) event.fingerprint = fingerprint;
    if (run.parts === 0) return withDerivedParts(event);
    if (summary !== null) event.summary = summary;
    if (summaryStart !== null && summaryEnd !== null) event.summarySpan = [summaryStart, summaryEnd];
    if (jsonAt !== null) event.jsonAt = jsonAt;
    if (fields !== null) event.fields = parseJson(eventFieldsSchema, fields, 'event fields');
    if (exception !== null) event.exception = parseJson(parsedExceptionSchema, exception, 'event exception');
    return event;
  });
}

/** A run saved before parts were stored: they are worked out from the message, as a new run would. */
function withDerivedParts(event: LogEvent): LogEvent {
  return Object.assign(event, describeMessage(event.message, event.level).parts);
}

interface GroupRow {
  id: number;
  fingerprint: string;
  title: string;
  type: string;
  level: string;
  count: number;
  first_seen: number;
  last_seen: number;
  first_offset_ms: number;
  offsets_ms: string;
  sample_event_id: string;
  connection: string;
  log_group: string;
  log_stream: string;
  stack: string | null;
  frames: string;
  replay_url: string | null;
  exception: string | null;
}

function readGroups(db: DatabaseSync, runId: number, derived: Map<string, LogEvent> | undefined): ErrorGroup[] {
  const rows = db.prepare('SELECT * FROM error_groups WHERE run_id = ? ORDER BY position').all(runId) as unknown as GroupRow[];
  const lines = db.prepare('SELECT side, ts, log_stream, message FROM context_lines WHERE group_id = ? ORDER BY side, position');
  return rows.map((row) => {
    const contextBefore: ContextLine[] = [];
    const contextAfter: ContextLine[] = [];
    for (const line of lines.all(row.id) as unknown as { side: number; ts: number; log_stream: string; message: string }[]) {
      (line.side === 0 ? contextBefore : contextAfter).push({ timestamp: line.ts, logStream: line.log_stream, message: line.message });
    }
    const group: ErrorGroup = {
      fingerprint: row.fingerprint, title: row.title, type: row.type, level: level(row.level), count: row.count,
      firstSeen: row.first_seen, lastSeen: row.last_seen, firstOffsetMs: row.first_offset_ms,
      offsetsMs: parseJson(numbersSchema, row.offsets_ms, 'group offsets'), sampleEventId: row.sample_event_id,
      connection: row.connection, logGroup: row.log_group, logStream: row.log_stream,
      frames: parseJson(stringsSchema, row.frames, 'group frames'), contextBefore, contextAfter,
    };
    if (row.stack !== null) group.stack = row.stack;
    if (row.replay_url !== null) group.replayUrl = row.replay_url;
    const exception: ParsedException | undefined = derived
      ? derived.get(row.sample_event_id)?.exception
      : row.exception === null ? undefined : parseJson(parsedExceptionSchema, row.exception, 'group exception');
    if (exception) group.exception = exception;
    return group;
  });
}

export const RUN_COLUMNS = `id, ran_at, saved_at, window_from, window_to, complete, session_json, stats_json,
  connections_json, failures_json, first_event, last_event, parts`;

/** Rebuilds the CorrelationResult exactly as it was saved. */
export function readRun(db: DatabaseSync, run: RunRow): CorrelationResult {
  const events = readEvents(db, run);
  // A run saved without parts shows each group with its sample event's exception.
  const derived = run.parts === 0 ? new Map(events.map((event) => [event.id, event])) : undefined;
  return {
    session: parseJson(sessionInfoSchema, run.session_json, 'session'),
    window: { from: run.window_from, to: run.window_to },
    stats: parseJson(runStatsSchema, run.stats_json, 'stats'),
    groups: readGroups(db, run.id, derived),
    events,
    // Runs cached by older versions (or imported) may hold unscrubbed error text.
    failures: parseJson(z.array(runFailureSchema), run.failures_json, 'failures').map((failure) => scrubErrorValue(failure)),
    complete: run.complete === 1,
    connections: parseJson(connectionsSchema, run.connections_json, 'connections'),
    ranAt: run.ran_at,
  };
}
