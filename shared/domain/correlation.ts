import { z } from 'zod';
import { appErrorSchema } from '../errors';
import { eventFieldsSchema, parsedExceptionSchema } from './log-parts';

export const levelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'unknown']);
export type Level = z.infer<typeof levelSchema>;

/** All times are epoch milliseconds (UTC); offsets are milliseconds since the session's start. */
export const sessionInfoSchema = z.object({
  id: z.string().regex(/^\d{1,20}$/),
  token: z.string().optional(),
  start: z.number(),
  end: z.number(),
  replayUrl: z.string().optional(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const timeWindowSchema = z.object({ from: z.number(), to: z.number() });
export type TimeWindow = z.infer<typeof timeWindowSchema>;

export const runStatsSchema = z.object({
  bytesScanned: z.number().nonnegative(),
  recordsScanned: z.number().nonnegative(),
  recordsMatched: z.number().nonnegative(),
  costUsd: z.number().nonnegative(),
  queries: z.number().int().nonnegative(),
  /**
   * Rows the queries returned whose `@timestamp` could not be read: they cannot be placed on the
   * timeline, so they are left out of the events. Absent when there were none (and in runs
   * cached before it was counted).
   */
  rowsWithoutTimestamp: z.number().int().positive().optional(),
});
export type RunStats = z.infer<typeof runStatsSchema>;

export const logEventSchema = z.object({
  /** Stable within a run: derived from connection, group, stream, timestamp and position. */
  id: z.string(),
  timestamp: z.number(),
  offsetMs: z.number(),
  connectionId: z.string(),
  connection: z.string(),
  logGroup: z.string(),
  logStream: z.string(),
  level: levelSchema,
  /** The line as logged (a joined trace: its lines joined by newlines). */
  message: z.string(),
  /**
   * One line for lists: the innermost record's message, session tags removed. Left out when it
   * would repeat the message: then `summarySpan` says which part of the message it is (a tagged
   * line without its tag), or the whole message is its own summary (see eventSummary).
   */
  summary: z.string().optional(),
  summarySpan: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]).optional(),
  /** Where in the message a JSON object starts (the record, or the envelope around it), for showing it as a tree. */
  jsonAt: z.number().int().nonnegative().optional(),
  /** Envelope and record metadata (pod, container, request id, logger…). */
  fields: eventFieldsSchema.optional(),
  /** The exception the line reports or carries. */
  exception: parsedExceptionSchema.optional(),
  fingerprint: z.string().optional(),
});
export type LogEvent = z.infer<typeof logEventSchema>;

/** The line to show for an event in a list. */
export function eventSummary(event: Pick<LogEvent, 'message' | 'summary' | 'summarySpan'>): string {
  if (event.summary !== undefined) return event.summary;
  return event.summarySpan ? event.message.slice(event.summarySpan[0], event.summarySpan[1]) : event.message;
}

export const contextLineSchema = z.object({
  timestamp: z.number(),
  logStream: z.string(),
  message: z.string(),
});
export type ContextLine = z.infer<typeof contextLineSchema>;

export const errorGroupSchema = z.object({
  fingerprint: z.string(),
  title: z.string(),
  type: z.string(),
  level: levelSchema,
  count: z.number().int().positive(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  firstOffsetMs: z.number(),
  /** Offsets of every occurrence, for sparklines and the timeline. */
  offsetsMs: z.array(z.number()),
  sampleEventId: z.string(),
  connection: z.string(),
  logGroup: z.string(),
  logStream: z.string(),
  stack: z.string().optional(),
  /** The frames that identify the group (`function (file)`, no line numbers), innermost first. */
  frames: z.array(z.string()).default([]),
  /** The sample event's exception, parsed. */
  exception: parsedExceptionSchema.optional(),
  replayUrl: z.string().optional(),
  contextBefore: z.array(contextLineSchema).default([]),
  contextAfter: z.array(contextLineSchema).default([]),
  /**
   * True when the context lines were not fetched with the run (only the largest groups' are, to
   * bound the calls a run makes): they are fetched when asked for.
   */
  contextPending: z.boolean().optional(),
});
export type ErrorGroup = z.infer<typeof errorGroupSchema>;

export const runFailureSchema = z.object({
  connectionId: z.string(),
  connection: z.string(),
  logGroups: z.array(z.string()).default([]),
  code: appErrorSchema.shape.code,
  message: z.string(),
  hint: z.string(),
});
export type RunFailure = z.infer<typeof runFailureSchema>;

export const correlationResultSchema = z.object({
  session: sessionInfoSchema,
  window: timeWindowSchema,
  stats: runStatsSchema,
  groups: z.array(errorGroupSchema),
  events: z.array(logEventSchema),
  failures: z.array(runFailureSchema),
  complete: z.boolean(),
  /** What each connection searched: a run with other log groups or session-ID field names is another search. */
  connections: z.array(
    z.object({ id: z.string(), name: z.string(), logGroups: z.array(z.string()), sessionIdFields: z.array(z.string()).optional() }),
  ),
  ranAt: z.number(),
});
export type CorrelationResult = z.infer<typeof correlationResultSchema>;

export const queryStatusSchema = z.enum(['Pending', 'Scheduled', 'Running', 'Complete', 'Failed', 'Cancelled', 'Timeout', 'Unknown']);

/** One progress snapshot of a run, streamed main → renderer on `session:progress`. */
export const correlationProgressSchema = z.object({
  requestId: z.string(),
  phase: z.enum(['querying', 'splitting', 'processing', 'context', 'saving', 'done']),
  queries: z.array(
    z.object({
      key: z.string(),
      connection: z.string(),
      logGroups: z.number().int(),
      status: queryStatusSchema,
      recordsScanned: z.number(),
      recordsMatched: z.number(),
      bytesScanned: z.number(),
    }),
  ),
  totals: runStatsSchema,
  message: z.string().optional(),
  /**
   * The window's parts, queried side by side and read in order: the first (just after the
   * session start, where most lines sit) is shown as soon as it is in, before the rest.
   */
  parts: z.array(z.object({ from: z.number(), to: z.number(), state: z.enum(['waiting', 'reading', 'done', 'failed']) })).default([]),
});
export type CorrelationProgress = z.infer<typeof correlationProgressSchema>;

export const correlateRequestSchema = z.object({
  requestId: z.string().min(1).max(64),
  /** The raw text the user gave; main parses it again and never trusts a renderer-parsed value. */
  reference: z.string().max(8192),
  connectionIds: z.array(z.string()).max(100).optional(),
  from: z.number().optional(),
  to: z.number().optional(),
  mode: z.enum(['cache-first', 'refresh', 'offline']).default('cache-first'),
});
export type CorrelateRequest = z.infer<typeof correlateRequestSchema>;
