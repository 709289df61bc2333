import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import {
  correlationResultSchema,
  runFailureSchema,
  runStatsSchema,
  sessionInfoSchema,
  type ContextLine,
  type CorrelationResult,
  type ErrorGroup,
  type LogEvent,
} from '../../../shared/domain/correlation';
import { parsedExceptionSchema, type ParsedException } from '../../../shared/domain/log-parts';
import { scrubErrorValue } from '../security/secret-scrubber';
import { eventPages } from './event-reader';
import { damaged, level, parseJson } from './row-decoding';

const connectionsSchema = correlationResultSchema.shape.connections;
const numbersSchema = z.array(z.number());
const stringsSchema = z.array(z.string());

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
  covered_json: string | null;
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
  context_pending: number;
}

/** A run's groups; for a run saved without parts, each shows its sample event's worked-out exception. */
export function readGroups(db: DatabaseSync, runId: number, derived?: (sampleEventId: string) => LogEvent | undefined): ErrorGroup[] {
  const rows = db.prepare('SELECT * FROM error_groups WHERE run_id = ? ORDER BY position').all(runId) as unknown as GroupRow[];
  const lines = db.prepare('SELECT side, ts, log_stream, message FROM context_lines WHERE group_id = ? ORDER BY side, position');
  return rows.map((row) => {
    const contextBefore: ContextLine[] = [];
    const contextAfter: ContextLine[] = [];
    for (const line of lines.all(row.id) as unknown as { side: number; ts: number; log_stream: string; message: string }[]) {
      (line.side === 0 ? contextBefore : contextAfter).push({ timestamp: line.ts, logStream: line.log_stream, message: line.message });
    }
    const group: ErrorGroup = {
      fingerprint: row.fingerprint,
      title: row.title,
      type: row.type,
      level: level(row.level),
      count: row.count,
      firstSeen: row.first_seen,
      lastSeen: row.last_seen,
      firstOffsetMs: row.first_offset_ms,
      offsetsMs: parseJson(numbersSchema, row.offsets_ms, 'group offsets'),
      sampleEventId: row.sample_event_id,
      connection: row.connection,
      logGroup: row.log_group,
      logStream: row.log_stream,
      frames: parseJson(stringsSchema, row.frames, 'group frames'),
      contextBefore,
      contextAfter,
    };
    if (row.stack !== null) group.stack = row.stack;
    if (row.replay_url !== null) group.replayUrl = row.replay_url;
    if (row.context_pending === 1) group.contextPending = true;
    const exception: ParsedException | undefined = derived
      ? derived(row.sample_event_id)?.exception
      : row.exception === null
        ? undefined
        : parseJson(parsedExceptionSchema, row.exception, 'group exception');
    if (exception) group.exception = exception;
    return group;
  });
}

export const RUN_COLUMNS = `id, ran_at, saved_at, window_from, window_to, complete, session_json, stats_json,
  connections_json, failures_json, first_event, last_event, parts, covered_json`;

/** Rebuilds the CorrelationResult exactly as it was saved. */
export function readRun(db: DatabaseSync, run: RunRow): CorrelationResult {
  const events = [...eventPages(db, run.id)].flat();
  // A run's events are exactly its ID range: fewer rows back means pages were lost, not a smaller run.
  if (events.length !== (run.first_event === null || run.last_event === null ? 0 : run.last_event - run.first_event + 1))
    throw damaged('events missing');
  const byId = run.parts === 0 ? new Map(events.map((event) => [event.id, event])) : undefined;
  return {
    session: parseJson(sessionInfoSchema, run.session_json, 'session'),
    window: { from: run.window_from, to: run.window_to },
    stats: parseJson(runStatsSchema, run.stats_json, 'stats'),
    groups: readGroups(db, run.id, byId && ((id) => byId.get(id))),
    events,
    // Runs cached by older versions (or imported) may hold unscrubbed error text.
    failures: parseJson(z.array(runFailureSchema), run.failures_json, 'failures').map((failure) => scrubErrorValue(failure)),
    complete: run.complete === 1,
    connections: parseJson(connectionsSchema, run.connections_json, 'connections'),
    ranAt: run.ran_at,
  };
}
