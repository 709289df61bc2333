import type { ParsedException } from '../../../../../shared/domain/log-parts';
import { MAX_CAUSE_DEPTH } from '../../../../../shared/domain/log-parts';
import { exceptionOf, makeFrame, type ParsedFrame, type ParsedTrace } from '../frames';

// Ruby's full_message: `app.rb:12:in 'charge': message (ErrorClass)` (backtick-quoted before
// Ruby 3.4), then `\tfrom app.rb:20:in 'run'` for each outer frame.
const HEAD_RE = /^(\S+?):(\d+):in [`']([^'`]+)': (.*) \(([A-Z][\w:]*)\)$/;
const FROM_RE = /^\s+from (\S+?):(\d+):in [`']([^'`]+)'$/;

export function isRubyTrace(lines: readonly string[]): boolean {
  return lines.some((line) => HEAD_RE.test(line)) && lines.some((line) => FROM_RE.test(line));
}

/**
 * A Ruby exception as Ruby prints it: its line (`file:line:in 'method': message (Class)`), its
 * `from` frames, then its cause the same way, and the cause's cause — each the `cause` of the one
 * printed before it.
 */
export function parseRubyTrace(lines: readonly string[]): ParsedTrace {
  const printed: { type: string; message: string; frames: ParsedFrame[] }[] = [];
  for (const line of lines) {
    const head = HEAD_RE.exec(line);
    if (head) {
      printed.push({
        type: head[5] as string,
        message: head[4] as string,
        frames: [rubyFrame(line, head[1] as string, head[2] as string, head[3] as string)],
      });
      continue;
    }
    const from = FROM_RE.exec(line);
    if (from && printed.length > 0)
      printed[printed.length - 1]?.frames.push(rubyFrame(line, from[1] as string, from[2] as string, from[3] as string));
  }
  const first = printed[0] ?? { type: '', message: '', frames: [] };
  const top = exceptionOf(first.type, first.message, first.frames);
  let parent: ParsedException = top.exception;
  for (const next of printed.slice(1, MAX_CAUSE_DEPTH + 1)) {
    const cause = exceptionOf(next.type, next.message, next.frames).exception;
    cause.relation = 'cause';
    parent.causes = [cause];
    parent = cause;
  }
  return top;
}

function rubyFrame(line: string, file: string, lineNumber: string, method: string): ParsedFrame {
  const raw = line
    .trim()
    .replace(/^from /, '')
    .replace(/: .* \([A-Z][\w:]*\)$/, '');
  return makeFrame(`${method} (${file})`, { raw, function: method, file, line: Number(lineNumber) });
}
