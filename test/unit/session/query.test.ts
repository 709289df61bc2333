import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildSessionQuery, MAX_QUERY_RESULTS, tokenPrefixForSessionId } from '../../../shared/session/query';
import { parseSessionReference, type SessionReference } from '../../../shared/session/reference';
import { EXAMPLE_EXP, EXAMPLE_ID, EXAMPLE_START, EXAMPLE_TOKEN, EXAMPLE_TOKEN_3, NOW, SIG, b36 } from './fixtures';

const tokenRef: SessionReference = { kind: 'token', sessionId: EXAMPLE_ID, token: EXAMPLE_TOKEN, start: EXAMPLE_START, end: EXAMPLE_EXP };
const idRef: SessionReference = { kind: 'session-id', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_EXP };

/** What RE2/JS regexes in the query would match, to check the patterns against real log lines. */
function regexes(query: string): RegExp[] {
  return [...query.matchAll(/like \/(.*?)\/(?= or |\n)/g)].map((m) => new RegExp(m[1] ?? ''));
}
function likes(query: string): string[] {
  return [...query.matchAll(/like "(.*?)"/g)].map((m) => m[1] ?? '');
}
function matches(query: string, line: string): boolean {
  return likes(query).some((s) => line.includes(s)) || regexes(query).some((r) => r.test(line));
}

