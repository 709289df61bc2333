import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildDeepLink, parseDeepLink, type SessionReference } from '../../../shared/session/reference';
import { EXAMPLE_EXP, EXAMPLE_ID, EXAMPLE_START, EXAMPLE_TOKEN, EXAMPLE_TOKEN_3, HOUR, parsedBy, refusedBy } from './fixtures';

const CLOUD = `https://app.openreplay.com/3/session/${EXAMPLE_ID}`;
const enc = encodeURIComponent;

const parse = (link: string) => parsedBy(parseDeepLink, link);

function error(link: string): string {
  const refusal = refusedBy(parseDeepLink, link);
  expect(refusal.hint.length).toBeGreaterThan(10);
  return refusal.message;
}

describe('orcw://session/<token-or-id>', () => {
  it('takes a 4-part token', () => {
    expect(parse(`orcw://session/${EXAMPLE_TOKEN}`)).toEqual({
      kind: 'deep-link',
      token: EXAMPLE_TOKEN,
      tokenFormat: 4,
      sessionId: EXAMPLE_ID,
      start: EXAMPLE_START,
      expiresAt: EXAMPLE_EXP,
      end: EXAMPLE_EXP,
      delay: 4283,
    });
  });

  it('takes a 3-part token, a negative delay and a session ID', () => {
    expect(parse(`orcw://session/${EXAMPLE_TOKEN_3}`).tokenFormat).toBe(3);
    expect(parse(`orcw://session/jw4wdfpgqhoj.-3az.lrraavgc.abc`).delay).toBe(-4283);
    expect(parse(`orcw://session/${EXAMPLE_ID}`)).toEqual({
      kind: 'deep-link',
      sessionId: EXAMPLE_ID,
      start: EXAMPLE_START,
      end: EXAMPLE_START + 2 * HOUR,
    });
  });

  it('accepts a percent-encoded token, any case of scheme and route, whitespace and the trailing slash Windows adds', () => {
    const expected = { sessionId: EXAMPLE_ID, token: EXAMPLE_TOKEN };
    expect(parse(`orcw://session/${EXAMPLE_TOKEN.replaceAll('.', '%2E')}`)).toMatchObject(expected);
    expect(parse(`ORCW://Session/${EXAMPLE_TOKEN}`)).toMatchObject(expected);
    expect(parse(` orcw://session/${EXAMPLE_TOKEN}/\n`)).toMatchObject(expected);
    expect(parse(`orcw://session/${EXAMPLE_ID}/?jumpto=5`)).toMatchObject({ jumpToMs: 5 });
  });

  it('reads every parameter', () => {
    const from = EXAMPLE_START - HOUR;
    const to = EXAMPLE_START + 3 * HOUR;
    const link = `orcw://session/${EXAMPLE_TOKEN}?from=${from}&to=${to}&connection=${enc('Prod EU (ro)')}&replay=${enc(CLOUD)}&jumpto=65000`;
    expect(parse(link)).toMatchObject({
      kind: 'deep-link',
      token: EXAMPLE_TOKEN,
      from,
      to,
      connection: 'Prod EU (ro)',
      replayUrl: CLOUD,
      projectId: '3',
      jumpToMs: 65_000,
    });
  });

  it('reads from/to as ISO 8601 with a zone, + kept literally', () => {
    const ref = parse(`orcw://session/${EXAMPLE_ID}?from=2024-01-24T02:00:00Z&to=2024-01-24T05:00+01:00`);
    expect(ref.from).toBe(Date.parse('2024-01-24T02:00:00Z'));
    expect(ref.to).toBe(Date.parse('2024-01-24T04:00:00Z'));
    expect(parse(`orcw://session/${EXAMPLE_ID}?from=2024-01-24T02:00:00.5-00:30`).from).toBe(Date.parse('2024-01-24T02:30:00.500Z'));
  });

  it('takes jumpto from the replay URL, and the link’s own jumpto over it', () => {
    expect(parse(`orcw://session/${EXAMPLE_ID}?replay=${enc(`${CLOUD}?jumpto=777`)}`).jumpToMs).toBe(777);
    expect(parse(`orcw://session/${EXAMPLE_ID}?jumpto=5&replay=${enc(`${CLOUD}?jumpto=777`)}`).jumpToMs).toBe(5);
  });

  it('makes an absolute jumpto relative', () => {
    expect(parse(`orcw://session/${EXAMPLE_ID}?jumpto=${EXAMPLE_START + 1500}`).jumpToMs).toBe(1500);
  });

  it('ignores empty & pieces', () => {
    expect(parse(`orcw://session/${EXAMPLE_ID}?&jumpto=5&&`).jumpToMs).toBe(5);
    expect(parse(`orcw://session/${EXAMPLE_ID}?`).sessionId).toBe(EXAMPLE_ID);
  });

  it('trims the connection', () => {
    expect(parse(`orcw://session/${EXAMPLE_ID}?connection=%20prod%20`).connection).toBe('prod');
  });
});

