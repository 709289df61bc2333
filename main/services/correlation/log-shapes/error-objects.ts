import type { ExceptionRelation, ParsedException } from '../../../../shared/domain/log-parts';
import { MAX_CAUSE_DEPTH, MAX_CAUSES } from '../../../../shared/domain/log-parts';
import { exceptionOf, type ParsedFrame } from './frames';
import { field, isObject, type JsonObject } from './json-record';
import { jvmFrameObject, structlogFrame } from './error-frames';
import { parseTrace } from './traces/parse-trace';

/** What a structured log line says about an exception it carries. */
export interface JsonException {
  type?: string;
  message?: string;
  /** The formatted stack trace, when the logger put one in. */
  stack?: string;
  /** Frames already taken apart by the logger (structlog's `dict_tracebacks`, log4j2's `extendedStackTrace`), innermost first. */
  frames?: ParsedFrame[];
  /** Causes the logger took apart too (structlog's chain, log4j2's `cause`/`suppressed`, pino's `aggregateErrors`). */
  causes?: ParsedException[];
}

// Where loggers put an error object: pino/bunyan `err`, winston/ECS `error`, log4j2 `thrown`,
// others `exception`; AWS Lambda's JSON format puts a logged Error as the `message` itself.
const ERROR_OBJECT_FIELDS = ['err', 'error', 'exception', 'exc', 'thrown', 'message'];
// Where loggers put a formatted trace: python-json-logger `exc_info`, structlog `exception`,
// winston `stack`, logstash-logback `stack_trace`, zap `stacktrace`, Serilog CLEF `@x`, AWS
// Lambda `stackTrace`.
const STACK_FIELDS = ['exc_info', 'exception', 'stack', 'stack_trace', 'stackTrace', 'stacktrace', '@x', 'error.stack_trace'];

export function exceptionFromJson(json: JsonObject): JsonException | undefined {
  const found: JsonException = {};
  for (const name of ERROR_OBJECT_FIELDS) {
    const value = field(json, name);
    if (isObject(value)) {
      takeErrorObject(value, found, 0);
      break;
    }
    if (name !== 'message' && Array.isArray(value) && value.length > 0 && isObject(value[0])) {
      takeStructlogChain(value as unknown[], found);
      break;
    }
  }
  // Go's loggers (zap `error`, slog `err`) log an error as its text: the value's type is not printed.
  if (found.type === undefined && found.message === undefined) {
    for (const name of ['error', 'err']) {
      const value = field(json, name);
      if (typeof value === 'string' && value.trim() !== '') {
        found.type = 'error';
        found.message = value;
        break;
      }
    }
  }
  if (found.stack === undefined && found.frames === undefined) {
    for (const name of STACK_FIELDS) {
      const stack = stackText(field(json, name));
      if (stack) {
        found.stack = stack;
        break;
      }
    }
  }
  const lambdaType = field(json, 'errorType');
  if (found.type === undefined && typeof lambdaType === 'string') found.type = lambdaType;
  const lambdaMessage = field(json, 'errorMessage');
  if (found.message === undefined && typeof lambdaMessage === 'string') found.message = lambdaMessage;
  return found.type !== undefined || found.stack !== undefined || found.frames !== undefined ? found : undefined;
}

function takeErrorObject(error: JsonObject, into: JsonException, depth: number): void {
  const type = field(error, 'type') ?? field(error, 'name') ?? field(error, 'class') ?? field(error, 'kind') ?? field(error, 'errorType');
  if (typeof type === 'string' && type !== '') into.type = type;
  const message = field(error, 'message') ?? field(error, 'msg') ?? field(error, 'errorMessage');
  if (typeof message === 'string') into.message = message;
  const stack = stackText(
    field(error, 'stack') ??
      field(error, 'stack_trace') ??
      field(error, 'stacktrace') ??
      field(error, 'stackTrace') ??
      field(error, 'trace'),
  );
  if (stack) into.stack = stack;
  // log4j2's JSON layouts: `extendedStackTrace` (or `stackTrace`) as objects, `cause`, `suppressed`.
  const frames = field(error, 'extendedStackTrace') ?? field(error, 'stackTrace');
  if (!stack && Array.isArray(frames) && frames.some(isObject)) into.frames = frames.filter(isObject).map(jvmFrameObject);
  if (depth >= MAX_CAUSE_DEPTH) return;
  const causes: ParsedException[] = [];
  const cause = field(error, 'cause');
  if (isObject(cause)) causes.push(nested(cause, 'cause', depth));
  for (const [name, relation] of [
    ['suppressed', 'suppressed'],
    ['aggregateErrors', 'member'],
    ['errors', 'member'],
  ] as const) {
    const list = field(error, name);
    if (Array.isArray(list)) for (const item of list.filter(isObject).slice(0, MAX_CAUSES)) causes.push(nested(item, relation, depth));
  }
  if (causes.length > 0) into.causes = causes;
}

/** A nested error object as an exception of its own: its frames parsed, its causes below it. */
function nested(error: JsonObject, relation: ExceptionRelation, depth: number): ParsedException {
  const taken: JsonException = {};
  takeErrorObject(error, taken, depth + 1);
  const trace = taken.stack === undefined ? undefined : parseTrace(taken.stack);
  const type = taken.type ?? trace?.exception.type ?? '';
  const message = taken.message ?? trace?.exception.message ?? '';
  const exception = trace ? trace.exception : exceptionOf(type, message, taken.frames ?? []).exception;
  exception.type = type;
  exception.message = message;
  exception.relation = relation;
  if (taken.causes) exception.causes = [...(exception.causes ?? []), ...taken.causes];
  return exception;
}

/**
 * structlog's `dict_tracebacks`: `[{exc_type, exc_value, is_cause, frames: [{filename, lineno,
 * name}]}]` — the exception raised first, then what it was raised from: each later entry is the
 * one before's cause (`is_cause`) or the exception it was handling. Frames are oldest call first.
 */
function takeStructlogChain(chain: unknown[], into: JsonException): void {
  const entries = chain.filter(isObject);
  const top = entries[0];
  if (!top) return;
  const type = field(top, 'exc_type');
  const value = field(top, 'exc_value');
  if (typeof type === 'string') into.type = type;
  if (typeof value === 'string') into.message = value;
  into.frames = structlogFrames(top);
  let parent: { causes?: ParsedException[] } = into;
  for (const entry of entries.slice(1, MAX_CAUSE_DEPTH + 1)) {
    const entryType = field(entry, 'exc_type');
    const entryValue = field(entry, 'exc_value');
    const cause = exceptionOf(
      typeof entryType === 'string' ? entryType : '',
      typeof entryValue === 'string' ? entryValue : '',
      structlogFrames(entry),
    ).exception;
    cause.relation = field(entry, 'is_cause') === true ? 'cause' : 'context';
    parent.causes = [cause];
    parent = cause;
  }
}

function structlogFrames(entry: JsonObject): ParsedFrame[] {
  const frames = field(entry, 'frames');
  return Array.isArray(frames) ? frames.filter(isObject).map(structlogFrame).reverse() : [];
}

function stackText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trimEnd();
  // AWS Lambda: an array of lines (Node) or of `  File …\n    code\n` chunks (Python).
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
    return (value as string[]).map((item) => item.replace(/\n+$/, '')).join('\n');
  }
  return undefined;
}