describe('buildSessionQuery', () => {
  it('matches every token of the session by its ID prefix, even when one token is known', () => {
    // A reloaded page can get a new token (new expiry) for the same session: its lines count too.
    expect(buildSessionQuery(tokenRef)).toBe(buildSessionQuery(idRef));
  });

  it('matches the token prefix (plain and JSON) when only the ID is known', () => {
    expect(buildSessionQuery(idRef)).toBe(
      [
        'fields @timestamp, @message, @logStream, @log',
        '| filter @message like "openReplaySessionToken=jw4wdfpgqhoj."' +
          ' or @message like /"openReplaySessionToken"\\s*:\\s*"jw4wdfpgqhoj\\./' +
          ` or @message like /openReplaySession\\.id=${EXAMPLE_ID}([^0-9]|$)/`,
        '| sort @timestamp asc',
        '| limit 10000',
      ].join('\n'),
    );
  });

  it('builds from parsed 3-part tokens and negative delays', () => {
    for (const text of [EXAMPLE_TOKEN_3, `jw4wdfpgqhoj.-3az.lrraavgc.${SIG}`]) {
      const parsed = parseSessionReference(text, { now: NOW });
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(buildSessionQuery(parsed.value)).toContain('like "openReplaySessionToken=jw4wdfpgqhoj."');
    }
  });

  describe('what the patterns match', () => {
    const other = `jw4wdfpgqhok.3az.lrraavgc.${SIG}`;
    const lines = {
      prefixTag: `[openReplaySessionToken=${EXAMPLE_TOKEN}] GET /api/orders 500`,
      json: `{"level":"error","openReplaySessionToken": "${EXAMPLE_TOKEN}","msg":"boom"}`,
      jsonTight: `{"openReplaySessionToken":"${EXAMPLE_TOKEN}"}`,
      idTag: `openReplaySession.id=${EXAMPLE_ID} order failed`,
      idTagEnd: `order failed openReplaySession.id=${EXAMPLE_ID}`,
      idInJson: `{"tags":"openReplaySession.id=${EXAMPLE_ID}"}`,
    };

    it.each(Object.entries(lines))('token query finds %s', (_name, line) => {
      expect(matches(buildSessionQuery(tokenRef), line)).toBe(true);
    });

    it.each(Object.entries(lines))('ID query finds %s', (_name, line) => {
      expect(matches(buildSessionQuery(idRef), line)).toBe(true);
    });

    it.each([
      ['a longer ID', `openReplaySession.id=${EXAMPLE_ID}1`],
      ['another token', `[openReplaySessionToken=${other}]`],
      ['another JSON token', `{"openReplaySessionToken":"${other}"}`],
      ['a dot that is not a dot', `{"openReplaySessionToken":"jw4wdfpgqhojX3az"}`],
      ['an untagged line', `GET /api/orders 500 ${EXAMPLE_ID}`],
    ])('neither query finds %s', (_name, line) => {
      expect(matches(buildSessionQuery(tokenRef), line)).toBe(false);
      expect(matches(buildSessionQuery(idRef), line)).toBe(false);
    });

    it('the ID query also finds lines tagged with a different token of the same session', () => {
      const reissued = `jw4wdfpgqhoj.1.lrrbbbbb.${SIG}`;
      expect(matches(buildSessionQuery(idRef), `[openReplaySessionToken=${reissued}]`)).toBe(true);
    });
  });

  it('caps results at the Insights maximum', () => {
    expect(MAX_QUERY_RESULTS).toBe(10_000);
    expect(buildSessionQuery(idRef).endsWith(`| limit ${MAX_QUERY_RESULTS}`)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', EXAMPLE_ID],
    ['a numeric ID', { sessionId: Number(EXAMPLE_ID) }],
    ['a bigint ID', { sessionId: 2618307011354435587n }],
    ['a String object', { sessionId: new String(EXAMPLE_ID) }],
    ['an empty ID', { sessionId: '' }],
    ['leading zeros', { sessionId: `0${EXAMPLE_ID}` }],
    ['2^64', { sessionId: '18446744073709551616' }],
    ['an injected ID', { sessionId: `${EXAMPLE_ID}/ or @message like /.` }],
    ['an ID with a newline', { sessionId: `${EXAMPLE_ID}\n| limit 1` }],
    ['a token with a quote', { sessionId: EXAMPLE_ID, token: `jw4wdfpgqhoj.3az.lrraavgc.a" or 1=1` }],
    ['a token with a pipe', { sessionId: EXAMPLE_ID, token: 'jw4wdfpgqhoj.3az.lrraavgc.a|stats' }],
    ['a token with a slash', { sessionId: EXAMPLE_ID, token: 'jw4wdfpgqhoj.3az.lrraavgc.a/' }],
    ['a token with a hash', { sessionId: EXAMPLE_ID, token: 'jw4wdfpgqhoj.3az.lrraavgc.a#' }],
    ['a token with a backslash', { sessionId: EXAMPLE_ID, token: 'jw4wdfpgqhoj.3az.lrraavgc.a\\' }],
    ['a 2-part token', { sessionId: EXAMPLE_ID, token: 'jw4wdfpgqhoj.3az' }],
    ['a token of another session', { sessionId: EXAMPLE_ID, token: `jw4wdfpgqhok.3az.lrraavgc.${SIG}` }],
    ['a numeric token', { sessionId: EXAMPLE_ID, token: 42 }],
    ['a null token', { sessionId: EXAMPLE_ID, token: null }],
    ['a too-long token', { sessionId: EXAMPLE_ID, token: `jw4wdfpgqhoj.3az.lrraavgc.${'a'.repeat(180)}` }],
  ])('throws INVALID_REFERENCE for %s', (_name, ref) => {
    expect(() => buildSessionQuery(ref as SessionReference)).toThrow(AppError);
    try {
      buildSessionQuery(ref as SessionReference);
    } catch (error) {
      expect((error as AppError).code).toBe('INVALID_REFERENCE');
    }
  });

  it('reads each field once, so a getter cannot swap in a hostile value after the check', () => {
    let reads = 0;
    const ref = {
      get sessionId() {
        reads += 1;
        return reads === 1 ? EXAMPLE_ID : `${EXAMPLE_ID}" | stats count(*)`;
      },
    } as unknown as SessionReference;
    const query = buildSessionQuery(ref);
    expect(reads).toBe(1);
    expect(query).not.toContain('stats');
  });
});

describe('tokenPrefixForSessionId', () => {
  it('is base36(id) followed by a dot', () => {
    expect(tokenPrefixForSessionId(EXAMPLE_ID)).toBe('jw4wdfpgqhoj.');
    expect(tokenPrefixForSessionId('18446744073709551615')).toBe('3w5e11264sgsf.');
    expect(tokenPrefixForSessionId('1')).toBe('1.');
    expect(tokenPrefixForSessionId('36')).toBe(`${b36(36)}.`);
  });

  it.each(['', '0', '01', '-1', '1.5', '18446744073709551616', 'abc'])('throws for %j', (id) => {
    expect(() => tokenPrefixForSessionId(id)).toThrow(AppError);
  });
});
