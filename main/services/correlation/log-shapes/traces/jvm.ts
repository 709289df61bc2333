import type { ExceptionRelation, ParsedException } from '../../../../../shared/domain/log-parts';
import { MAX_CAUSE_DEPTH, MAX_CAUSES } from '../../../../../shared/domain/log-parts';
import { exceptionOf, type ParsedFrame, type ParsedTrace } from '../frames';
import { atFrame } from './at-frames';
import { headerInLine, type ExceptionHeader } from './exception-header';

// A JVM frame: no space between the method and its `(File.java:12)`; Node.js puts one there.
const JVM_FRAME_RE = /^\s+at\s+[^\s(]+\([^)]*\)(?:\s+~?\[[^\]]*\])?$/;
const AT_RE = /^\s+at\s/;

/** Is the first `at …` frame a JVM one? (Else the trace is Node.js's, whose frames look alike.) */
export function isJvmTrace(lines: readonly string[]): boolean {
  const first = lines.find((line) => AT_RE.test(line));
  return first !== undefined && JVM_FRAME_RE.test(first);
}

const NESTED_RE = /^(\s*)(Caused by|Suppressed): (.*)$/;
// `... 12 more` (the JVM), `... 12 common frames omitted` (logback).
const MORE_RE = /^\s*\.\.\. (\d+) (?:more|common frames omitted)/;

interface Node {
  header: ExceptionHeader | undefined;
  frames: ParsedFrame[];
  omitted: number;
  relation?: ExceptionRelation;
  children: Node[];
}

/**
 * A JVM (or Node.js) `at …` trace: the outer exception's frames, then each `Caused by:` as the
 * cause of the one before it, and each `Suppressed:` (indented one level deeper) as suppressed
 * by the exception it is indented under. `... N more` counts frames shared with the enclosing
 * trace. The JVM prints the innermost frame first, as the result keeps it.
 */
export function parseAtTrace(lines: readonly string[]): ParsedTrace {
  const top: Node = { header: undefined, frames: [], omitted: 0, children: [] };
  const open: { indent: number; node: Node }[] = [{ indent: -1, node: top }];
  let current = top;
  let headerCandidate: ExceptionHeader | undefined;
  for (const line of lines) {
    const frame = atFrame(line);
    if (frame) {
      if (current === top && top.frames.length === 0 && top.header === undefined) top.header = headerCandidate;
      current.frames.push(frame);
      continue;
    }
    const more = MORE_RE.exec(line);
    if (more) {
      current.omitted += Number(more[1]);
      continue;
    }
    const nested = NESTED_RE.exec(line);
    if (nested && top.frames.length > 0) {
      const indent = (nested[1] as string).length;
      const relation: ExceptionRelation = nested[2] === 'Suppressed' ? 'suppressed' : 'cause';
      const node: Node = {
        header: headerInLine(nested[3] as string) ?? { type: nested[3] as string, message: '' },
        frames: [],
        omitted: 0,
        relation,
        children: [],
      };
      // A cause continues the chain at its own indentation; a suppressed one opens a level below it.
      while (open.length > 1 && (open[open.length - 1] as { indent: number }).indent > indent) open.pop();
      const last = open[open.length - 1] as { indent: number; node: Node };
      if (relation === 'cause' && last.indent === indent) {
        last.node.children.push(node);
        last.node = node;
      } else {
        if (relation === 'suppressed' && last.indent === indent) open.pop();
        (open[open.length - 1] as { node: Node }).node.children.push(node);
        open.push({ indent, node });
      }
      current = node;
      continue;
    }
    if (top.frames.length === 0 && !/^\s/.test(line)) {
      const header = headerInLine(line);
      if (header) headerCandidate = header;
    }
  }
  if (top.header === undefined) top.header = headerCandidate;
  const trace = exceptionOf(top.header?.type ?? '', top.header?.message ?? '', top.frames, top.omitted);
  attach(trace.exception, top.children, 0);
  return trace;
}

function attach(into: ParsedException, children: Node[], depth: number): void {
  if (children.length === 0 || depth >= MAX_CAUSE_DEPTH) return;
  into.causes = children.slice(0, MAX_CAUSES).map((child) => {
    const exception = exceptionOf(child.header?.type ?? '', child.header?.message ?? '', child.frames, child.omitted).exception;
    if (child.relation) exception.relation = child.relation;
    attach(exception, child.children, depth + 1);
    return exception;
  });
}
