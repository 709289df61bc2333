import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildReplayUrl, parseSessionReference } from '../../../shared/session/reference';
import { EXAMPLE_ID, EXAMPLE_START, HOUR, MINUTE, parsedBy, refusedBy } from './fixtures';

const CLOUD = `https://app.openreplay.com/3/session/${EXAMPLE_ID}`;

const parse = (text: string) => parsedBy(parseSessionReference, text);

function error(text: string): string {
  const refusal = refusedBy(parseSessionReference, text);
  expect(refusal.hint).toContain('replay');
  return refusal.message;
}

describe('parsing replay URLs', () => {
  it('reads the cloud form', () => {
    expect(parse(CLOUD)).toEqual({
      kind: 'replay-url',
      sessionId: EXAMPLE_ID,
      start: EXAMPLE_START,
      end: EXAMPLE_START + 2 * HOUR,
      projectId: '3',
      replayUrl: CLOUD,
    });
  });

  it.each([
    [
      'http://openreplay.internal:8080/my_proj-1/session/' + EXAMPLE_ID,
      'http://openreplay.internal:8080/my_proj-1/session/' + EXAMPLE_ID,
      'my_proj-1',
    ],
    [
      'https://or.example.com/tools/openreplay/42/session/' + EXAMPLE_ID,
      'https://or.example.com/tools/openreplay/42/session/' + EXAMPLE_ID,
      '42',
    ],
    ['https://10.0.0.7/5/session/' + EXAMPLE_ID, 'https://10.0.0.7/5/session/' + EXAMPLE_ID, '5'],
    ['HTTPS://App.OpenReplay.com:443/3/session/' + EXAMPLE_ID, CLOUD, '3'],
  ])('self-hosted and odd-case forms: %s', (text, canonical, projectId) => {
    expect(parse(text)).toMatchObject({ replayUrl: canonical, projectId, sessionId: EXAMPLE_ID });
  });

  it('accepts a trailing slash and drops it', () => {
    expect(parse(`${CLOUD}/`).replayUrl).toBe(CLOUD);
  });

  it('drops other query parameters and the fragment', () => {
    const ref = parse(`${CLOUD}?fs=1&note=abc#player`);
    expect(ref.replayUrl).toBe(CLOUD);
    expect(ref.jumpToMs).toBeUndefined();
  });

  it('normalises leading zeros in the session ID of the canonical URL', () => {
    expect(parse(`https://app.openreplay.com/3/session/0${EXAMPLE_ID}`).replayUrl).toBe(CLOUD);
  });

  it('reads jumpto as ms since the session start', () => {
    expect(parse(`${CLOUD}?jumpto=90500`).jumpToMs).toBe(90_500);
    expect(parse(`${CLOUD}?jumpto=0`).jumpToMs).toBe(0);
    expect(parse(`${CLOUD}?x=1&jumpto=7`).jumpToMs).toBe(7);
  });

  it('makes an absolute epoch jumpto relative to the start', () => {
    expect(parse(`${CLOUD}?jumpto=${EXAMPLE_START + 90_500}`).jumpToMs).toBe(90_500);
    expect(parse(`${CLOUD}?jumpto=${EXAMPLE_START}`).jumpToMs).toBe(0);
  });

  it('treats an absolute jumpto a few minutes before the flake start as the beginning', () => {
    expect(parse(`${CLOUD}?jumpto=${EXAMPLE_START - 5 * MINUTE}`).jumpToMs).toBe(0);
    expect(parse(`${CLOUD}?jumpto=${EXAMPLE_START - 10 * MINUTE}`).jumpToMs).toBe(0);
  });

  it('accepts relative and absolute jumps up to 7 days into the session', () => {
    expect(parse(`${CLOUD}?jumpto=${7 * 24 * HOUR}`).jumpToMs).toBe(7 * 24 * HOUR);
    expect(parse(`${CLOUD}?jumpto=${EXAMPLE_START + 7 * 24 * HOUR}`).jumpToMs).toBe(7 * 24 * HOUR);
  });

  it.each([
    [`${CLOUD}?jumpto=abc`, 'jumpto must be a whole number of milliseconds'],
    [`${CLOUD}?jumpto=-5`, 'jumpto must be a whole number of milliseconds'],
    [`${CLOUD}?jumpto=1.5`, 'jumpto must be a whole number of milliseconds'],
    [`${CLOUD}?jumpto=`, 'jumpto must be a whole number of milliseconds'],
    [`${CLOUD}?jumpto=12345678901234567`, 'jumpto must be a whole number of milliseconds'],
    [`${CLOUD}?jumpto=1&jumpto=2`, 'replay URL has more than one jumpto'],
    [`${CLOUD}?jumpto=${7 * 24 * HOUR + 1}`, 'jumpto is more than 7 days after the session start'],
    [
      `${CLOUD}?jumpto=${EXAMPLE_START - 10 * MINUTE - 1}`,
      'jumpto (2024-01-24T02:17:39.323Z) is before the session start (2024-01-24T02:27:39.324Z)',
    ],
    [
      `${CLOUD}?jumpto=${EXAMPLE_START + 7 * 24 * HOUR + 1}`,
      'jumpto (2024-01-31T02:27:39.325Z) is more than 7 days after the session start',
    ],
  ])('%s → %s', (text, message) => {
    expect(error(text)).toBe(message);
  });

  const shape = 'not an OpenReplay replay URL: expected /<projectId>/session/<sessionId>';
  it.each([
    [`https://app.openreplay.com/`, shape],
    [`https://app.openreplay.com`, shape],
    [`https://app.openreplay.com/session/${EXAMPLE_ID}`, shape],
    [`https://app.openreplay.com/3/sessions/${EXAMPLE_ID}`, shape],
    [`https://app.openreplay.com/3/assist/${EXAMPLE_ID}`, shape],
    [`https://app.openreplay.com/3/session/${EXAMPLE_ID}/events`, shape],
    [`https://app.openreplay.com/3/session/${EXAMPLE_ID}//`, shape],
    [`https://app.openreplay.com//3/session/${EXAMPLE_ID}`, shape],
    [`https://app.openreplay.com/a.b/session/${EXAMPLE_ID}`, 'replay URL project ID must be letters, digits, - or _'],
    [`https://app.openreplay.com/a%20b/session/${EXAMPLE_ID}`, 'replay URL project ID must be letters, digits, - or _'],
    [`https://app.openreplay.com/${'p'.repeat(65)}/session/${EXAMPLE_ID}`, 'replay URL project ID must be letters, digits, - or _'],
    [`https://app.openreplay.com/3/session/26183070113544355x`, 'replay URL: session ID must be digits only'],
    [`https://app.openreplay.com/3/session/18446744073709551616`, 'replay URL: session ID is larger than 2^64−1 (18446744073709551615)'],
    [
      `https://app.openreplay.com/3/session/12345`,
      'replay URL: session ID 12345 would start on 2019-02-12T19:33:20.000Z, before OpenReplay sessions existed (2019-02-20)',
    ],
    [`https://user:pw@app.openreplay.com/3/session/${EXAMPLE_ID}`, 'replay URL must not contain a user name or password'],
    [`https://user@app.openreplay.com/3/session/${EXAMPLE_ID}`, 'replay URL must not contain a user name or password'],
    [`https://app.openreplay.com/3/session/${EXAMPLE_ID}?q=a b`, 'replay URL contains spaces, backslashes or non-ASCII characters'],
    [`https://app.openreplay.com\\3\\session\\${EXAMPLE_ID}`, 'replay URL contains spaces, backslashes or non-ASCII characters'],
    [`https://äpp.openreplay.com/3/session/${EXAMPLE_ID}`, 'replay URL contains spaces, backslashes or non-ASCII characters'],
    [`https://[::1/3/session/${EXAMPLE_ID}`, 'replay URL is not a valid URL'],
    [`https://app.openreplay.com:99999/3/session/${EXAMPLE_ID}`, 'replay URL is not a valid URL'],
    [`file:///3/session/${EXAMPLE_ID}`, 'replay URL must start with https:// or http://'],
    [`https://app.openreplay.com/3/session/${EXAMPLE_ID}?${'a'.repeat(2048)}`, 'replay URL is longer than 2048 characters'],
  ])('%s → %s', (text, message) => {
    expect(error(text)).toBe(message);
  });
});

