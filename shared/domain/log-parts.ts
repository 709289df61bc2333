import { z } from 'zod';

/**
 * What main understood of one log line: computed once, where the log shapes are known
 * (main/services/correlation/log-shapes/), and only displayed by the renderer.
 */

/** Bounds that keep one hostile line from bloating the payload, the cache and the UI. */
export const MAX_SHOWN_FRAMES = 100;
export const MAX_CAUSE_DEPTH = 8;
export const MAX_CAUSES = 20;
export const MAX_FIELDS = 32;

export const stackFrameSchema = z.object({
  /** The frame as printed (one line, trimmed). */
  raw: z.string(),
  function: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  /** The source line a runtime prints under the frame (Python). */
  code: z.string().optional(),
  /** False for runtime, framework and dependency frames: shown dimmed, never part of a fingerprint when app frames exist. */
  app: z.boolean(),
});
export type StackFrame = z.infer<typeof stackFrameSchema>;

/**
 * How a nested exception relates to the one that lists it: `cause` (JVM `Caused by:`, Python
 * "direct cause", Node `[cause]`), `context` (Python "During handling…"), `suppressed` (JVM),
 * `inner` (.NET `--->`), `member` (Python ExceptionGroup, Node AggregateError `[errors]`).
 */
export const exceptionRelationSchema = z.enum(['cause', 'context', 'suppressed', 'inner', 'member']);
export type ExceptionRelation = z.infer<typeof exceptionRelationSchema>;

export interface ParsedException {
  /** Exception class or kind: `KeyError`, `java.lang.IllegalStateException`, `panic`. */
  type: string;
  message: string;
  /** Innermost (where it was thrown) first, whatever order the runtime printed them in. */
  frames: StackFrame[];
  /** Frames the runtime or this parser left out (`... 12 more`, frames beyond MAX_SHOWN_FRAMES). */
  omittedFrames?: number;
  /** Set on nested exceptions: how this one relates to its parent. */
  relation?: ExceptionRelation;
  causes?: ParsedException[];
}

export const parsedExceptionSchema: z.ZodType<ParsedException> = z.object({
  type: z.string(),
  message: z.string(),
  frames: z.array(stackFrameSchema).max(MAX_SHOWN_FRAMES),
  omittedFrames: z.number().int().nonnegative().optional(),
  relation: exceptionRelationSchema.optional(),
  get causes() {
    return z.array(parsedExceptionSchema).max(MAX_CAUSES).optional();
  },
});

/**
 * Metadata of the record and its envelope as a flat map (`pod`, `namespace`, `container`,
 * `task`, `requestId`, `stream`, `logger`…): the event's source beyond group and stream.
 */
export const eventFieldsSchema = z.record(z.string(), z.string());
export type EventFields = z.infer<typeof eventFieldsSchema>;

/**
 * The field names main gives envelope metadata, most specific first: where a line came from
 * beyond its log group and stream (a pod, a container, a task, a host).
 */
export const SOURCE_FIELDS = ['pod', 'container', 'task', 'host'] as const;

/** The most specific source field of an event, as `name value`, or undefined. */
export function sourceField(fields: EventFields | undefined): string | undefined {
  if (fields === undefined) return undefined;
  for (const name of SOURCE_FIELDS) {
    const value = fields[name];
    if (value !== undefined && value !== '') return value;
  }
  return undefined;
}
