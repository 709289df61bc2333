import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { buildLiveTailPattern, MAX_FILTER_PATTERN_LENGTH } from '../../../shared/session/live-tail-pattern';

const ref = (sessionId: string, token?: string) => ({
  kind: 'session-id' as const,
  sessionId,
  start: 0,
  end: 1,
  ...(token ? { token } : {}),
});

describe('the Live Tail filter pattern of a session', () => {
  it("is one %regex% of the token prefix or the ID, in the dialect's characters only", () => {
    // The README's example session: base36(2618307011354435587) = jw4wdfpgqhoj.
    const pattern = buildLiveTailPattern(ref('2618307011354435587'));
    expect(pattern).toBe('%jw4wdfpgqhoj\\.|2618307011354435587%');
    expect(pattern.slice(1, -1)).toMatch(/^[A-Za-z0-9:_#=@/;,\-^$?[\]{}|\\*+.]+$/);
    expect(pattern).not.toMatch(/[()"' ]/);
  });

  it('stays far below 1,024 characters for the largest ID', () => {
    expect(buildLiveTailPattern(ref('18446744073709551615')).length).toBeLessThan(MAX_FILTER_PATTERN_LENGTH);
  });

  it('takes only validated IDs and tokens (the pattern is code too)', () => {
    for (const bad of ['0123', '1|2', '1\\.', '18446744073709551616', '']) expect(() => buildLiveTailPattern(ref(bad))).toThrow(AppError);
    expect(() => buildLiveTailPattern(ref('2618307011354435587', 'zzzz.3az.lrraavgc.Sig'))).toThrow(AppError);
  });
});
