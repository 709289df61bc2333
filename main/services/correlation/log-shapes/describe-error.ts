import type { Level } from '../../../../shared/domain/correlation';
import type { ParsedException } from '../../../../shared/domain/log-parts';
import { MAX_CAUSE_DEPTH } from '../../../../shared/domain/log-parts';
import { exceptionFromJson } from './error-objects';
import { exceptionOf, type ParsedTrace } from './frames';
import { messageFromJson, type JsonObject } from './json-record';
import { joinCode } from './traces/exception-header';
import { goPanic } from './traces/go';
import { removeSessionTags } from '../../../../shared/session/session-tags';
import { firstLine } from './text';
import { parseTrace } from './traces/parse-trace';
import { traceIn } from './traces/trace-lines';

/** What an error event says about itself, before masking. */
export interface ErrorDescription {
  /** Exception class (`KeyError`, `java.lang.IllegalStateException`, `panic`), or the level for untyped error lines. */
  type: string;
  message: string;
  /** True when `type` names an exception rather than falling back to the level. */
  typed: boolean;
  stack?: string;
  /** The identities of the exception's frames (`function (file)`), innermost first: what the fingerprint reads. */
  frames: string[];
  /** The exception as shown: frames with their positions, causes. */
  exception?: ParsedException;
}

/** The parts of an event an error is described from. */
export interface ErrorSource {
  level: Level;
  /** The innermost record as text (no token prefix). */
  body: string;
  /** The innermost record when it is a JSON object. */
  record?: JsonObject;
  /** The trace text, when the event is or carries one (joined from split lines). */
  stack?: string;
}

// A single line that names an exception: `ValueError: bad input`, `Error [ERR_X]: …`.
const TYPED_LINE_RE = /^(?:Uncaught )?((?:[A-Za-z_$][\w$.]*)?(?:Error|Exception|Fault|Failure))(?: (\[[^\]]+\]))?:\s?(.*)$/;

export function describeError(source: ErrorSource): ErrorDescription {
  const description = describe(source);
  if (description.exception) untag(description.exception, 0);
  return description;
}

function describe(source: ErrorSource): ErrorDescription {
  const { record, level } = source;
  if (record) return fromRecord(record, source);
  if (source.stack !== undefined) {
    const trace = parseTrace(source.stack);
    return withTrace(traceBase(trace, source), trace, source.stack);
  }
  return fromLine(firstLine(source.body), level);
}

/**
 * The session's tag is no part of what was raised, though OpenReplay's monkeypatch writes it into
 * the exception's value too (`NotFoundError: [openReplaySessionToken=…] order 7 not found`).
 */
function untag(exception: ParsedException, depth: number): void {
  exception.message = removeSessionTags(exception.message);
  if (depth < MAX_CAUSE_DEPTH) for (const cause of exception.causes ?? []) untag(cause, depth + 1);
}

/**
 * What a trace's exception is called: its own header — or, when the trace names none (frames
 * only, or a Python traceback without its last line), the record line it follows, as AWS
 * Lambda's Python runtime prints `[ERROR] KeyError: 'x'` above the traceback.
 */
function traceBase(trace: ParsedTrace, source: ErrorSource): { type: string; message: string; typed: boolean } {
  const { type, message } = trace.exception;
  if (type !== '' && type !== 'Traceback') return { type, message, typed: true };
  const line = fromLine(firstLine(source.body), source.level);
  if (line.typed) return line;
  return type === 'Traceback' ? { type, message, typed: true } : fromLine(firstLine(source.stack ?? ''), source.level);
}

function fromRecord(record: JsonObject, source: ErrorSource): ErrorDescription {
  const text = messageFromJson(record) ?? source.body;
  const found = exceptionFromJson(record);
  if (!found) return fromLine(firstLine(text), source.level);
  const trace = found.stack === undefined ? undefined : parseTrace(found.stack);
  const traceType = trace && trace.exception.type !== '' ? trace.exception.type : undefined;
  const type = found.type ?? traceType;
  const message = found.message ?? (traceType === undefined ? undefined : trace?.exception.message) ?? firstLine(text);
  const base = { type: type ?? source.level, message, typed: type !== undefined };
  const taken = found.frames ? exceptionOf(base.type, base.message, found.frames) : trace;
  if (taken) {
    if (found.causes) taken.exception.causes = [...(taken.exception.causes ?? []), ...found.causes];
    // AWS Lambda's JSON format keeps only the outer stack in `stackTrace`; the message, printed
    // by util.format, holds the whole error with its `[cause]` and `[errors]`.
    if (!taken.exception.causes && text !== source.body) {
      const printed = traceIn(text);
      const causes = printed === undefined ? undefined : parseTrace(printed).exception.causes;
      if (causes) taken.exception.causes = causes;
    }
    return withTrace(base, taken, found.stack);
  }
  return { ...base, frames: [], exception: { type: base.type, message: base.message, frames: [] } };
}

/** The description with the trace's frames; the trace's exception shown under the described type and message. */
function withTrace(
  base: { type: string; message: string; typed: boolean },
  trace: ParsedTrace,
  stack: string | undefined,
): ErrorDescription {
  const description: ErrorDescription = { type: base.type, message: base.message, typed: base.typed, frames: trace.identities };
  if (stack !== undefined) description.stack = stack;
  if (base.typed || trace.exception.frames.length > 0) {
    // The trace's own exception, named as the description names it.
    const exception = trace.exception;
    exception.type = base.type;
    exception.message = base.message;
    description.exception = exception;
  }
  return description;
}

function fromLine(line: string, level: string): ErrorDescription {
  const typed = TYPED_LINE_RE.exec(line);
  if (typed?.[1]) return lineException(typed[1], joinCode(typed[2], typed[3]));
  const panic = goPanic(line);
  if (panic) return lineException(panic.type, panic.message);
  return { type: level, message: line, typed: false, frames: [] };
}

function lineException(type: string, message: string): ErrorDescription {
  return { type, message, typed: true, frames: [], exception: { type, message, frames: [] } };
}
