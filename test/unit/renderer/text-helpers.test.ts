import { describe, expect, it } from 'vitest';
import { buildBookmarklet } from '../../../renderer/src/lib/bookmarklet';
import { highlightPieces, snippet } from '../../../renderer/src/lib/highlight';
import { sortGroups } from '../../../renderer/src/lib/sort-groups';
import { parseDeepLink } from '../../../shared/session/reference';

describe('highlightPieces', () => {
  it('marks every occurrence of every query word, case-insensitively', () => {
    expect(highlightPieces('TypeError in typeerror handler', 'typeerror handler')).toEqual([
      { text: 'TypeError', match: true },
      { text: ' in ', match: false },
      { text: 'typeerror', match: true },
      { text: ' ', match: false },
      { text: 'handler', match: true },
    ]);
    expect(highlightPieces('abc', '  ')).toEqual([{ text: 'abc', match: false }]);
  });

  it('cuts long lines around the first match', () => {
    const long = `${'x'.repeat(500)} needle ${'y'.repeat(500)}`;
    const cut = snippet(long, 'needle', 100);
    expect(cut.startsWith('…')).toBe(true);
    expect(cut).toContain('needle');
    expect(cut.length).toBeLessThanOrEqual(102);
  });
});

describe('sortGroups', () => {
  it('sorts by count, then by first occurrence', () => {
    const g = (fingerprint: string, count: number, firstOffsetMs: number) => ({
      fingerprint,
      title: fingerprint,
      type: 'E',
      level: 'error' as const,
      count,
      firstSeen: 0,
      lastSeen: 0,
      firstOffsetMs,
      offsetsMs: [],
      sampleEventId: '',
      connection: '',
      logGroup: '',
      logStream: '',
      frames: [],
      contextBefore: [],
      contextAfter: [],
    });
    expect(sortGroups([g('a', 1, 0), g('b', 5, 900), g('c', 5, 100)]).map((x) => x.fingerprint)).toEqual(['c', 'b', 'a']);
  });
});

describe('bookmarklet', () => {
  it('is a javascript: URL that turns the replay page address into an orcw://open link the parser accepts', () => {
    const code = buildBookmarklet();
    expect(code.startsWith('javascript:')).toBe(true);
    // Browsers percent-decode a javascript: bookmark before running it; run it against a stand-in location.
    const page = {
      href: 'https://app.openreplay.com/42/session/2618307011354435587?jumpto=95000#x',
      pathname: '/42/session/2618307011354435587',
    };
    const location = { ...page };
    const run = new Function('location', 'alert', decodeURIComponent(code.slice('javascript:'.length)));
    run(location, () => undefined);
    expect(location.href).toBe(
      `orcw://open?url=${encodeURIComponent('https://app.openreplay.com/42/session/2618307011354435587?jumpto=95000')}`,
    );
    const parsed = parseDeepLink(location.href, { now: Date.UTC(2025, 0, 1) });
    expect(parsed).toMatchObject({ ok: true, value: { sessionId: '2618307011354435587', jumpToMs: 95000 } });
  });

  it('does nothing but warn on a page that is not a replay', () => {
    const location = { href: 'https://example.com/', pathname: '/' };
    const alerts: string[] = [];
    new Function('location', 'alert', decodeURIComponent(buildBookmarklet().slice('javascript:'.length)))(location, (m: string) =>
      alerts.push(m),
    );
    expect(location.href).toBe('https://example.com/');
    expect(alerts).toHaveLength(1);
  });
});
