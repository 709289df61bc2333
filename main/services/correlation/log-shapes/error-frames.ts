import { makeFrame, type ParsedFrame } from './frames';
import { field, type JsonObject } from './json-record';

/** A frame structlog took apart: `{filename, lineno, name}`. */
export function structlogFrame(frame: JsonObject): ParsedFrame {
  const name = field(frame, 'name');
  const file = field(frame, 'filename');
  const line = field(frame, 'lineno');
  const fn = typeof name === 'string' ? name : undefined;
  const path = typeof file === 'string' ? file : undefined;
  const parts: Parameters<typeof makeFrame>[1] = {
    raw: `File "${path ?? '?'}", line ${typeof line === 'number' ? line : '?'}, in ${fn ?? '?'}`,
  };
  if (fn !== undefined) parts.function = fn;
  if (path !== undefined) parts.file = path;
  if (typeof line === 'number' && Number.isInteger(line)) parts.line = line;
  return makeFrame(`${fn ?? '?'} (${path ?? '?'})`, parts);
}

/** A JVM frame log4j2 took apart: `{class, method, file, line}` — the same identity as the printed `at` line's. */
export function jvmFrameObject(frame: JsonObject): ParsedFrame {
  const cls = field(frame, 'class');
  const method = field(frame, 'method');
  const file = field(frame, 'file');
  const line = field(frame, 'line');
  const fn = `${typeof cls === 'string' ? cls : '?'}.${typeof method === 'string' ? method : '?'}`;
  const path = typeof file === 'string' ? file : undefined;
  const number = typeof line === 'number' && Number.isInteger(line) && line >= 0 ? line : undefined;
  const parts: Parameters<typeof makeFrame>[1] = {
    raw: `at ${fn}(${path ?? 'Unknown Source'}${number === undefined ? '' : `:${number}`})`,
    function: fn,
  };
  if (path !== undefined) parts.file = path;
  if (number !== undefined) parts.line = number;
  return makeFrame(`${fn}(${path ?? 'Unknown Source'})`, parts);
}
