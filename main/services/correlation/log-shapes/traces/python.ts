import type { ExceptionRelation, ParsedException } from '../../../../../shared/domain/log-parts';
import { exceptionOf, makeFrame, type ParsedFrame, type ParsedTrace } from '../frames';

export const PYTHON_HEADER = 'Traceback (most recent call last):';
const HEADER_RE = /^\s*Traceback \(most recent call last\):\s*$/;
const FILE_RE = /^\s*File "([^"]*)", line (\d+)(?:, in (.+))?$/;
const CHAIN_CONTEXT = 'During handling of the above exception, another exception occurred:';
const CHAIN_CAUSE = 'The above exception was the direct cause of the following exception:';
const EXCEPTION_RE = /^([A-Za-z_][\w.]*)(?::\s?(.*))?$/;
// Python 3.11+ marks the failing expression under the code line: `~~~~^^^^`.
const CARET_RE = /^\s*[~^]+\s*$/;

/** Does this text hold a Python traceback (or bare `File …` frames, as Lambda's `stackTrace` chunks)? */
export function isPythonTrace(lines: readonly string[]): boolean {
  return lines.some((line) => HEADER_RE.test(line) || FILE_RE.test(line));
}

// A name that is surely an exception's, for the line naming one before its traceback: AWS
// Lambda's Python runtime prints `[ERROR] KeyError: 'x'` first and the traceback after it.
const NAMED_EXCEPTION_RE = /^([A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Group|Iteration)): ?(.*)$/;

interface Block {
  frames: ParsedFrame[];
  type?: string;
  message?: string;
  /** How the NEXT block relates to this one (the sentence printed after this block). */
  next?: ExceptionRelation;
}

/**
 * A Python traceback, chained ones included: Python prints the oldest exception first and the
 * one finally raised last, each frame outermost first. The result is the last exception, its
 * frames innermost first, and the earlier ones as its `context` ("During handling…") or `cause`
 * ("The above exception was the direct cause…").
 */
export function parsePythonTrace(lines: readonly string[]): ParsedTrace {
  const blocks: Block[] = [];
  let block: Block = { frames: [] };
  let inFrames = false;
  let leading: RegExpExecArray | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const trimmed = line.trim();
    if (blocks.length === 0 && block.frames.length === 0 && !inFrames && leading === null) leading = NAMED_EXCEPTION_RE.exec(line);
    if (HEADER_RE.test(line)) {
      if (block.frames.length > 0 || block.type !== undefined) blocks.push(block);
      block = { frames: [] };
      inFrames = true;
      continue;
    }
    const file = FILE_RE.exec(line);
    if (file) {
      block.frames.push(pythonFrame(file, codeLine(lines[i + 1])));
      inFrames = true;
      continue;
    }
    if (trimmed === CHAIN_CONTEXT || trimmed === CHAIN_CAUSE) {
      block.next = trimmed === CHAIN_CAUSE ? 'cause' : 'context';
      blocks.push(block);
      block = { frames: [] };
      inFrames = false;
      continue;
    }
    if (trimmed === '' || /^\s/.test(line) || CARET_RE.test(line)) continue;
    // The first unindented line after the frames names the exception; later ones continue its message.
    if (block.type === undefined && inFrames) {
      const m = EXCEPTION_RE.exec(line);
      if (m?.[1]) {
        block.type = m[1];
        block.message = m[2] ?? '';
        inFrames = false;
      }
    }
  }
  if (block.frames.length > 0 || block.type !== undefined || blocks.length === 0) blocks.push(block);
  const last = blocks[blocks.length - 1] as Block;
  if (last.type === undefined && leading?.[1]) {
    last.type = leading[1];
    last.message = leading[2] ?? '';
  }
  return chain(blocks);
}

function chain(blocks: Block[]): ParsedTrace {
  const last = blocks[blocks.length - 1] as Block;
  const top = exceptionOf(last.type ?? 'Traceback', last.message ?? '', [...last.frames].reverse());
  let parent: ParsedException = top.exception;
  for (let k = blocks.length - 2; k >= 0; k--) {
    const earlier = blocks[k] as Block;
    const cause = exceptionOf(earlier.type ?? 'Traceback', earlier.message ?? '', [...earlier.frames].reverse()).exception;
    cause.relation = earlier.next ?? 'context';
    parent.causes = [cause];
    parent = cause;
  }
  return top;
}

function pythonFrame(m: RegExpExecArray, code: string | undefined): ParsedFrame {
  const file = m[1] as string;
  const fn = m[3];
  const parts: Parameters<typeof makeFrame>[1] = { raw: m[0].trim(), file, line: Number(m[2]) };
  if (fn !== undefined) parts.function = fn;
  if (code !== undefined) parts.code = code;
  return makeFrame(fn === undefined ? file : `${fn} (${file})`, parts);
}

/** The source line Python prints under a frame (indented deeper), if there is one. */
function codeLine(next: string | undefined): string | undefined {
  if (next === undefined || !/^\s{2,}\S/.test(next) || FILE_RE.test(next) || CARET_RE.test(next) || HEADER_RE.test(next)) return undefined;
  return next.trim();
}
