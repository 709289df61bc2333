import { describe, expect, it } from 'vitest';
import { parseSessionReference } from '../../../shared/session/reference';
import {
  EXAMPLE_EXP,
  EXAMPLE_ID,
  EXAMPLE_START,
  EXAMPLE_TOKEN,
  EXAMPLE_TOKEN_3,
  HOUR,
  NOW,
  SIG,
  b36,
  idAt,
  token,
  parsedBy,
  refusedBy,
} from './fixtures';

const parse = (text: string) => parsedBy(parseSessionReference, text);

function error(text: string): string {
  const refusal = refusedBy(parseSessionReference, text);
  expect(refusal.hint.length).toBeGreaterThan(10);
  return refusal.message;
}

describe('4-part tokens', () => {
  it('decodes the example token of docs/architecture.md: ID, start, delay and expiry', () => {
    expect(parse(EXAMPLE_TOKEN)).toEqual({
      kind: 'token',
      token: EXAMPLE_TOKEN,
      tokenFormat: 4,
      sessionId: EXAMPLE_ID,
      start: EXAMPLE_START,
      expiresAt: EXAMPLE_EXP,
      end: EXAMPLE_EXP,
      delay: 4283,
    });
    expect(new Date(EXAMPLE_EXP).toISOString()).toBe('2024-01-24T04:27:39.324Z');
  });

  it('reads a negative delay', () => {
    const ref = parse(`jw4wdfpgqhoj.-3az.lrraavgc.${SIG}`);
    expect(ref.delay).toBe(-4283);
    expect(ref.sessionId).toBe(EXAMPLE_ID);
  });

  it('reads a zero delay', () => {
    expect(parse(`jw4wdfpgqhoj.0.lrraavgc.${SIG}`).delay).toBe(0);
  });

  it('round-trips a token built from known parts', () => {
    const start = Date.UTC(2023, 6, 1, 12);
    const id = idAt(start);
    const ref = parse(token({ id, delay: -123456, exp: start + 3 * HOUR }));
    expect(ref).toMatchObject({ sessionId: id.toString(), start, end: start + 3 * HOUR, delay: -123456, tokenFormat: 4 });
  });
});

describe('3-part tokens', () => {
  it('decodes the older format without a delay', () => {
    const ref = parse(EXAMPLE_TOKEN_3);
    expect(ref).toEqual({
      kind: 'token',
      token: EXAMPLE_TOKEN_3,
      tokenFormat: 3,
      sessionId: EXAMPLE_ID,
      start: EXAMPLE_START,
      expiresAt: EXAMPLE_EXP,
      end: EXAMPLE_EXP,
    });
    expect('delay' in ref).toBe(false);
  });

  it('accepts an expiry one millisecond after the start', () => {
    expect(parse(`jw4wdfpgqhoj.${b36(EXAMPLE_START + 1)}.${SIG}`).end).toBe(EXAMPLE_START + 1);
  });

  it('accepts an expiry exactly 7 days after the start', () => {
    expect(parse(`jw4wdfpgqhoj.${b36(EXAMPLE_START + 7 * 24 * HOUR)}.${SIG}`).tokenFormat).toBe(3);
  });
});

