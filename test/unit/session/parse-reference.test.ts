import { describe, expect, it } from 'vitest';
import { parseSessionReference } from '../../../shared/session/reference';
import { EXAMPLE_EXP, EXAMPLE_ID, EXAMPLE_START, EXAMPLE_TOKEN, EXAMPLE_TOKEN_3, NOW } from './fixtures';

function parse(text: string) {
  return parseSessionReference(text, { now: NOW });
}

function error(text: string): { message: string; hint: string } {
  const result = parse(text);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  expect(result.error.code).toBe('INVALID_REFERENCE');
  return result.error;
}

describe('surrounding whitespace', () => {
  it.each([` ${EXAMPLE_TOKEN}`, `${EXAMPLE_TOKEN}\n`, `\t ${EXAMPLE_TOKEN} \r\n`, `\u00a0${EXAMPLE_TOKEN}\u2003`])('trims %j', (text) => {
    const result = parse(text);
    expect(result.ok && result.value.token).toBe(EXAMPLE_TOKEN);
  });

  it('trims around IDs and URLs too', () => {
    expect(parse(`  ${EXAMPLE_ID}\n`).ok).toBe(true);
    expect(parse(` https://app.openreplay.com/3/session/${EXAMPLE_ID} `).ok).toBe(true);
  });

  it('refuses whitespace inside a token', () => {
    expect(error(`jw4wdfpgqhoj. 3az.lrraavgc.5K`).message).toBe('delay segment is not base36 (only 0-9 and a-z)');
  });
});

describe('pasted log tags', () => {
  it.each([
    `[openReplaySessionToken=${EXAMPLE_TOKEN}]`,
    `openReplaySessionToken=${EXAMPLE_TOKEN}`,
    `  [openReplaySessionToken=${EXAMPLE_TOKEN}]  `,
    `[openreplaysessiontoken=${EXAMPLE_TOKEN}]`,
  ])('%s → token', (text) => {
    const result = parse(text);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({ kind: 'token', token: EXAMPLE_TOKEN, sessionId: EXAMPLE_ID, end: EXAMPLE_EXP }),
    });
  });

  it('reads a 3-part token from a tag', () => {
    const result = parse(`[openReplaySessionToken=${EXAMPLE_TOKEN_3}]`);
    expect(result.ok && result.value.tokenFormat).toBe(3);
  });

  it.each([`openReplaySession.id=${EXAMPLE_ID}`, `[openReplaySession.id=${EXAMPLE_ID}]`, ` openReplaySession.ID=${EXAMPLE_ID} `])(
    '%s → session ID',
    (text) => {
      expect(parse(text)).toEqual({
        ok: true,
        value: { kind: 'session-id', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_START + 7_200_000 },
      });
    },
  );

  it.each([
    [`[openReplaySessionToken=${EXAMPLE_TOKEN}`, 'tag has an unmatched bracket'],
    [`openReplaySessionToken=${EXAMPLE_TOKEN}]`, 'tag has an unmatched bracket'],
    ['[openReplaySessionToken=]', 'token has 1 part, expected 3 or 4'],
    [`[openReplaySessionToken=${EXAMPLE_ID}]`, 'token has 1 part, expected 3 or 4'],
    [`[openReplaySessionToken=jw4wdfpgqhoj.3az]`, 'token has 2 parts, expected 3 or 4'],
    [`[openReplaySessionToken=${EXAMPLE_TOKEN}] GET /api/orders 500`, 'found text after the tag: paste only the tag or the token itself'],
    [`[openReplaySessionToken= ${EXAMPLE_TOKEN}]`, 'sessionID segment is not base36 (only 0-9 and a-z)'],
    [`openReplaySession.id=${EXAMPLE_ID}x`, 'session ID must be digits only'],
    ['openReplaySession.id=', 'session ID must be digits only'],
    [`openReplaySession.id=${EXAMPLE_TOKEN}`, 'session ID must be digits only'],
  ])('%s → %s', (text, message) => {
    expect(error(text).message).toBe(message);
  });

  it.each([
    `GET /x [openReplaySessionToken=${EXAMPLE_TOKEN}]`,
    `"openReplaySessionToken": "${EXAMPLE_TOKEN}"`,
    `{"openReplaySessionToken":"${EXAMPLE_TOKEN}"}`,
    `openReplaySessionToken: ${EXAMPLE_TOKEN}`,
  ])('refuses more than the tag: %s', (text) => {
    expect(error(text).message).toBe('found more than a tag: paste only the token, or the [openReplaySessionToken=…] tag alone');
  });
});

describe('anything else', () => {
  it.each([
    ['', 'nothing to parse: the input is empty'],
    ['   \n\t ', 'nothing to parse: the input is empty'],
    ['hello', 'session ID must be digits only'],
    ['"2618307011354435587"', 'session ID must be digits only'],
    [`"${EXAMPLE_TOKEN}"`, 'sessionID segment is not base36 (only 0-9 and a-z)'],
    [`app.openreplay.com/3/session/${EXAMPLE_ID}`, 'replay URL must start with https:// or http://'],
    [`ftp://app.openreplay.com/3/session/${EXAMPLE_ID}`, 'replay URL must start with https:// or http://'],
    [`javascript://%0aalert(1)`, 'replay URL must start with https:// or http://'],
    ['1.2', 'token has 2 parts, expected 3 or 4'],
  ])('%j → %s', (text, message) => {
    const problem = error(text);
    expect(problem.message).toBe(message);
    expect(problem.hint.length).toBeGreaterThan(10);
  });

  it('refuses input longer than 4096 characters before parsing it', () => {
    expect(error(`${EXAMPLE_TOKEN}${' '.repeat(4097)}`).message).toBe('input is longer than 4096 characters');
  });

  it('refuses a non-string at run time (IPC payloads are untyped)', () => {
    expect(parseSessionReference(42 as unknown as string).ok).toBe(false);
  });

  it('uses the clock when no now is given', () => {
    expect(parseSessionReference(EXAMPLE_TOKEN).ok).toBe(true);
  });

  it('dispatches orcw:// links to the deep-link parser', () => {
    const result = parse(`  ORCW://session/${EXAMPLE_ID}  `);
    expect(result.ok && result.value.kind).toBe('deep-link');
  });
});
