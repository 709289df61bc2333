import { makeFrame, splitLocation, type ParsedFrame } from '../frames';

// `at …` frame lines: Java, Kotlin, Scala (`at pkg.Class.method(File.java:42)`) and Node.js
// (`at fn (file:1:2)`). The frame text after `at `, split in one pass: JVM `fn(location)` (no space before the
// parenthesis; logback may append the jar, `~[app.jar:1.0]`), Node.js `fn (location)`, or a bare
// Node.js location. A trailing ` {` opens Node.js's block of the error's own properties.
// console.error(err, obj) prints the object on the last frame's line: ` { openReplaySession: … }`.
const FRAME_RE = /^\s+at\s+(?:async\s+)?(?:([^\s(]+)\(([^)]*)\)(?:\s+~?\[[^\]]*\])?|(.+?)\s+\((.+)\)|(.+?))(?: \{(?: [^()]*\})?)?$/;
const POSITION_RE = /:\d+(?::\d+)?$/;
// A JVM location that names a file (not `Native Method` or `Unknown Source`).
const JVM_FILE_RE = /^[^\s:]+\.\w+(?::\d+)?$/;

/**
 * One `at …` line's frame, or undefined when the line is not one. The identity — what the
 * fingerprint reads — has no positions (they move with every edit), no `async`, and no JVM
 * hidden-class addresses (`$$Lambda/0x0000000800c03000` changes every run).
 */
export function atFrame(line: string): ParsedFrame | undefined {
  const m = FRAME_RE.exec(line);
  if (!m) return undefined;
  const raw = line.trim().replace(/ \{(?: [^()]*\})?$/, '');
  if (m[1] !== undefined) {
    const fn = m[1];
    const location = m[2] as string;
    const identity = addressless(`${fn}(${location.replace(POSITION_RE, '')})`);
    // `java.base/java.lang.Thread.run`: the module is not part of the method's name.
    const method = fn.replace(/^[\w.-]+(?:@[\w.-]+)?\//, '');
    return makeFrame(
      identity,
      JVM_FILE_RE.test(location) ? { raw, function: method, ...splitLocation(location) } : { raw, function: method },
    );
  }
  if (m[3] !== undefined) {
    const fn = m[3];
    const location = m[4] as string;
    const where = nodeLocation(location);
    return makeFrame(addressless(`${fn} (${location.replace(POSITION_RE, '')})`), { raw, function: fn, ...where });
  }
  const location = m[5] as string;
  return makeFrame(addressless(location.replace(POSITION_RE, '')), { raw, ...nodeLocation(location) });
}

function addressless(identity: string): string {
  return identity.includes('0x') ? identity.replace(/0x[0-9a-fA-F]+/g, '0x…') : identity;
}

/** `file:1:2`; `<anonymous>` and `native` name no file. */
function nodeLocation(location: string): { file?: string; line?: number; column?: number } {
  if (location === '<anonymous>' || location === 'native') return {};
  return splitLocation(location);
}
