import type { ParsedException } from '../../../../../shared/domain/log-parts';
import { MAX_CAUSE_DEPTH } from '../../../../../shared/domain/log-parts';
import { exceptionOf, makeFrame, type ParsedFrame, type ParsedTrace } from '../frames';
import { headerInLine, type ExceptionHeader } from './exception-header';

// .NET's Exception.ToString(): `   at NS.Type.Method(String x) in /src/File.cs:line 12` (.NET),
// `  at NS.Type.Method (System.String x) [0x0000c] in /src/File.cs:12` (Mono).
const FRAME_RE = /^\s+at\s+(.+?)\s*\(([^()]*)\)(?:\s+\[0x[0-9a-f]+\])?(?: in (.+?):(?:line )?(\d+))?\s*$/;
const INNER_RE = /\s?---> /;
const END_INNER = '--- End of inner exception stack trace ---';

/** A .NET trace: inner exceptions (`--->`), their end markers, or frames naming `in <file>:line N`. */
export function isDotnetTrace(lines: readonly string[]): boolean {
  return lines.some(
    (line) =>
      line.includes(END_INNER) || /^\s*---> \S/.test(line) || / in \S+:line \d+\s*$/.test(line) || /\) \[0x[0-9a-f]+\] in /.test(line),
  );
}

/**
 * An exception and its inner exceptions as .NET prints them: the headers first, outermost to
 * innermost (`Outer: a ---> Inner: b`, on one line in Mono, one per line in .NET), then the
 * innermost exception's frames, `--- End of inner exception stack trace ---`, the next one's,
 * and so on out to the outermost's. Each inner exception is the `inner` of the one around it.
 */
export function parseDotnetTrace(lines: readonly string[]): ParsedTrace {
  const headers: ExceptionHeader[] = [];
  const blocks: ParsedFrame[][] = [[]];
  for (const line of lines) {
    const frame = FRAME_RE.exec(line);
    if (frame) {
      (blocks[blocks.length - 1] as ParsedFrame[]).push(dotnetFrame(line, frame));
    } else if (line.includes(END_INNER)) {
      blocks.push([]);
    } else if (blocks.length === 1 && (blocks[0] as ParsedFrame[]).length === 0) {
      for (const part of line.split(INNER_RE)) {
        const header = headerInLine(part.trim());
        if (header) headers.push(header);
      }
    }
  }
  if (headers.length === 0) headers.push({ type: '', message: '' });
  // Frame blocks run innermost first; headers outermost first.
  const framesOf = (depth: number): ParsedFrame[] => blocks[blocks.length - 1 - depth] ?? [];
  const top = exceptionOf(headers[0]?.type ?? '', headers[0]?.message ?? '', framesOf(0));
  let parent: ParsedException = top.exception;
  for (let depth = 1; depth < headers.length && depth <= MAX_CAUSE_DEPTH; depth++) {
    const header = headers[depth] as ExceptionHeader;
    const inner = exceptionOf(header.type, header.message, framesOf(depth)).exception;
    inner.relation = 'inner';
    parent.causes = [inner];
    parent = inner;
  }
  return top;
}

function dotnetFrame(line: string, m: RegExpExecArray): ParsedFrame {
  const fn = m[1] as string;
  const file = m[3];
  const parts: Parameters<typeof makeFrame>[1] = { raw: line.trim(), function: fn };
  if (file !== undefined) {
    parts.file = file;
    parts.line = Number(m[4]);
  }
  return makeFrame(file === undefined ? fn : `${fn} (${file})`, parts);
}
