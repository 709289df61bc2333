import { stripTokenPrefix } from '../../../../../shared/session/session-tags';
import { namesException } from './exception-header';

/**
 * Recognises the lines of stack traces as runtimes print them, one line at a time, so a trace
 * that a log agent split into one event per line can be put back together. A state says which
 * runtime's trace is open and what may come next; `undefined` means the line is not part of it.
 */
export type TraceState =
  | { kind: 'python'; phase: 'frames' | 'raised' | 'chained' }
  // Java and Node.js share `at …` frame lines; `props` counts the open blocks of Node's error properties.
  | { kind: 'jvm'; props: number }
  | { kind: 'go' };

const PYTHON_HEADER = 'Traceback (most recent call last):';
// Python 3.11+ prints an ExceptionGroup's traceback behind `| ` bars, its header with a `+`.
const PYTHON_GROUP_HEADER_RE = /^\s*\+ Exception Group Traceback \(most recent call last\):$/;
const PYTHON_CHAIN_RE =
  /^(?:During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)$/;
const PYTHON_EXCEPTION_RE = /^[A-Za-z_][\w.]*(?::(?: .*)?)?$/;
const INDENTED_RE = /^[ \t]/;

const AT_FRAME_RE = /^\s+at\s/;
const JVM_MORE_RE = /^\s*\.\.\. \d+ (?:more|common frames omitted)/;
const JVM_CAUSE_RE = /^\s*(?:Caused by|Suppressed): /;
const NODE_PROPS_END_RE = /^\s*\},?\s*$/;
const THREAD_HEADER_RE = /^Exception in thread "[^"]*" [\w$.]+/;
// `TypeError: …`, `Error [ERR_X]: …`, `java.lang.IllegalStateException: …`, `com.acme.Boom`.
const EXCEPTION_HEADER_RE = /^(?:Uncaught )?[A-Za-z_$][\w$.]*(?: \[[^\]]+\])?(?::(?: .*)?)?$/;

// Ruby: `app.rb:12:in 'charge': message (ErrorClass)`, then `\tfrom app.rb:20:in 'run'` lines.
const RUBY_HEAD_RE = /^\S+?:\d+:in [`'][^'`]+': .* \([A-Z][\w:]*\)$/;
const RUBY_FROM_RE = /^\s+from \S+?:\d+:in [`'][^'`]+'$/;

