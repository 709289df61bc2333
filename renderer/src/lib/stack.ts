export interface StackFrame {
  text: string;
  /** `file:line[:col]` when one could be found, for emphasis. */
  location?: string;
  /** Frames from dependencies or the runtime, shown dimmed so the app's own frames stand out. */
  external: boolean;
}

export interface SplitMessage {
  head: string;
  frames: StackFrame[];
  /** Lines after the frames (e.g. "Caused by:" chains keep their own frames inline). */
  tail: string;
}

const FRAME_PATTERNS = [
  /^\s*at\s+\S/, // JavaScript, Java, .NET
  /^\s*File "[^"]+", line \d+/, // Python
  /^\s*from\s+\S+:\d+/, // Ruby
  /^\s+\S+\.go:\d+/, // Go
  /^\s*\S+:\d+:in\s+`/, // Ruby (first frame)
  /^\s*\.\.\. \d+ more$/, // Java
  /^\s*Caused by:/,
];

const EXTERNAL = /node_modules|node:internal|site-packages|dist-packages|\/usr\/lib\/|\bjava\.base\/|\bruntime\/|<anonymous>|\(internal\//;
const LOCATION = /([\w./@\\~-]+\.[a-z]{1,5}):(\d+)(?::(\d+))?|File "([^"]+)", line (\d+)/i;

export function isFrameLine(line: string): boolean {
  return FRAME_PATTERNS.some((pattern) => pattern.test(line));
}

export function toFrame(line: string): StackFrame {
  const match = LOCATION.exec(line);
  const location = match ? (match[4] !== undefined ? `${match[4]}:${match[5]}` : match[0]) : undefined;
  return { text: line.trim(), ...(location !== undefined && { location }), external: EXTERNAL.test(line) };
}

const GO_FILE = /^\s+\S+\.go:\d+/;

/** Go prints each frame as a function line followed by an indented `file.go:line +0x…` line. */
function isGoFunction(line: string, next: string | undefined): boolean {
  return next !== undefined && GO_FILE.test(next) && !GO_FILE.test(line) && line.trim() !== '';
}

/**
 * Splits a log message into its headline, its stack frames and what follows. Python's traceback
 * puts a source line under each `File` line; it stays with its frame, as Go's file line does with
 * its function line.
 */
export function splitStack(message: string): SplitMessage {
  const lines = message.split('\n');
  const starts = (i: number) => isFrameLine(lines[i] ?? '') || isGoFunction(lines[i] ?? '', lines[i + 1]);
  let first = 0;
  while (first < lines.length && !starts(first)) first += 1;
  if (first === lines.length) return { head: message, frames: [], tail: '' };
  const frames: StackFrame[] = [];
  let i = first;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    if (isGoFunction(line, next)) {
      const frame = toFrame(next ?? '');
      frames.push({ ...frame, text: `${line.trim()}\n    ${frame.text}` });
      i += 2;
    } else if (isFrameLine(line)) {
      frames.push(toFrame(line));
      i += 1;
    } else if (/^\s{2,}\S/.test(line) && frames.length > 0) {
      const previous = frames[frames.length - 1] as StackFrame;
      previous.text += `\n    ${line.trim()}`;
      i += 1;
    } else break;
  }
  return {
    head: lines.slice(0, first).join('\n').trimEnd(),
    frames,
    tail: lines.slice(i).join('\n').trim(),
  };
}
