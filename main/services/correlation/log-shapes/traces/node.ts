import type { ExceptionRelation, ParsedException } from '../../../../../shared/domain/log-parts';
import { MAX_CAUSE_DEPTH, MAX_CAUSES } from '../../../../../shared/domain/log-parts';
import { exceptionOf, type ParsedFrame, type ParsedTrace } from '../frames';
import { atFrame } from './at-frames';
import { headerInLine, type ExceptionHeader } from './exception-header';

const AT_RE = /^\s+at\s/;
// util.inspect's own properties of an error: `[cause]: Error: …`, `[errors]: [` (AggregateError).
const CAUSE_RE = /^(\s*)\[cause\]: (.*)$/;
const ERRORS_RE = /^(\s*)\[errors\]: \[\s*$/;
// pino's error serializer appends each cause's stack: `caused by: Error: …`.
const CAUSED_BY_RE = /^\s*caused by: (.*)$/i;
// Node.js leaves out a cause's frames that repeat the parent's: `... 4 lines matching cause stack trace ...`.
const MATCHING_RE = /^\s*\.\.\. (\d+) lines matching cause stack trace \.\.\.$/;

interface Parsed {
  exception: ParsedException;
  identities: string[];
  next: number;
}

/**
 * A Node.js error as `console.error(err)` / util.inspect prints it: the header (perhaps behind
 * the text logged with it: `checkout failed: TypeError: …`), the `at …` frames, then — after a
 * ` {` on the last frame — the error's own properties, among them `[cause]: <error>` and
 * AggregateError's `[errors]: [<error>, …]`, each indented one level deeper and printed the same
 * way. pino's serializer instead appends `caused by: <stack>` for each cause in turn.
 */
export function parseNodeTrace(lines: readonly string[]): ParsedTrace {
  const first = lines.findIndex((line) => AT_RE.test(line));
  const header = headerAbove(lines, first);
  const top = parseError(lines, first, header, -1, 0);
  let parent = top.exception;
  for (let j = top.next; j < lines.length; j++) {
    const caused = CAUSED_BY_RE.exec(lines[j] as string);
    if (!caused || depthOf(top.exception) >= MAX_CAUSE_DEPTH) continue;
    const cause = parseError(lines, j + 1, headerInLine(caused[1] as string), -1, 1);
    cause.exception.relation = 'cause';
    parent.causes = [...(parent.causes ?? []), cause.exception];
    parent = cause.exception;
    j = cause.next - 1;
  }
  return { exception: top.exception, identities: top.identities };
}

/** The nearest unindented line above the frames that names an exception (a message may span lines). */
function headerAbove(lines: readonly string[], first: number): ExceptionHeader | undefined {
  for (let k = first - 1; k >= 0; k--) {
    const line = lines[k] as string;
    if (/^\s/.test(line) || line === '') continue;
    const header = headerInLine(line);
    if (header) return header;
  }
  return undefined;
}

function parseError(lines: readonly string[], start: number, header: ExceptionHeader | undefined, column: number, depth: number): Parsed {
  const frames: ParsedFrame[] = [];
  let omitted = 0;
  let j = start;
  let block = false;
  while (j >= 0 && j < lines.length) {
    const line = lines[j] as string;
    const matching = MATCHING_RE.exec(line);
    if (matching) {
      omitted += Number(matching[1]);
      j++;
      continue;
    }
    if (!AT_RE.test(line) || indentOf(line) <= column) break;
    // A member of `[errors]` ends its last frame with a comma.
    const frame = atFrame(line.replace(/,$/, ''));
    if (frame) frames.push(frame);
    j++;
    if (/ \{$/.test(line)) {
      block = true;
      break;
    }
  }
  const causes: ParsedException[] = [];
  if (block) j = readProperties(lines, j, Math.max(column, 0), depth, causes);
  const trace = exceptionOf(header?.type ?? '', header?.message ?? '', frames, omitted);
  if (causes.length > 0) trace.exception.causes = causes.slice(0, MAX_CAUSES);
  return { exception: trace.exception, identities: trace.identities, next: Math.max(j, start) };
}

/** The error's own properties, up to the `}` that closes them; its cause and members go to `causes`. */
function readProperties(lines: readonly string[], from: number, column: number, depth: number, causes: ParsedException[]): number {
  let j = from;
  while (j < lines.length) {
    const line = lines[j] as string;
    if (indentOf(line) <= column && line.trim().startsWith('}')) return j + 1;
    const cause = CAUSE_RE.exec(line);
    if (cause && depth < MAX_CAUSE_DEPTH) {
      const parsed = parseError(lines, j + 1, headerInLine(cause[2] as string), (cause[1] as string).length, depth + 1);
      causes.push(related(parsed.exception, 'cause'));
      j = parsed.next;
      continue;
    }
    if (ERRORS_RE.test(line) && depth < MAX_CAUSE_DEPTH) {
      j++;
      while (j < lines.length && !/^\s*\],?$/.test(lines[j] as string)) {
        const member = lines[j] as string;
        const header = headerInLine(member.trim());
        if (!header) {
          j++;
          continue;
        }
        const parsed = parseError(lines, j + 1, header, indentOf(member), depth + 1);
        causes.push(related(parsed.exception, 'member'));
        j = parsed.next;
      }
      j++;
      continue;
    }
    j++;
  }
  return j;
}

function related(exception: ParsedException, relation: ExceptionRelation): ParsedException {
  exception.relation = relation;
  return exception;
}

function depthOf(exception: ParsedException): number {
  let depth = 0;
  for (let e = exception.causes?.[0]; e; e = e.causes?.[0]) depth++;
  return depth;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}