// A panic may follow a log prefix: log.Printf("… %s\n%s", panicValue, debug.Stack()).
const GO_START_RE = /(?:^|\s)(?:panic: |http: panic serving )|^fatal error: /;
const GO_LINE_RE =
  /^(?:goroutine \d+ \[[^\]]*\]:$|\[signal |\s+panic: |created by |exit status \d+$|\t\S|[^\s(][^\s]*\(.*\)$|\[recovered\])/;

/**
 * Does a trace start at `line`? `next` is the line after it, when known: an exception header
 * such as `TypeError: x` is only a trace when an `at …` frame follows.
 */
export function traceStart(line: string, next: string | undefined): TraceState | undefined {
  if (line === PYTHON_HEADER || PYTHON_GROUP_HEADER_RE.test(line)) return { kind: 'python', phase: 'frames' };
  if (GO_START_RE.test(line)) return { kind: 'go' };
  if (THREAD_HEADER_RE.test(line)) return { kind: 'jvm', props: 0 };
  if (next !== undefined && RUBY_FROM_RE.test(next) && RUBY_HEAD_RE.test(line)) return { kind: 'jvm', props: 0 };
  if (next !== undefined && AT_FRAME_RE.test(next) && (EXCEPTION_HEADER_RE.test(line) || namesException(line)))
    return { kind: 'jvm', props: 0 };
  return undefined;
}

/** The state after `line`, or undefined when the line does not belong to the open trace. */
export function traceContinue(state: TraceState, line: string): TraceState | undefined {
  // Runtimes print blank lines inside traces (Go after `panic:`, Python around chained
  // exceptions); they must not end the trace.
  if (line.trim() === '') return state.kind === 'python' && state.phase === 'raised' ? { kind: 'python', phase: 'chained' } : state;
  switch (state.kind) {
    case 'python':
      return continuePython(state.phase, line);
    case 'jvm':
      return continueJvm(state.props, line);
    case 'go':
      return GO_LINE_RE.test(line) ? state : undefined;
  }
}

/**
 * Node.js prints an error's own properties (`code`, `errno`, …) as an object literal after the
 * last frame: `    at f (x.js:1:2) {`, `  code: 'ECONNREFUSED',`, `}`. They belong to the trace,
 * up to the `}` that closes the outermost block: a `[cause]` error (or an object property) opens
 * a block of its own inside, and its `}` comes first.
 */
function continueJvm(props: number, line: string): TraceState | undefined {
  if (props > 0) {
    if (NODE_PROPS_END_RE.test(line)) return { kind: 'jvm', props: props - 1 };
    if (!INDENTED_RE.test(line)) return undefined;
    return { kind: 'jvm', props: line.endsWith(' {') ? props + 1 : props };
  }
  if (AT_FRAME_RE.test(line)) return { kind: 'jvm', props: line.endsWith(' {') ? 1 : 0 };
  // Indented lines also belong: the rest of a multi-line exception message (PostgreSQL's
  // `  Detail: Key (…)=(…) already exists.`), Node's error properties.
  // Ruby prints a cause as another `file:line:in 'm': message (Class)` line.
  return JVM_MORE_RE.test(line) || JVM_CAUSE_RE.test(line) || INDENTED_RE.test(line) || RUBY_HEAD_RE.test(line)
    ? { kind: 'jvm', props: 0 }
    : undefined;
}

function continuePython(phase: 'frames' | 'raised' | 'chained', line: string): TraceState | undefined {
  if (phase === 'frames') {
    if (INDENTED_RE.test(line) || line === PYTHON_HEADER) return { kind: 'python', phase: 'frames' };
    return PYTHON_EXCEPTION_RE.test(line) ? { kind: 'python', phase: 'raised' } : undefined;
  }
  if (phase === 'raised') return PYTHON_CHAIN_RE.test(line) ? { kind: 'python', phase: 'chained' } : undefined;
  // Between chained tracebacks: the blank lines and the "During handling…" sentence. That
  // sentence is untagged under the monkeypatch, so Insights often returns only the blank
  // (prefix-only) line before the next `Traceback`.
  if (PYTHON_CHAIN_RE.test(line)) return { kind: 'python', phase: 'chained' };
  return line === PYTHON_HEADER ? { kind: 'python', phase: 'frames' } : undefined;
}

/** A trace that cannot have ended yet: a Python traceback whose exception line has not come. */
export function traceUnfinished(state: TraceState): boolean {
  return state.kind === 'python' && state.phase !== 'raised';
}

/**
 * Where the first trace in `lines` starts, and the state after its lines; `nextFirst` is the
 * first line of the event after these lines, when known (a header's `at …` may start there).
 */
export function findTraceStart(
  lines: readonly string[],
  nextFirst: string | undefined,
): { index: number; state: TraceState | undefined } | undefined {
  for (let j = 0; j < lines.length; j++) {
    const state = traceStart(lines[j] as string, j + 1 < lines.length ? lines[j + 1] : nextFirst);
    if (state) return { index: j, state: advanceTrace(state, lines, j + 1) };
  }
  return undefined;
}

/** The state after feeding `lines[from…]`; undefined once a line falls outside the trace. */
export function advanceTrace(state: TraceState, lines: readonly string[], from: number): TraceState | undefined {
  let current: TraceState | undefined = state;
  for (let k = from; k < lines.length && current; k++) current = traceContinue(current, lines[k] as string);
  return current;
}

/** The lines of a message, the token prefix stripped from each (a joined trace keeps one per line). */
export function messageLines(text: string): string[] {
  if (!text.includes('\n') && !text.includes('\r')) return [stripTokenPrefix(text)];
  return text.split(/\r\n|\n|\r/).map(stripTokenPrefix);
}

/** The trace inside one record's text (from its first line on), or undefined. */
export function traceIn(body: string): string | undefined {
  const lines = messageLines(body);
  const start = findTraceStart(lines, undefined);
  return start === undefined ? undefined : lines.slice(start.index).join('\n');
}
