import type { ErrorDescription } from '../log-shapes/describe-error';
import { isLibraryFrame } from '../log-shapes/frames';
import { fnv1a64 } from './fnv1a';
import { maskVolatile } from './mask-volatile';

/** How many innermost frames tell two errors apart. */
export const FINGERPRINT_FRAMES = 3;
/**
 * Room for a whole exception message (`… (bucket acme-reports-eu, request 0189…)`): lists cut it
 * to fit their row, the detail pane shows all of it. Bounded so one hostile line cannot bloat
 * every payload that carries the group, like a summary (MAX_SUMMARY).
 */
export const MAX_TITLE = 500;

// What precedes the message on a plain log line once masked: timestamps, request ids, level words.
const LEADING_NOISE_RE =
  /^(?:(?:<ts>|<uuid>|<n>|<hex>|\[?(?:FATAL|CRITICAL|CRIT|SEVERE|ERROR|ERR|WARNING|WARN|INFO|DEBUG|TRACE)\]?:?|\[<[a-z]+>\]|[-|:,]|\s)+)/;

export interface Fingerprinted {
  fingerprint: string;
  title: string;
  maskedMessage: string;
}

/**
 * Identity of an error: its type, its innermost application frames (library frames only when
 * there are no others; line numbers never, they move with every deploy), and — when fewer than
 * two frames say where it was thrown — its message with volatile parts masked. With a real stack
 * the place is the better identity: messages carry values no mask can know (`in state PENDING`,
 * `bucket acme-reports-eu`), while one cause thrown from one place is one group.
 */
export function fingerprintError(description: Pick<ErrorDescription, 'type' | 'message' | 'typed' | 'frames'>): Fingerprinted {
  let masked = maskVolatile(description.message);
  if (!description.typed) masked = masked.replace(LEADING_NOISE_RE, '');
  const frames = identityFrames(description.frames);
  // An untyped line's `type` is its level: `ERROR x` and `FATAL x` are still one error.
  const identity = description.typed ? description.type : '';
  const message = frames.length >= 2 ? '' : masked;
  const fingerprint = fnv1a64(`${identity}\n${message}\n${frames.join('\n')}`);
  const full = description.typed ? (masked === '' ? description.type : `${description.type}: ${masked}`) : masked || description.type;
  return { fingerprint, title: shorten(full), maskedMessage: masked };
}

/** The innermost application frames, or the innermost frames when all belong to libraries. */
export function identityFrames(frames: readonly string[]): string[] {
  const own = frames.filter((frame) => !isLibraryFrame(frame));
  return (own.length > 0 ? own : frames).slice(0, FINGERPRINT_FRAMES);
}

function shorten(text: string): string {
  return text.length <= MAX_TITLE ? text : `${text.slice(0, MAX_TITLE - 1).trimEnd()}…`;
}
