import type { ParsedTrace } from '../frames';
import { isDotnetTrace, parseDotnetTrace } from './dotnet';
import { isGoTrace, parseGoTrace } from './go';
import { isJvmTrace, parseAtTrace } from './jvm';
import { parseNodeTrace } from './node';
import { isPythonTrace, parsePythonTrace } from './python';
import { parsePythonGroup, pythonGroupColumn } from './python-group';
import { isRubyTrace, parseRubyTrace } from './ruby';

/** Lines of a trace: `\n`, `\r\n`, and the lone `\r` AWS Lambda joins a Python traceback with. */
export function traceLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/**
 * The exception a stack trace reports, with its frames (innermost first) and causes. The type
 * is empty when the trace names none (frames alone): the caller knows better what it was.
 */
export function parseTrace(stack: string): ParsedTrace {
  const lines = traceLines(stack);
  const group = pythonGroupColumn(lines);
  if (group !== -1) return parsePythonGroup(lines, group);
  if (isPythonTrace(lines)) return parsePythonTrace(lines);
  if (isGoTrace(lines)) return parseGoTrace(lines);
  if (isDotnetTrace(lines)) return parseDotnetTrace(lines);
  if (isRubyTrace(lines)) return parseRubyTrace(lines);
  return isJvmTrace(lines) ? parseAtTrace(lines) : parseNodeTrace(lines);
}

/**
 * The frames of a stack trace, innermost first, each as `function (file)` without line and
 * column numbers: those shift with every deploy, and the frames feed the fingerprint.
 */
export function parseStackFrames(stack: string): string[] {
  return parseTrace(stack).identities;
}
