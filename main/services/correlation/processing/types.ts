import type { ErrorGroup, LogEvent } from '../../../../shared/domain/correlation';
import type { ErrorDescription } from '../log-shapes/describe-error';
import type { JsonObject } from '../log-shapes/json-record';

export interface ProcessOptions {
  /** Session start, epoch ms: every event's `offsetMs` is measured from it. */
  sessionStart: number;
  /** Replay link at an offset into the session (`jumpto`), for each group's first occurrence. */
  replayUrlAt?: (offsetMs: number) => string | undefined;
}

export interface ProcessResult {
  events: LogEvent[];
  groups: ErrorGroup[];
  /** Rows without a readable timestamp: they cannot be placed on the timeline, so they are left out. */
  dropped: number;
}

/** An event on its way through the pipeline: the public event plus what later stages need. */
export interface WorkEvent {
  event: LogEvent;
  /** The innermost record as text: no `[openReplaySessionToken=…] ` prefix, no trailing newlines. */
  body: string;
  /** The innermost record when it is a JSON object. */
  record?: JsonObject;
  /** What the line's shape says to list it as, when its record does not (Lambda platform lines). */
  title?: string;
  /** Input position (across all batches), so equal timestamps keep the order CloudWatch returned them in. */
  order: number;
  /** Connection, group and stream: traces are joined only within one stream. */
  streamKey: string;
  /** Insights' `@ptr`: the same record seen by two overlapping queries has the same pointer. */
  ptr?: string;
  /** Set when the event is (or carries) a stack trace: the clean trace text. */
  stack?: string;
  /** Set for errors (and events carrying a trace) once traces are joined: what the fingerprint reads. */
  description?: ErrorDescription;
}
