import { makeFrame, splitLocation, type ParsedFrame } from '../frames';

/** `at …` frame lines: Java, Kotlin, Scala (`at pkg.Class.method(File.java:42)`) and Node.js (`at fn (file:1:2)`). */
export const AT_FRAME_RE = /^\s+at\s+(.+)$/;
// JVM: no space before the parenthesis; logback may append the jar (`~[app.jar:1.0]`).
const JVM_FRAME_RE = /^([^\s(]+)\(([^)]*)\)(?:\s+~?\[[^\]]*\])?$/;
const PACKAGING_RE = /\s+~?\[[^\]]*\]$/;
// Node.js: `fn (location)`, `async fn (location)`, `new Foo (location)`, or a bare location.
const NODE_FRAME_RE = /^(?:async\s+)?(.+?)\s+\((.+)\)$/;

export function isJvmFrame(text: string): boolean {
  return JVM_FRAME_RE.test(text);
}

/** The identity of an `at` frame: no positions, no `async`, no hidden-class addresses. */
function identityOf(text: string): string {
  return (
    text
      .replace(/^async /, '')
      .replace(PACKAGING_RE, '')
      .replace(/ \{$/, '')
      // `(file.js:12:34)`, `(Foo.java:42)`, bare `file.js:12:34`: positions move with every edit.
      .replace(/:\d+(?::\d+)?(\)?)$/, '$1')
      // JVM hidden classes (`$$Lambda/0x0000000800c03000`) get a new address every run.
      .replace(/0x[0-9a-fA-F]+/g, '0x…')
  );
}

/** One `at …` line's frame, or undefined when the line is not one. */
export function atFrame(line: string): ParsedFrame | undefined {
  const m = AT_FRAME_RE.exec(line);
  if (!m?.[1]) return undefined;
  const text = m[1].replace(/ \{$/, '');
  const raw = line.trim().replace(/ \{$/, '');
  const identity = identityOf(m[1]);
  const jvm = JVM_FRAME_RE.exec(text);
  if (jvm) {
    const location = jvm[2] as string;
    // `(Native Method)`, `(Unknown Source)`: no file to point at.
    const where = /^[^\s:]+\.\w+(?::\d+)?$/.test(location) ? splitLocation(location) : {};
    return makeFrame(identity, { raw, function: jvm[1] as string, ...where });
  }
  const node = NODE_FRAME_RE.exec(text);
  if (node) {
    const fn = (node[1] as string).replace(/^async\s+/, '');
    return makeFrame(identity, { raw, function: fn, ...nodeLocation(node[2] as string) });
  }
  return makeFrame(identity, { raw, ...nodeLocation(text.replace(/^async\s+/, '')) });
}

/** `file:1:2`; `<anonymous>` and `native` name no file. */
function nodeLocation(location: string): { file?: string; line?: number; column?: number } {
  if (location === '<anonymous>' || location === 'native') return {};
  return splitLocation(location);
}
