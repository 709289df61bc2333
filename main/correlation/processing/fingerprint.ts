import type { ErrorDescription } from './exception-info';
import { fnv1a64 } from './fnv1a';
import { maskVolatile } from './mask-volatile';

/** How many innermost frames tell two errors with the same type and message apart. */
export const FINGERPRINT_FRAMES = 3;
const MAX_TITLE = 140;

// What precedes the message on a plain log line once masked: timestamps, request ids, level words.
const LEADING_NOISE_RE =
  /^(?:(?:<ts>|<uuid>|<n>|<hex>|\[?(?:FATAL|CRITICAL|CRIT|SEVERE|ERROR|ERR|WARNING|WARN|INFO|DEBUG|TRACE)\]?:?|\[<[a-z]+>\]|[-|:,]|\s)+)/;

export interface Fingerprinted {
  fingerprint: string;
  title: string;
  maskedMessage: string;
}

/**
 * Identity of an error: its type, its message with volatile parts masked, and its innermost
 * frames without line numbers. Occurrences that differ only in ids, values or times — or in
 * which deploy moved a line — share it; different errors, or one error thrown from different
 * places, do not.
 */
export function fingerprintError(description: ErrorDescription): Fingerprinted {
  let masked = maskVolatile(description.message);
  if (!description.typed) masked = masked.replace(LEADING_NOISE_RE, '');
  const frames = description.frames.slice(0, FINGERPRINT_FRAMES).join('\n');
  // An untyped line's `type` is its level: `ERROR x` and `FATAL x` are still one error.
  const identity = description.typed ? description.type : '';
  const fingerprint = fnv1a64(`${identity}\n${masked}\n${frames}`);
  const full = description.typed ? (masked === '' ? description.type : `${description.type}: ${masked}`) : masked || description.type;
  return { fingerprint, title: shorten(full), maskedMessage: masked };
}

function shorten(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1).trimEnd()}…`;
}
