import { describe, expect, it } from 'vitest';
import { Re2Error, translateRe2 } from '../../support/cloudwatch-emulator/insights/re2';

const re = (p: string): RegExp => translateRe2(p).regex;

describe('RE2 regex literals', () => {
  it('maps a leading (?i) to a case-insensitive flag', () => {
    expect(re('(?i)traceback').test('TRACEBACK (most recent call last)')).toBe(true);
    expect(re('traceback').test('TRACEBACK')).toBe(false);
  });

  it('keeps a mid-pattern (?i) in force to the end of its group, across alternation', () => {
    const r = re('a(?i)b|c');
    expect(r.test('aB')).toBe(true);
    expect(r.test('C')).toBe(true);
    expect(r.test('Ab')).toBe(false);
    expect(re('(x(?i)y)z').test('xYz')).toBe(true);
    expect(re('(x(?i)y)z').test('xYZ')).toBe(false);
  });

  it('handles the correlation patterns the app builds', () => {
    const id = re('openReplaySession\\.id=2618307011354435587([^0-9]|$)');
    expect(id.test('openReplaySession.id=2618307011354435587 GET /')).toBe(true);
    expect(id.test('x openReplaySession.id=2618307011354435587')).toBe(true);
    expect(id.test('openReplaySession.id=261830701135443558712')).toBe(false);
    const json = re('"openReplaySessionToken"\\s*:\\s*"jw4wdfpgqhoj\\.3az\\.lrraavgc\\.SIG"');
    expect(json.test('{"openReplaySessionToken": "jw4wdfpgqhoj.3az.lrraavgc.SIG"}')).toBe(true);
  });

  it('accepts RE2-only syntax: (?P<name>), \\Q…\\E, POSIX classes, literal braces, escaped punctuation', () => {
    expect(translateRe2('(?P<user>\\w+)=').groupNames).toEqual(['user']);
    expect(re('\\Qa.b*c\\E').test('xa.b*cx')).toBe(true);
    expect(re('\\Qa.b*c\\E').test('aXbbc')).toBe(false);
    expect(re('[[:digit:]]+').exec('ab123')?.[0]).toBe('123');
    expect(re('{"level"').test('{"level":"error"}')).toBe(true);
    expect(re('\\"\\#\\-').test('"#-')).toBe(true);
    expect(re('[]a]').test(']')).toBe(true);
    expect(re('\\x{41}\\x42').test('AB')).toBe(true);
    expect(re('\\Aabc\\z').test('abc')).toBe(true);
    expect(re('\\Aabc\\z').test('abc\n')).toBe(false);
  });

  it('reads \\s and \\S as RE2 does: ASCII [\\t\\n\\f\\r ] only, inside classes too', () => {
    for (const space of ['\t', '\n', '\f', '\r', ' ']) {
      expect(re('a\\sb').test(`a${space}b`)).toBe(true);
      expect(re('a[\\s"]b').test(`a${space}b`)).toBe(true);
      expect(re('a\\Sb').test(`a${space}b`)).toBe(false);
    }
    for (const notRe2Space of ['\v', '\u00a0', '\u2028', '\u3000']) {
      expect(re('a\\sb').test(`a${notRe2Space}b`)).toBe(false);
      expect(re('a[\\s"]b').test(`a${notRe2Space}b`)).toBe(false);
      expect(re('a\\Sb').test(`a${notRe2Space}b`)).toBe(true);
    }
    expect(re('(?i)A[\\\\"\\s]*:').test('a \\" :')).toBe(true);
  });

  it.each([
    ['foo(?=bar)', 'Lookahead'],
    ['(?<!x)y', 'Lookahead'],
    ['(a)\\1', 'Backreferences'],
    ['(?P<n>a)(?P=n)', 'Backreferences'],
    ['a*+', 'repetition'],
    ['a{1001}', 'repeat count'],
    ['\\y', 'escape'],
    ['(?U)a+', 'Ungreedy'],
    ['(?>a)', 'group'],
    ['(abc', 'closing'],
    ['[abc', 'closing'],
  ])('rejects %s as AWS would', (pattern, message) => {
    let error: unknown;
    try {
      translateRe2(pattern);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Re2Error);
    expect((error as Error).message).toContain(message);
  });
});