describe('buildReplayUrl', () => {
  const idOnly = { sessionId: EXAMPLE_ID };

  it('uses the reference’s own replay URL first', () => {
    expect(buildReplayUrl({ ...idOnly, replayUrl: CLOUD }, { baseUrl: 'https://other.example', projectId: '9' })).toBe(CLOUD);
  });

  it('adds jumpto (argument first, then the reference’s), rounded and never negative', () => {
    expect(buildReplayUrl({ ...idOnly, replayUrl: CLOUD, jumpToMs: 5000 })).toBe(`${CLOUD}?jumpto=5000`);
    expect(buildReplayUrl({ ...idOnly, replayUrl: CLOUD, jumpToMs: 5000 }, undefined, 1234.6)).toBe(`${CLOUD}?jumpto=1235`);
    expect(buildReplayUrl({ ...idOnly, replayUrl: CLOUD }, undefined, -20)).toBe(`${CLOUD}?jumpto=0`);
  });

  it('replaces an existing jumpto and keeps other parameters of a hand-made URL', () => {
    expect(buildReplayUrl({ ...idOnly, replayUrl: `${CLOUD}?fs=1&jumpto=9` }, undefined, 10)).toBe(`${CLOUD}?fs=1&jumpto=10`);
  });

  it('builds from the connection’s OpenReplay settings', () => {
    expect(buildReplayUrl(idOnly, { baseUrl: 'https://app.openreplay.com', projectId: '3' })).toBe(CLOUD);
    expect(buildReplayUrl(idOnly, { baseUrl: 'https://app.openreplay.com/', projectId: '3' })).toBe(CLOUD);
    expect(buildReplayUrl(idOnly, { baseUrl: 'http://or.local:9000/sub//', projectId: 'p_1' }, 42)).toBe(
      `http://or.local:9000/sub/p_1/session/${EXAMPLE_ID}?jumpto=42`,
    );
  });

  it('returns undefined when neither a URL nor settings are known', () => {
    expect(buildReplayUrl(idOnly)).toBeUndefined();
    expect(buildReplayUrl(idOnly, undefined, 100)).toBeUndefined();
  });

  it('round-trips through the parser', () => {
    const url = buildReplayUrl(idOnly, { baseUrl: 'https://or.example.com/x', projectId: 'abc' }, 61_000);
    expect(parse(url ?? '')).toMatchObject({ sessionId: EXAMPLE_ID, projectId: 'abc', jumpToMs: 61_000 });
  });

  it.each([
    [{ sessionId: 'x1' }, { baseUrl: 'https://a.example', projectId: '3' }],
    [{ sessionId: EXAMPLE_ID }, { baseUrl: 'javascript:alert(1)', projectId: '3' }],
    [{ sessionId: EXAMPLE_ID }, { baseUrl: 'https://u:p@a.example', projectId: '3' }],
    [{ sessionId: EXAMPLE_ID }, { baseUrl: 'https://a.example', projectId: '../x' }],
    [{ sessionId: EXAMPLE_ID }, { baseUrl: 'https://a.example', projectId: '3"/' }],
    [{ sessionId: EXAMPLE_ID, replayUrl: 'javascript:alert(1)' }, undefined],
    [{ sessionId: EXAMPLE_ID, replayUrl: 'https://app.openreplay.com/3/session/1' }, undefined],
  ])('throws INVALID_INPUT for %j with %j', (ref, settings) => {
    expect(() => buildReplayUrl(ref, settings)).toThrow(AppError);
    try {
      buildReplayUrl(ref, settings);
    } catch (thrown) {
      expect((thrown as AppError).code).toBe('INVALID_INPUT');
    }
  });

  it('throws on a non-finite jumpto', () => {
    expect(() => buildReplayUrl({ sessionId: EXAMPLE_ID, replayUrl: CLOUD }, undefined, Number.NaN)).toThrow(/jumpto/);
  });
});
