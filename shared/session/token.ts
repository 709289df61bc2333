import { decodeBase36, isBase58, type Base36Problem } from './base-n';
import { MAX_INT64, MAX_SESSION_SPAN_MS, MAX_SIGNATURE_LENGTH, MAX_TOKEN_LENGTH } from './limits';
import { accept, hints, refuse, type Parsed } from './parse-result';
import { checkSessionIdValue, iso } from './session-id';

export interface ParsedToken {
  token: string;
  tokenFormat: 3 | 4;
  sessionId: string;
  start: number;
  expiresAt: number;
  delay?: number;
}

const problemText: Record<Base36Problem, string> = {
  empty: 'is empty',
  uppercase: 'has uppercase letters; OpenReplay writes base36 in lowercase',
  'not-base36': 'is not base36 (only 0-9 and a-z)',
  'leading-zero': 'has a leading zero; OpenReplay never writes one',
  'too-long': 'is too long for a 64-bit number',
};

function segment(name: string, text: string, signed: boolean): Parsed<bigint> {
  const value = decodeBase36(text, signed);
  return typeof value === 'bigint' ? accept(value) : refuse(`${name} segment ${problemText[value]}`, hints.token);
}

/**
 * `base36(id).base36(delay).base36(expMs).base58(sig)` (current) or `base36(id).base36(expMs).base58(sig)`
 * (older). The signature needs the server secret to check; its alphabet and length are still checked
 * because the token goes into query text.
 */
export function parseToken(text: string, now: number): Parsed<ParsedToken> {
  if (text.length > MAX_TOKEN_LENGTH) {
    return refuse(`token is ${text.length} characters long, at most ${MAX_TOKEN_LENGTH} allowed`, hints.token);
  }
  const parts = text.split('.');
  if (parts.length !== 3 && parts.length !== 4) {
    return refuse(`token has ${parts.length} parts, expected 3 or 4`, hints.token);
  }
  const format = parts.length as 3 | 4;
  const [idText = '', ...rest] = parts;
  const signature = rest.pop() ?? '';
  const expiryText = rest.pop() ?? '';
  const delayText = rest.pop();

  const id = segment('sessionID', idText, false);
  if (!id.ok) return id;
  const checked = checkSessionIdValue(id.value, now, 'sessionID segment');
  if (!checked.ok) return checked;

  let delay: number | undefined;
  if (delayText !== undefined) {
    const d = segment('delay', delayText, true);
    if (!d.ok) return d;
    if (d.value > MAX_INT64 || d.value < -MAX_INT64 - 1n || !Number.isSafeInteger(Number(d.value))) {
      return refuse('delay segment is out of range', hints.token);
    }
    delay = Number(d.value);
  }

  const exp = segment('expiry', expiryText, false);
  if (!exp.ok) return exp;
  const expiresAt = Number(exp.value);
  const { start, sessionId } = checked.value;
  if (expiresAt <= start) {
    return refuse(`expiry is before the session start (${iso(expiresAt)} ≤ ${iso(start)})`, hints.token);
  }
  if (expiresAt - start > MAX_SESSION_SPAN_MS) {
    return refuse(
      `expiry is more than 7 days after the session start (${iso(expiresAt)})`,
      `${hints.token} Or give the time window yourself.`,
    );
  }

  if (signature.length === 0) return refuse('signature segment is empty', hints.token);
  if (signature.length > MAX_SIGNATURE_LENGTH) {
    return refuse(`signature segment is longer than ${MAX_SIGNATURE_LENGTH} characters`, hints.token);
  }
  if (!isBase58(signature)) return refuse('signature segment is not base58', hints.token);

  const value: ParsedToken = { token: text, tokenFormat: format, sessionId, start, expiresAt };
  if (delay !== undefined) value.delay = delay;
  return accept(value);
}
