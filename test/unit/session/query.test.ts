import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildSessionQuery, MAX_QUERY_RESULTS, tokenPrefixForSessionId } from '../../../shared/session/query';
import { parseSessionReference, type SessionReference } from '../../../shared/session/reference';
import { messagesFound } from '../../support/session-tags/engine-match';
import { EXTRA_NAMES, neighbourIds, plantedLines, type TagCase } from '../../support/session-tags/tag-forms';
import { EXAMPLE_EXP, EXAMPLE_ID, EXAMPLE_START, EXAMPLE_TOKEN, EXAMPLE_TOKEN_3, NOW, SIG, b36 } from './fixtures';

const tokenRef: SessionReference = { kind: 'token', sessionId: EXAMPLE_ID, token: EXAMPLE_TOKEN, start: EXAMPLE_START, end: EXAMPLE_EXP };
const idRef: SessionReference = { kind: 'session-id', sessionId: EXAMPLE_ID, start: EXAMPLE_START, end: EXAMPLE_EXP };

describe('buildSessionQuery', () => {
  it('matches every token of the session by its ID prefix, even when one token is known', () => {
    // A reloaded page can get a new token (new expiry) for the same session: its lines count too.
    expect(buildSessionQuery(tokenRef)).toBe(buildSessionQuery(idRef));
  });

  it('is one filter of RE2 regexes: the token anywhere, OpenReplay names, the nested object', () => {
    const sep = `[\\\\"'\\s]*[:=]>?[\\\\"'\\s]*`;
    expect(buildSessionQuery(idRef)).toBe(
      [
        'fields @timestamp, @message, @logStream, @log',
        '| filter @message like /(^|[^0-9A-Za-z.-])jw4wdfpgqhoj\\./' +
          ` or @message like /(?i)open[._-]?replay[._-]?session[._-]?id${sep}${EXAMPLE_ID}([^0-9]|$)/` +
          ` or @message like /(?i)open[._-]?replay[._-]?session${sep}\\{([^{}]*[^0-9A-Za-z_{}])?id${sep}${EXAMPLE_ID}([^0-9]|$)/`,
        '| sort @timestamp asc',
        '| limit 100000',
      ].join('\n'),
    );
  });

  it("adds one clause for a connection's own field names, escaped", () => {
    const query = buildSessionQuery(idRef, { idFieldNames: ['sessionId', 'ctx.or-session', 'SESSIONID'] });
    expect(query).toContain(
      ` or @message like /(?i)(^|[^0-9A-Za-z_])(sessionId|ctx\\.or-session)[\\\\"'\\s]*[:=]>?[\\\\"'\\s]*${EXAMPLE_ID}([^0-9]|$)/\n`,
    );
    expect(buildSessionQuery(idRef, { idFieldNames: [] })).toBe(buildSessionQuery(idRef));
  });

  it('builds from parsed 3-part tokens and negative delays', () => {
    for (const text of [EXAMPLE_TOKEN_3, `jw4wdfpgqhoj.-3az.lrraavgc.${SIG}`]) {
      const parsed = parseSessionReference(text, { now: NOW });
      if (!parsed.ok) throw new Error(parsed.error.message);
      expect(buildSessionQuery(parsed.value)).toBe(buildSessionQuery(idRef));
    }
  });

  describe('what the clauses match (the emulator engine, RE2 translation included)', () => {
    const tagCase: TagCase = {
      sessionId: EXAMPLE_ID,
      tokens: [EXAMPLE_TOKEN, EXAMPLE_TOKEN_3, `jw4wdfpgqhoj.-3az.lrrbbbbb.${SIG}`],
      foreignIds: neighbourIds(EXAMPLE_ID),
      foreignTokens: [
        `${b36(BigInt(EXAMPLE_ID) + 1n)}.3az.lrraavgc.${SIG}`,
        `${b36(BigInt(EXAMPLE_ID) - 1n)}.lrraavgc.${SIG}`,
        `1jw4wdfpgqhoj.3az.lrraavgc.${SIG}`,
        `jw4wdfpgqhoj1.3az.lrraavgc.${SIG}`,
      ],
    };

    it.each([
      ['without team field names', false],
      ['with team field names', true],
    ])('finds exactly the tagged lines, %s', (_name, extraNames) => {
      const lines = plantedLines(tagCase, { extraNames });
      const query = buildSessionQuery(idRef, extraNames ? { idFieldNames: EXTRA_NAMES } : {});
      const found = messagesFound(
        query,
        lines.map((l) => l.message),
      );
      const wrong = lines
        .filter((l) => found.has(l.message) !== l.found)
        .map((l) => `${l.found ? 'missed' : 'matched'}: ${l.label}: ${l.message}`);
      expect(wrong).toEqual([]);
      expect(lines.filter((l) => l.found).length).toBeGreaterThan(40);
      expect(lines.filter((l) => !l.found).length).toBeGreaterThan(150);
    });
  });

  it('caps results at the Insights maximum', () => {
    expect(MAX_QUERY_RESULTS).toBe(100_000);
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

  it.each<[string, unknown]>([
    ['a name with a slash', ['a/b']],
    ['a name with a quote', ['a"b']],
    ['a name with a pipe', ['a|b']],
    ['a name with a backslash', ['a\\b']],
    ['a name with a space', ['a b']],
    ['a name with a newline', ['a\nb']],
    ['a regex name', ['.*']],
    ['an empty name', ['']],
    ['a 65-character name', ['a'.repeat(65)]],
    ['too many names', Array.from({ length: 9 }, (_, i) => `f${i}`)],
    ['a number', [42]],
    ['a string instead of a list', 'sessionId'],
  ])('throws INVALID_INPUT for %s', (_name, idFieldNames) => {
    let thrown: unknown;
    try {
      buildSessionQuery(idRef, { idFieldNames: idFieldNames as string[] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe('INVALID_INPUT');
  });

  it('accepts 8 names of 64 characters', () => {
    const names = Array.from({ length: 8 }, (_, i) => `${i}${'a'.repeat(63)}`);
    expect(buildSessionQuery(idRef, { idFieldNames: names })).toContain(names.join('|'));
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
