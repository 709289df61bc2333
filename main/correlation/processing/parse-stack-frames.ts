/** Enough frames to read a trace in the UI; deep framework stacks add nothing beyond this. */
export const MAX_FRAMES = 50;

const PYTHON_HEADER_RE = /^Traceback \(most recent call last\):/;
const PYTHON_FILE_RE = /^\s*File "([^"]*)", line \d+(?:, in (.+))?$/;
const GO_GOROUTINE_RE = /^goroutine \d+ \[/;
const GO_FILE_RE = /^\t(\S+?):\d+(?: \+0x[0-9a-f]+)?$/;
const AT_FRAME_RE = /^\s+at\s+(.+)$/;
const CAUSE_RE = /^\s*(?:Caused by|Suppressed): /;

/**
 * The frames of a stack trace, innermost (where it was thrown) first, each as
 * `function (file)` without line and column numbers: those shift with every deploy, and the
 * frames feed the fingerprint. Python prints the innermost frame last, the others first.
 */
export function parseStackFrames(stack: string): string[] {
  const lines = stack.split(/\r?\n/);
  const frames = lines.some((line) => PYTHON_HEADER_RE.test(line) || PYTHON_FILE_RE.test(line))
    ? pythonFrames(lines)
    : lines.some((line) => GO_GOROUTINE_RE.test(line))
      ? goFrames(lines)
      : atFrames(lines);
  return frames.slice(0, MAX_FRAMES);
}

/** Frames of the last traceback (the one whose exception is reported), reversed to innermost first. */
function pythonFrames(lines: string[]): string[] {
  let from = 0;
  lines.forEach((line, index) => {
    if (PYTHON_HEADER_RE.test(line)) from = index;
  });
  const frames: string[] = [];
  for (const line of lines.slice(from)) {
    const m = PYTHON_FILE_RE.exec(line);
    if (m) frames.push(m[2] === undefined ? (m[1] ?? '') : `${m[2]} (${m[1]})`);
  }
  return frames.reverse();
}

/** Frames of the panicking goroutine: `pkg.func(args)` lines, each followed by `\t/file.go:12 +0x1d`. */
function goFrames(lines: string[]): string[] {
  const frames: string[] = [];
  let inGoroutine = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (GO_GOROUTINE_RE.test(line)) {
      if (inGoroutine) break;
      inGoroutine = true;
      continue;
    }
    if (!inGoroutine || line.startsWith('\t') || line.startsWith('created by ')) continue;
    const name = goFunctionName(line);
    const file = GO_FILE_RE.exec(lines[i + 1] ?? '');
    // The runtime's own frames (`panic(…)` re-raising, `runtime/debug.Stack()` printing the
    // trace) sit on top of the frame where the fault is, and are the same for every panic.
    if (name === undefined || name === 'panic' || name.startsWith('runtime.') || name.startsWith('runtime/debug.')) continue;
    frames.push(file ? `${name} (${file[1]})` : name);
  }
  return frames;
}

/** `main.(*Server).handle(0xc000010000, {0x6b8f40, 0x1})` → `main.(*Server).handle`. */
function goFunctionName(line: string): string | undefined {
  if (!line.endsWith(')')) return undefined;
  let depth = 0;
  for (let i = line.length - 1; i >= 0; i--) {
    if (line[i] === ')') depth++;
    else if (line[i] === '(' && --depth === 0) return i > 0 ? line.slice(0, i) : undefined;
  }
  return undefined;
}

/** Java and Node.js `at …` frames of the outermost exception (before the first `Caused by:`). */
function atFrames(lines: string[]): string[] {
  const frames: string[] = [];
  for (const line of lines) {
    if (CAUSE_RE.test(line)) break;
    const m = AT_FRAME_RE.exec(line);
    if (m?.[1]) frames.push(cleanAtFrame(m[1]));
  }
  return frames;
}

function cleanAtFrame(frame: string): string {
  return (
    frame
      .replace(/^async /, '')
      .replace(/ \{$/, '')
      // `(file.js:12:34)`, `(Foo.java:42)`, bare `file.js:12:34`: positions move with every edit.
      .replace(/:\d+(?::\d+)?(\)?)$/, '$1')
      // JVM hidden classes (`$$Lambda/0x0000000800c03000`) get a new address every run.
      .replace(/0x[0-9a-fA-F]+/g, '0x…')
  );
}
