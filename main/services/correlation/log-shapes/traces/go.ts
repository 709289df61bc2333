import { MAX_IDENTITY_FRAMES, exceptionOf, makeFrame, splitLocation, type ParsedFrame, type ParsedTrace } from '../frames';

const GOROUTINE_RE = /^goroutine \d+ \[/;
// A frame's file line: `\t/src/app/main.go:12 +0x1d`.
const GO_FILE_LINE_RE = /^\t\S+\.go:\d+(?: \+0x[0-9a-f]+)?$/;
const FILE_RE = /^\t(\S+?)(?: \+0x[0-9a-f]+)?$/;
// `panic: x`, possibly behind a log prefix; `http: panic serving 10.0.0.1:5555: x`; `fatal error: x`.
const PANIC_RE = /(?:^|\s)(?:(panic): |http: (panic) serving [^\n]*?: )(.*)$|^(fatal error): (.*)$/;

/** A goroutine dump, or frames alone as zap's `stacktrace` and debug.Stack() print them. */
export function isGoTrace(lines: readonly string[]): boolean {
  return lines.some((line) => GOROUTINE_RE.test(line) || GO_FILE_LINE_RE.test(line));
}

/** `panic: x [recovered]` → type and message, or undefined when the line is no panic. */
export function goPanic(line: string): { type: string; message: string } | undefined {
  const m = PANIC_RE.exec(line);
  if (!m) return undefined;
  const type = m[1] ?? m[2] ?? m[4] ?? 'panic';
  return { type, message: (m[3] ?? m[5] ?? '').replace(/ \[recovered\]$/, '') };
}

/**
 * A Go panic and the stack of the goroutine that panicked (the first one printed; a crash
 * dump's other goroutines are left out). Each frame is a function line (`pkg.fn(args)`)
 * followed by its `\t/file.go:12 +0x1d` line.
 */
export function parseGoTrace(lines: readonly string[]): ParsedTrace {
  let header: { type: string; message: string } | undefined;
  const frames: { parsed: ParsedFrame; runtime: boolean }[] = [];
  // zap's `stacktrace` is frames alone, with no goroutine header.
  let inGoroutine = !lines.some((line) => GOROUTINE_RE.test(line));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (GOROUTINE_RE.test(line)) {
      if (inGoroutine) break;
      inGoroutine = true;
      continue;
    }
    if (!inGoroutine) {
      header ??= goPanic(line);
      continue;
    }
    if (line.startsWith('\t') || line.startsWith('created by ')) continue;
    const file = FILE_RE.exec(lines[i + 1] ?? '');
    // zap prints the function without its arguments: `main.main`, then its file line.
    const name = goFunctionName(line) ?? (file && /^\S+$/.test(line) ? line : undefined);
    if (name === undefined) continue;
    const where = file ? splitLocation(file[1] as string) : undefined;
    const parsed = makeFrame(where ? `${name} (${where.file})` : name, { raw: line.trim(), function: name, ...where });
    // The runtime's own frames (`panic(…)` re-raising, `runtime/debug.Stack()` printing the
    // trace) are the same for every panic: never part of its identity.
    const runtime = name === 'panic' || name.startsWith('runtime.') || name.startsWith('runtime/debug.');
    if (runtime) parsed.frame.app = false;
    frames.push({ parsed, runtime });
  }
  // A recovered panic printed with debug.Stack(): the frames above `panic(…)` are the deferred
  // handler printing it, not where it failed.
  const raised = frames.findIndex((f) => f.parsed.frame.function === 'panic');
  const shown = raised === -1 ? frames : frames.slice(raised + 1);
  const trace = exceptionOf(
    header?.type ?? '',
    header?.message ?? '',
    shown.map((f) => f.parsed),
  );
  trace.identities = shown
    .filter((f) => !f.runtime)
    .map((f) => f.parsed.identity)
    .slice(0, MAX_IDENTITY_FRAMES);
  return trace;
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