describe('orcw://open?url=', () => {
  it('takes an encoded replay URL with its jumpto', () => {
    expect(parse(`orcw://open?url=${enc(`${CLOUD}?jumpto=4000`)}`)).toEqual({
      kind: 'deep-link',
      sessionId: EXAMPLE_ID,
      start: EXAMPLE_START,
      end: EXAMPLE_START + 2 * HOUR,
      replayUrl: CLOUD,
      projectId: '3',
      jumpToMs: 4000,
    });
  });

  it('takes a self-hosted URL and the Windows trailing slash', () => {
    expect(parse(`orcw://open/?url=${enc(`https://or.example.com/p_1/session/${EXAMPLE_ID}`)}`).projectId).toBe('p_1');
  });
});

describe('invalid links', () => {
  const shape = 'unsupported orcw:// link: expected orcw://session/<token-or-id> or orcw://open?url=<replay URL>';
  it.each([
    ['orcw://', shape],
    ['orcw://settings', shape],
    ['orcw://session', shape],
    ['orcw://open/x?url=a', shape],
    [`orcw://session/${EXAMPLE_ID}/extra`, shape],
    [`orcw:session/${EXAMPLE_ID}`, `${shape} (it must start with orcw://)`],
    [`https://session/${EXAMPLE_ID}`, `${shape} (it must start with orcw://)`],
    [`orcw://session/${EXAMPLE_ID}#x`, 'unsupported orcw:// link: it has a #fragment'],
    [`orcw://session/${EXAMPLE_ID}?${'a'.repeat(4096)}`, 'orcw:// link is longer than 4096 characters'],
    ['orcw://session/', shape],
    ['orcw://session/%', 'orcw:// link: the token or session ID is not valid percent-encoding'],
    ['orcw://session/%20', 'orcw:// link: session ID must be digits only'],
    ['orcw://session/abc.def', 'orcw:// link: token has 2 parts, expected 3 or 4'],
    ['orcw://session/123x', 'orcw:// link: session ID must be digits only'],
    [`orcw://session/${EXAMPLE_ID}%22%7C`, 'orcw:// link: session ID must be digits only'],
    ['orcw://session/18446744073709551616', 'orcw:// link: session ID is larger than 2^64−1 (18446744073709551615)'],
    [`orcw://session/${EXAMPLE_ID}?foo=1`, 'unsupported orcw:// link parameter "foo"; allowed: from, to, connection, replay, jumpto'],
    [`orcw://session/${EXAMPLE_ID}?a%22b=1`, 'unsupported orcw:// link parameter; allowed: from, to, connection, replay, jumpto'],
    [
      `orcw://session/${EXAMPLE_ID}?url=${enc(CLOUD)}`,
      'unsupported orcw:// link parameter "url"; allowed: from, to, connection, replay, jumpto',
    ],
    [`orcw://session/${EXAMPLE_ID}?from`, 'orcw:// link parameter "from" has no value'],
    [`orcw://session/${EXAMPLE_ID}?jumpto=1&jumpto=2`, 'orcw:// link has "jumpto" more than once'],
    [`orcw://session/${EXAMPLE_ID}?connection=%E0%A4%A`, 'orcw:// link parameter "connection" is not valid percent-encoding'],
    [`orcw://session/${EXAMPLE_ID}?from=yesterday`, 'from must be epoch milliseconds or an ISO 8601 time with a zone'],
    [`orcw://session/${EXAMPLE_ID}?from=2024-01-24T02:00:00`, 'from must be epoch milliseconds or an ISO 8601 time with a zone'],
    [`orcw://session/${EXAMPLE_ID}?from=2024-02-30T00:00Z`, 'from must be epoch milliseconds or an ISO 8601 time with a zone'],
    [`orcw://session/${EXAMPLE_ID}?to=2024-01-01T24:00Z`, 'to must be epoch milliseconds or an ISO 8601 time with a zone'],
    [`orcw://session/${EXAMPLE_ID}?to=-5`, 'to must be epoch milliseconds or an ISO 8601 time with a zone'],
    [`orcw://session/${EXAMPLE_ID}?from=1000`, 'from is outside 2019–2100'],
    [`orcw://session/${EXAMPLE_ID}?to=9999999999999999`, 'to is outside 2019–2100'],
    [`orcw://session/${EXAMPLE_ID}?from=2000-01-01T00:00Z`, 'from is outside 2019–2100'],
    [`orcw://session/${EXAMPLE_ID}?from=1706000000000&to=1706000000000`, 'orcw:// link: from must be before to'],
    [`orcw://session/${EXAMPLE_ID}?from=1706000000001&to=1706000000000`, 'orcw:// link: from must be before to'],
    [`orcw://session/${EXAMPLE_ID}?connection=`, 'connection must be 1–100 characters'],
    [`orcw://session/${EXAMPLE_ID}?connection=${'c'.repeat(101)}`, 'connection must be 1–100 characters'],
    [`orcw://session/${EXAMPLE_ID}?connection=a%0Ab`, 'connection contains control characters'],
    [`orcw://session/${EXAMPLE_ID}?connection=a%E2%80%A8b`, 'connection contains control characters'],
    [
      `orcw://session/${EXAMPLE_ID}?replay=${enc('https://app.openreplay.com/3/session/2618307011354435588')}`,
      'orcw:// link: replay URL is for session 2618307011354435588, the link for 2618307011354435587',
    ],
    [
      `orcw://session/${EXAMPLE_ID}?replay=${enc('https://app.openreplay.com/3/x')}`,
      'not an OpenReplay replay URL: expected /<projectId>/session/<sessionId>',
    ],
    [`orcw://session/${EXAMPLE_ID}?replay=${enc('javascript:alert(1)')}`, 'replay URL must start with https:// or http://'],
    [`orcw://session/${EXAMPLE_ID}?jumpto=soon`, 'jumpto must be a whole number of milliseconds'],
    [`orcw://open`, 'orcw://open link has no url parameter'],
    [`orcw://open?from=1706000000000`, 'unsupported orcw:// link parameter "from"; allowed: url'],
    [
      `orcw://open?url=${enc('https://app.openreplay.com/3/session/')}`,
      'not an OpenReplay replay URL: expected /<projectId>/session/<sessionId>',
    ],
    [`orcw://open?url=${enc('ftp://x/3/session/1')}`, 'replay URL must start with https:// or http://'],
    [`orcw://open?url=${enc(CLOUD)}&url=${enc(CLOUD)}`, 'orcw:// link has "url" more than once'],
  ])('%s → %s', (link, message) => {
    expect(error(link)).toBe(message);
  });

  it('refuses a window far from the session, naming the limit (the 2,741-day link of the issue)', () => {
    const refusal = refusedBy(parseDeepLink, `orcw://session/${EXAMPLE_ID}?from=2019-06-01T00:00:00Z&to=2024-01-23T00:00:00Z`);
    expect(refusal.message).toBe(
      'orcw:// link: from (2019-06-01T00:00:00.000Z) is more than 1 day before the session start (2024-01-24T02:27:39.324Z)',
    );
    expect(refusal.hint).toContain('within 1 day of the session (start to end) and be at most 7 days long');
    const late = refusedBy(parseDeepLink, `orcw://session/${EXAMPLE_TOKEN}?to=${EXAMPLE_EXP + 24 * HOUR + 1}`);
    expect(late.message).toContain('is more than 1 day after the session end (2024-01-24T04:27:39.324Z)');
    // The edges themselves are fine.
    expect(parse(`orcw://session/${EXAMPLE_TOKEN}?from=${EXAMPLE_START - 24 * HOUR}&to=${EXAMPLE_EXP + 24 * HOUR}`).from).toBe(
      EXAMPLE_START - 24 * HOUR,
    );
  });

  it('accepts a 100-character connection', () => {
    expect(parse(`orcw://session/${EXAMPLE_ID}?connection=${'c'.repeat(100)}`).connection).toHaveLength(100);
  });

  it('refuses a non-string', () => {
    expect(parseDeepLink(undefined as unknown as string).ok).toBe(false);
  });
});

describe('buildDeepLink', () => {
  it('uses the token when known, else the ID', () => {
    expect(buildDeepLink(parse(`orcw://session/${EXAMPLE_TOKEN}`))).toBe(`orcw://session/${EXAMPLE_TOKEN}`);
    expect(buildDeepLink({ kind: 'session-id', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_START + 1 })).toBe(
      `orcw://session/${EXAMPLE_ID}`,
    );
  });

  it('carries every override, encoded, and reads back to the same fields', () => {
    const ref: SessionReference = {
      kind: 'token',
      sessionId: EXAMPLE_ID,
      token: EXAMPLE_TOKEN,
      tokenFormat: 4,
      start: EXAMPLE_START,
      end: EXAMPLE_EXP,
      expiresAt: EXAMPLE_EXP,
      delay: 4283,
      from: EXAMPLE_START - HOUR,
      to: EXAMPLE_EXP + HOUR,
      connection: 'Prod & EU = "ro" ?#',
      replayUrl: CLOUD,
      projectId: '3',
      jumpToMs: 12_345,
    };
    const link = buildDeepLink(ref);
    expect(link).toBe(
      `orcw://session/${EXAMPLE_TOKEN}?from=${ref.from}&to=${ref.to}&connection=${enc(ref.connection ?? '')}&replay=${enc(CLOUD)}&jumpto=12345`,
    );
    expect(parse(link)).toEqual({ ...ref, kind: 'deep-link' });
  });

  it('rounds jumpto and clamps it at 0', () => {
    const base = { kind: 'session-id' as const, sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_START + 1 };
    expect(buildDeepLink({ ...base, jumpToMs: 1.6 })).toBe(`orcw://session/${EXAMPLE_ID}?jumpto=2`);
    expect(buildDeepLink({ ...base, jumpToMs: -3 })).toBe(`orcw://session/${EXAMPLE_ID}?jumpto=0`);
  });

  it.each([
    [{ sessionId: '12a' }],
    [{ sessionId: EXAMPLE_ID, token: 'a/b.c.d' }],
    [{ sessionId: EXAMPLE_ID, from: 1.5 }],
    [{ sessionId: EXAMPLE_ID, to: Number.NaN }],
    [{ sessionId: EXAMPLE_ID, replayUrl: 'javascript:alert(1)' }],
  ])('throws for %j', (partial) => {
    const ref = { kind: 'session-id', start: 0, end: 0, ...partial } as SessionReference;
    expect(() => buildDeepLink(ref)).toThrow(AppError);
  });
});
