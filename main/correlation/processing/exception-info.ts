import { exceptionFromJson } from './json-exception';
import { messageFromJson } from './json-message';
import { parseStackFrames } from './parse-stack-frames';
import type { WorkEvent } from './types';

/** What an error event says about itself, before masking. */
export interface ErrorDescription {
  /** Exception class (`KeyError`, `java.lang.IllegalStateException`, `panic`), or the level for untyped error lines. */
  type: string;
  message: string;
  /** True when `type` names an exception rather than falling back to the level. */
  typed: boolean;
  stack?: string;
  frames: string[];
}

const PYTHON_HEADER_RE = /^Traceback \(most recent call last\):/;
const PYTHON_CHAIN_RE = /^(?:During handling of the above exception|The above exception was the direct cause)/;
const PYTHON_EXCEPTION_RE = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;
const GO_RE = /(?:^|\s)(?:(panic): |http: (panic) serving \S+: )(.*)$|^(fatal error): (.*)$/;
const THREAD_RE = /^Exception in thread "[^"]*" ([\w$.]+)(?::\s?(.*))?$/;
const HEADER_RE = /^(?:Uncaught )?([A-Za-z_$][\w$.]*)(?: (\[[^\]]+\]))?(?::\s?(.*))?$/;
const AT_FRAME_RE = /^\s+at\s/;
// A single line that names an exception: `ValueError: bad input`, `Error [ERR_X]: …`.
const TYPED_LINE_RE = /^(?:Uncaught )?((?:[A-Za-z_$][\w$.]*)?(?:Error|Exception|Fault|Failure))(?: (\[[^\]]+\]))?:\s?(.*)$/;

export function describeError(work: WorkEvent): ErrorDescription {
  const { json, level } = work.event;
  if (json) {
    const text = messageFromJson(json) ?? work.body;
    const exception = exceptionFromJson(json);
    if (!exception) return fromLine(firstLine(text), level);
    const fromStack = exception.stack === undefined ? undefined : fromTrace(exception.stack);
    const type = exception.type ?? fromStack?.type;
    const description: ErrorDescription = {
      type: type ?? level,
      message: exception.message ?? fromStack?.message ?? firstLine(text),
      typed: type !== undefined,
      frames: exception.frames ?? (exception.stack === undefined ? [] : parseStackFrames(exception.stack)),
    };
    if (exception.stack !== undefined) description.stack = exception.stack;
    return description;
  }
  if (work.stack !== undefined) {
    const found = fromTrace(work.stack);
    const description = found ? { ...found, typed: true } : fromLine(firstLine(work.stack), level);
    return { ...description, stack: work.stack, frames: parseStackFrames(work.stack) };
  }
  return fromLine(firstLine(work.body), level);
}

/** The exception a trace reports: Python's last line, a Go panic, or the JVM/Node header line. */
function fromTrace(stack: string): { type: string; message: string } | undefined {
  const lines = stack.split(/\r?\n/);
  if (lines.some((line) => PYTHON_HEADER_RE.test(line))) {
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i] as string;
      if (PYTHON_HEADER_RE.test(line)) break;
      if (line === '' || /^\s/.test(line) || PYTHON_CHAIN_RE.test(line)) continue;
      const m = PYTHON_EXCEPTION_RE.exec(line);
      if (m?.[1]) return { type: m[1], message: m[2] ?? '' };
    }
    return { type: 'Traceback', message: '' };
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const go = GO_RE.exec(line);
    if (go) return goPanic(go);
    const thread = THREAD_RE.exec(line);
    if (thread?.[1]) return { type: thread[1], message: thread[2] ?? '' };
    const header = AT_FRAME_RE.test(lines[i + 1] ?? '') ? HEADER_RE.exec(line) : null;
    if (header?.[1]) return { type: header[1], message: joinCode(header[2], header[3]) };
  }
  return undefined;
}

function fromLine(line: string, level: string): ErrorDescription {
  const typed = TYPED_LINE_RE.exec(line);
  if (typed?.[1]) return { type: typed[1], message: joinCode(typed[2], typed[3]), typed: true, frames: [] };
  const go = GO_RE.exec(line);
  if (go) return { ...goPanic(go), typed: true, frames: [] };
  return { type: level, message: line, typed: false, frames: [] };
}

function goPanic(match: RegExpExecArray): { type: string; message: string } {
  const type = match[1] ?? match[2] ?? match[4] ?? 'panic';
  return { type, message: (match[3] ?? match[5] ?? '').replace(/ \[recovered\]$/, '') };
}

/** Node's error code (`TypeError [ERR_INVALID_ARG_TYPE]: …`) stays with the message. */
function joinCode(code: string | undefined, message: string | undefined): string {
  return code === undefined ? (message ?? '') : `${code} ${message ?? ''}`.trimEnd();
}

function firstLine(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}
