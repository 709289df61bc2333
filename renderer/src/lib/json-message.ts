import { displayLine, firstLine } from './format';
import { splitStack, type SplitMessage } from './stack';

const MESSAGE_KEYS = ['message', 'msg', 'text', 'event', 'error'];
const STACK_KEYS = ['stack', 'stack_trace', 'stacktrace', 'exc_info', 'traceback', 'exception', 'trace', 'error', 'err'];

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function pickString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  const lower = new Map(Object.keys(record).map((k) => [k.toLowerCase(), k]));
  for (const key of keys) {
    const actual = lower.get(key);
    const value = actual === undefined ? undefined : record[actual];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

/**
 * The stack trace inside a structured log line: a top-level field (`stack`, `exc_info`…) or the
 * same field in a nested `error`/`err`/`exception` object.
 */
export function jsonStack(json: Record<string, unknown>): SplitMessage | undefined {
  const places = [json, ...['error', 'err', 'exception'].map((k) => asRecord(json[k])).filter((r) => r !== undefined)];
  for (const place of places) {
    const text = pickString(place, STACK_KEYS);
    if (text === undefined) continue;
    const split = splitStack(text);
    if (split.frames.length > 0) return split;
  }
  return undefined;
}

/** One line for the event list: a JSON line's own message (and its exception), not its braces. */
export function eventSummary(message: string, json: Record<string, unknown> | undefined): string {
  if (!json) return displayLine(message);
  const text = pickString(json, MESSAGE_KEYS) ?? pickString(asRecord(json.error) ?? {}, MESSAGE_KEYS);
  if (text === undefined) return displayLine(message);
  const stack = jsonStack(json);
  const exception = stack && (stack.tail || stack.head) ? firstLine((stack.tail || stack.head).split('\n').at(-1) ?? '') : '';
  return exception && exception !== text ? `${firstLine(text)} — ${exception}` : firstLine(text);
}