describe('token errors', () => {
  it.each([
    ['jw4wdfpgqhoj.lrraavgc', 'token has 2 parts, expected 3 or 4'],
    ['a.b.c.d.e', 'token has 5 parts, expected 3 or 4'],
    [`jw4wdfpgqhoj.3az.lrraavgc.${SIG}.x`, 'token has 5 parts, expected 3 or 4'],
  ])('%s → %s', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it.each([
    [`.lrraavgc.${SIG}`, 'sessionID segment is empty'],
    [`jw4wdfpgqhoJ.lrraavgc.${SIG}`, 'sessionID segment has uppercase letters; OpenReplay writes base36 in lowercase'],
    [`jw4wdf_gqhoj.lrraavgc.${SIG}`, 'sessionID segment is not base36 (only 0-9 and a-z)'],
    [`jw4wdfé.lrraavgc.${SIG}`, 'sessionID segment is not base36 (only 0-9 and a-z)'],
    [`-jw4wdfpgqhoj.lrraavgc.${SIG}`, 'sessionID segment is not base36 (only 0-9 and a-z)'],
    [`0jw4wdfpgqhoj.lrraavgc.${SIG}`, 'sessionID segment has a leading zero; OpenReplay never writes one'],
    [`3w5e11264sgsfa.lrraavgc.${SIG}`, 'sessionID segment is too long for a 64-bit number'],
    [`jw4wdfpgqhoj..lrraavgc.${SIG}`, 'delay segment is empty'],
    [`jw4wdfpgqhoj.-.lrraavgc.${SIG}`, 'delay segment is empty'],
    [`jw4wdfpgqhoj.-0.lrraavgc.${SIG}`, 'delay segment has a leading zero; OpenReplay never writes one'],
    [`jw4wdfpgqhoj.03az.lrraavgc.${SIG}`, 'delay segment has a leading zero; OpenReplay never writes one'],
    [`jw4wdfpgqhoj.3AZ.lrraavgc.${SIG}`, 'delay segment has uppercase letters; OpenReplay writes base36 in lowercase'],
    [`jw4wdfpgqhoj.3+z.lrraavgc.${SIG}`, 'delay segment is not base36 (only 0-9 and a-z)'],
    [`jw4wdfpgqhoj.zzzzzzzzzzzzz.lrraavgc.${SIG}`, 'delay segment is out of range'],
    [`jw4wdfpgqhoj.3az.-lrraavgc.${SIG}`, 'expiry segment is not base36 (only 0-9 and a-z)'],
    [`jw4wdfpgqhoj.3az..${SIG}`, 'expiry segment is empty'],
    [`jw4wdfpgqhoj.3az.lrraavgc.`, 'signature segment is empty'],
    [`jw4wdfpgqhoj.3az.lrraavgc.0OIl`, 'signature segment is not base58'],
    [`jw4wdfpgqhoj.3az.lrraavgc.abc-def`, 'signature segment is not base58'],
    [`jw4wdfpgqhoj.3az.lrraavgc.abc"def`, 'signature segment is not base58'],
    [`jw4wdfpgqhoj.3az.lrraavgc.${'a'.repeat(101)}`, 'signature segment is longer than 100 characters'],
  ])('%s → %s', (text, message) => {
    expect(error(text)).toBe(message);
  });

  it('accepts a 100-character signature', () => {
    expect(parse(`jw4wdfpgqhoj.3az.lrraavgc.${'a'.repeat(100)}`).tokenFormat).toBe(4);
  });

  it('refuses a sessionID segment above 2^64−1 (13 base36 digits)', () => {
    expect(error(`3w5e11264sgsg.lrraavgc.${SIG}`)).toBe('sessionID segment is larger than 2^64−1 (18446744073709551615)');
  });

  it('refuses a sessionID segment that would start before 2019-02-20', () => {
    expect(error(`${b36(idAt(Date.UTC(2019, 1, 19)))}.lrraavgc.${SIG}`)).toMatch(
      /^sessionID segment \d+ would start on 2019-02-19T00:00:00.000Z, before OpenReplay sessions existed/,
    );
  });

  it('refuses a token whose session would start in the future', () => {
    const start = NOW + 2 * 24 * HOUR;
    expect(error(token({ id: idAt(start), exp: start + HOUR }))).toMatch(/^sessionID segment \d+ would start on .* in the future$/);
  });

  it('refuses an expiry before or at the start', () => {
    expect(error(`jw4wdfpgqhoj.3az.${b36(EXAMPLE_START - 1)}.${SIG}`)).toBe(
      'expiry is before the session start (2024-01-24T02:27:39.323Z ≤ 2024-01-24T02:27:39.324Z)',
    );
    expect(error(`jw4wdfpgqhoj.${b36(EXAMPLE_START)}.${SIG}`)).toMatch(/^expiry is before the session start/);
  });

  it('refuses an expiry more than 7 days after the start (a huge, costly window)', () => {
    expect(error(`jw4wdfpgqhoj.${b36(EXAMPLE_START + 7 * 24 * HOUR + 1)}.${SIG}`)).toMatch(
      /^expiry is more than 7 days after the session start/,
    );
  });

  it('refuses tokens longer than 200 characters', () => {
    const long = `jw4wdfpgqhoj.3az.lrraavgc.${'a'.repeat(200 - 26 + 1)}`;
    expect(long.length).toBe(201);
    expect(error(long)).toBe('token is 201 characters long, at most 200 allowed');
  });
});
