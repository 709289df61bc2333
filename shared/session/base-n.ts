import { MAX_BASE36_DIGITS } from './limits';

const BASE36_DIGIT = /^[0-9a-z]$/;
/** Bitcoin base58 (what OpenReplay's signer uses): no 0, O, I or l. */
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

export type Base36Problem = 'empty' | 'uppercase' | 'not-base36' | 'leading-zero' | 'too-long';

/**
 * Decodes canonical lowercase base36 as Go's strconv.FormatInt writes it: optional `-` (when
 * signed), no leading zeros, no `-0`. A non-canonical segment is never what a backend logged.
 */
export function decodeBase36(segment: string, signed: boolean): bigint | Base36Problem {
  const negative = signed && segment.startsWith('-');
  const digits = negative ? segment.slice(1) : segment;
  if (digits.length === 0) return 'empty';
  if (/[A-Z]/.test(digits)) return 'uppercase';
  for (const c of digits) if (!BASE36_DIGIT.test(c)) return 'not-base36';
  if (digits.length > 1 && digits.startsWith('0')) return 'leading-zero';
  if (negative && digits === '0') return 'leading-zero';
  if (digits.length > MAX_BASE36_DIGITS) return 'too-long';
  let value = 0n;
  for (const c of digits) value = value * 36n + BigInt(Number.parseInt(c, 36));
  return negative ? -value : value;
}

export function encodeBase36(value: bigint): string {
  return value.toString(36);
}

export function isBase58(text: string): boolean {
  return BASE58.test(text);
}
