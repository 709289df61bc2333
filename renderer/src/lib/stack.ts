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

/**
 * Splits a log message into its headline, its stack frames and what follows. Python's traceback
 * puts a source line under each `File` line; it stays with its frame.
 */
export function splitStack(message: string): SplitMessage {
  const lines = message.split('\n');
  const first = lines.findIndex(isFrameLine);
  if (first === -1) return { head: message, frames: [], tail: '' };
  let last = first;
  for (let i = first; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (isFrameLine(line)) last = i;
    else if (/^\s{2,}\S/.test(line) && i === last + 1) last = i;
    else if (line.trim() !== '') break;
  }
  const frames: StackFrame[] = [];
  for (let i = first; i <= last; i += 1) {
    const line = lines[i] ?? '';
    if (isFrameLine(line)) frames.push(toFrame(line));
    else if (frames.length > 0 && line.trim() !== '') {
      const previous = frames[frames.length - 1];
      if (previous) previous.text += `\n    ${line.trim()}`;
    }
  }
  return {
    head: lines.slice(0, first).join('\n').trimEnd(),
    frames,
    tail: lines.slice(last + 1).join('\n').trim(),
  };
}
