import type { ParsedException } from '../../../shared/domain/log-parts';
import { MAX_CAUSE_DEPTH } from '../../../shared/domain/log-parts';
import { exceptionOf, makeFrame, type ParsedFrame } from './frames';
import { field, isObject, type JsonObject } from './json-record';

/** What a structured log line says about an exception it carries. */
export interface JsonException {
  type?: string;
  message?: string;
  /** The formatted stack trace, when the logger put one in. */
  stack?: string;
  /** Frames already taken apart by the logger (structlog's `dict_tracebacks`), innermost first. */
  frames?: ParsedFrame[];
  /** Causes the logger took apart too (structlog's chain, log4j2's `cause`). */
  causes?: ParsedException[];
}

// Where loggers put an error object: pino/bunyan `err`, winston/ECS `error`, others `exception`.
const ERROR_OBJECT_FIELDS = ['err', 'error', 'exception', 'exc'];
// Where loggers put a formatted trace: python-json-logger `exc_info`, structlog `exception`,
// winston `stack`, logstash-logback `stack_trace`, Serilog CLEF `@x`, AWS Lambda `stackTrace`.
const STACK_FIELDS = ['exc_info', 'exception', 'stack', 'stack_trace', 'stackTrace', '@x', 'error.stack_trace'];

export function exceptionFromJson(json: JsonObject): JsonException | undefined {
  const found: JsonException = {};
  for (const name of ERROR_OBJECT_FIELDS) {
    const value = field(json, name);
    if (isObject(value)) {
      takeErrorObject(value, found);
      break;
    }
    if (Array.isArray(value) && value.length > 0 && isObject(value[0])) {
      takeStructlogChain(value as unknown[], found);
      break;
    }
  }
  if (found.stack === undefined) {
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

function takeErrorObject(error: JsonObject, into: JsonException): void {
  const type = field(error, 'type') ?? field(error, 'name') ?? field(error, 'class') ?? field(error, 'kind');
  if (typeof type === 'string' && type !== '') into.type = type;
  const message = field(error, 'message') ?? field(error, 'msg');
  if (typeof message === 'string') into.message = message;
  const stack = stackText(field(error, 'stack') ?? field(error, 'stack_trace') ?? field(error, 'stacktrace'));
  if (stack) into.stack = stack;
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
    const cause = exceptionOf(typeof entryType === 'string' ? entryType : '', typeof entryValue === 'string' ? entryValue : '', structlogFrames(entry)).exception;
    cause.relation = field(entry, 'is_cause') === true ? 'cause' : 'context';
    parent.causes = [cause];
    parent = cause;
  }
}

function structlogFrames(entry: JsonObject): ParsedFrame[] {
  const frames = field(entry, 'frames');
  return Array.isArray(frames) ? frames.filter(isObject).map(structlogFrame).reverse() : [];
}

function structlogFrame(frame: JsonObject): ParsedFrame {
  const name = field(frame, 'name');
  const file = field(frame, 'filename');
  const line = field(frame, 'lineno');
  const fn = typeof name === 'string' ? name : undefined;
  const path = typeof file === 'string' ? file : undefined;
  const parts: Parameters<typeof makeFrame>[1] = { raw: `File "${path ?? '?'}", line ${typeof line === 'number' ? line : '?'}, in ${fn ?? '?'}` };
  if (fn !== undefined) parts.function = fn;
  if (path !== undefined) parts.file = path;
  if (typeof line === 'number' && Number.isInteger(line)) parts.line = line;
  return makeFrame(`${fn ?? '?'} (${path ?? '?'})`, parts);
}

function stackText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trimEnd();
  // AWS Lambda: an array of lines (Node) or of `  File …\n    code\n` chunks (Python).
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
    return (value as string[]).map((item) => item.replace(/\n+$/, '')).join('\n');
  }
  return undefined;
}
