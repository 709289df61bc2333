import type { ParsedException } from '../../../../../shared/domain/log-parts';
import { MAX_CAUSES } from '../../../../../shared/domain/log-parts';
import type { ParsedTrace } from '../frames';
import { PYTHON_HEADER, parsePythonTrace } from './python';

const GROUP_HEADER_RE = /^(\s*)\+ Exception Group Traceback \(most recent call last\):\s*$/;

/** Does a Python 3.11+ exception group's traceback start in these lines? Its column, or -1. */
export function pythonGroupColumn(lines: readonly string[]): number {
  for (const line of lines) {
    const m = GROUP_HEADER_RE.exec(line);
    if (m) return (m[1] as string).length;
  }
  return -1;
}

/**
 * An ExceptionGroup's traceback (Python 3.11+): the group's own traceback behind `| ` at one
 * column, each member's (numbered `+---- 1 ----`) behind `| ` two columns further in, members
 * that are groups themselves nested the same way. The members become the group's `member`s.
 */
export function parsePythonGroup(lines: readonly string[], column: number): ParsedTrace {
  const own = ' '.repeat(column);
  const inner = ' '.repeat(column + 2);
  const firstSeparator = new RegExp(String.raw`^${own}\+-\+-+ (?:\d+|\.\.\.) -+\s*$`);
  const nextSeparator = new RegExp(String.raw`^${inner}\+-+ (?:\d+|\.\.\.) -+\s*$`);
  const end = new RegExp(String.raw`^${inner}\+-+\s*$`);
  const groupLines: string[] = [];
  const members: string[][] = [];
  let member: string[] | undefined;
  for (const line of lines) {
    if (firstSeparator.test(line) || nextSeparator.test(line)) {
      members.push((member = []));
    } else if (end.test(line)) {
      member = undefined;
    } else if (member && line.startsWith(`${inner}|`)) {
      member.push(line.slice(column + 4));
    } else if (line.startsWith(`${own}|`)) {
      groupLines.push(line.slice(column + 2));
    } else if (GROUP_HEADER_RE.test(line) && line.startsWith(`${own}+`)) {
      groupLines.push(PYTHON_HEADER);
    }
  }
  const trace = parsePythonTrace(groupLines);
  const parsed: ParsedException[] = members.slice(0, MAX_CAUSES).map((memberLines) => {
    const nested = pythonGroupColumn(memberLines.slice(0, 1));
    const exception = (nested === 0 ? parsePythonGroup(memberLines, 0) : parsePythonTrace(memberLines)).exception;
    exception.relation = 'member';
    return exception;
  });
  if (parsed.length > 0) trace.exception.causes = [...(trace.exception.causes ?? []), ...parsed];
  return trace;
}
