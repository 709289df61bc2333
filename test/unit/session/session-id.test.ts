import { describe, expect, it } from 'vitest';
import { parseSessionReference, sessionStartMs } from '../../../shared/session/reference';
import { EXAMPLE_ID, EXAMPLE_START, HOUR, NOW, idAt } from './fixtures';

const MAX_UINT64 = '18446744073709551615';
/** Late enough that the largest uint64 (start ≈ 2053) is not "in the future". */
const FAR_NOW = Date.UTC(2060, 0, 1);

function parse(text: string, now = NOW) {
  return parseSessionReference(text, { now });
}

function error(text: string, now = NOW): string {
  const result = parse(text, now);
  if (result.ok) throw new Error(`expected an error for ${text}`);
  expect(result.error.code).toBe('INVALID_REFERENCE');
  expect(result.error.hint).toContain('session ID');
  return result.error.message;
}

describe('decimal session IDs', () => {
  it('derives start from the flake and end = start + 2 h', () => {
    expect(parse(EXAMPLE_ID)).toEqual({
      ok: true,
      value: { kind: 'session-id', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_START + 2 * HOUR },
    });
  });

  it('ignores the shard and sequence bits when deriving the start', () => {
    const start = Date.UTC(2022, 2, 3, 4, 5, 6, 789);
    for (const [shard, seq] of [
      [0, 0],
      [0xffff, 0xff],
      [1, 2],
    ] as const) {
      expect(sessionStartMs(idAt(start, shard, seq))).toBe(start);
    }
  });

  it('accepts the largest uint64 (start in 2053) when now is later', () => {
    const result = parse(MAX_UINT64, FAR_NOW);
    expect(result.ok && result.value.sessionId).toBe(MAX_UINT64);
    expect(result.ok && result.value.start).toBe(2 ** 40 - 1 + 1_550_000_000_000);
  });

  it('refuses 2^64', () => {
    expect(error('18446744073709551616', FAR_NOW)).toBe('session ID is larger than 2^64−1 (18446744073709551615)');
  });

  it('refuses more than 20 digits, even when they are leading zeros', () => {
    expect(error('99999999999999999999', FAR_NOW)).toBe('session ID is larger than 2^64−1 (18446744073709551615)');
    expect(error('123456789012345678901')).toBe('session ID has 21 digits, at most 20 allowed');
    expect(error(`0${'0'.repeat(20)}`)).toBe('session ID has 21 digits, at most 20 allowed');
  });

  it('normalises leading zeros to the canonical ID', () => {
    const result = parse(`0${EXAMPLE_ID}`);
    expect(result.ok && result.value.sessionId).toBe(EXAMPLE_ID);
  });

  it('refuses IDs that would start before 2019-02-20', () => {
    expect(error('0')).toBe('session ID 0 would start on 2019-02-12T19:33:20.000Z, before OpenReplay sessions existed (2019-02-20)');
    expect(error('12345')).toMatch(/^session ID 12345 would start on 2019-02-12/);
    const lastBad = idAt(Date.UTC(2019, 1, 20) - 1, 0xffff, 0xff);
    expect(error(lastBad.toString())).toMatch(/before OpenReplay sessions existed/);
    expect(parse(idAt(Date.UTC(2019, 1, 20), 0, 0).toString()).ok).toBe(true);
  });

  it('refuses IDs starting more than a day after now, accepts up to a day of clock skew', () => {
    expect(parse(idAt(NOW + 24 * HOUR).toString()).ok).toBe(true);
    expect(error(idAt(NOW + 24 * HOUR + 1).toString())).toMatch(/would start on 2024-06-02T00:00:00.001Z, in the future$/);
  });

  it.each([
    ['12a45', 'session ID must be digits only'],
    ['-2618307011354435587', 'session ID must be digits only'],
    ['+2618307011354435587', 'session ID must be digits only'],
    ['2618307011 354435587', 'session ID must be digits only'],
    ['２６１８', 'session ID must be digits only'],
    ['2618307011354435587n', 'session ID must be digits only'],
    ['jw4wdfpgqhoj', 'session ID must be digits only'],
  ])('%s → %s', (text, message) => {
    expect(error(text)).toBe(message);
  });
});
