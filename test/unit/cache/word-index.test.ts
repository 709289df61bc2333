import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWords, blockText, likePattern, likePrefilter, parseSearch, splitTerms } from '../../../main/services/cache/word-index';

const trigrams = (text: string): string[] => {
  const chars = [...text.toLowerCase()];
  return chars.slice(0, Math.max(0, chars.length - 2)).map((_, i) => chars.slice(i, i + 3).join(''));
};

describe('word index', () => {
  it('indexes distinct words of 3+ word characters, splitting JSON and punctuation', () => {
    const words = new Set<string>();
    addWords('{"level":"error","msg":"Zahlung für Müller","id":"ab","req-id":"f00d_1"}', words);
    addWords('error again: error', words);
    expect([...words]).toEqual(['level', 'error', 'msg', 'Zahlung', 'für', 'Müller', 'req-id', 'f00d_1', 'again']);
    expect(blockText(words)).toBe('level error msg Zahlung für Müller req-id f00d_1 again');
  });

  it('splits search text into terms, keeping quoted phrases', () => {
    expect(splitTerms('  timeout  "connection refused" db ')).toEqual(['timeout', 'connection refused', 'db']);
    expect(splitTerms('"unterminated phrase')).toEqual(['unterminated phrase']);
    expect(splitTerms('"" x')).toEqual(['x']);
  });

  it('builds an AND of quoted trigrams only from pieces of 3+ characters', () => {
    expect(parseSearch('ab')).toEqual({ terms: ['ab'], match: null });
    expect(parseSearch('a.b.c')).toEqual({ terms: ['a.b.c'], match: null });
    expect(parseSearch('Time:out')).toEqual({ terms: ['Time:out'], match: '"Tim" AND "ime" AND "out"' });
    expect(parseSearch('').match).toBeNull();
  });

  it('caps the trigrams of a long query', () => {
    const match = parseSearch('x'.repeat(10) + 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ').match ?? '';
    expect(match.split(' AND ').length).toBeLessThanOrEqual(48);
  });

  it('escapes LIKE wildcards', () => {
    expect(likePattern('100%_\\x')).toBe('%100\\%\\_\\\\x%');
  });

  it('prefilters with the tail that starts at the rarest character', () => {
    expect(likePrefilter('ECONNREFUSED')).toBe('%FUSED%');
    expect(likePrefilter('zebra')).toBeNull();
    expect(likePrefilter('a_zq%')).toBe('%zq\\%%');
    expect(likePrefilter('x')).toBeNull();
  });

  it('never misses: every trigram of a substring query lies in the indexed words of its message', () => {
    const alphabet = fc.constantFrom(...[...'aZ9_-: ."{}/é日🚀\n'], 'ab', 'xyz');
    fc.assert(
      // Queries are cut at character boundaries (never through a surrogate pair), as typed text is.
      fc.property(fc.array(alphabet, { maxLength: 60 }), fc.nat(), fc.nat(), (parts, start, length) => {
        const message = parts.join('');
        const from = start % (parts.length + 1);
        const query = parts.slice(from, from + (length % 20)).join('');
        const words = new Set<string>();
        addWords(message, words);
        const indexed = new Set(trigrams(blockText(words)));
        const { match } = parseSearch(query);
        for (const quoted of match === null ? [] : match.split(' AND ')) {
          expect(indexed.has(quoted.slice(1, -1).toLowerCase())).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
