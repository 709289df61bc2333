import { describe, expect, it } from 'vitest';
import { removeSessionTags, sessionTagSpans } from '../../../shared/session/session-tags';
import { ID_FORMS, TOKEN_FORMS } from '../../support/session-tags/tag-forms';

const ID = '2618307011354435587';
const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.5KJp7z9wQ4';

function outside(text: string, spans: readonly [number, number][]): string {
  let rest = '';
  let at = 0;
  for (const [start, end] of spans) {
    rest += text.slice(at, start);
    at = end;
  }
  return rest + text.slice(at);
}

// The renderer dims what the summaries remove: the same tags, found by the same patterns.
describe('sessionTagSpans', () => {
  const lines = [
    ...ID_FORMS.map(([name, write]) => [name, write(ID), ID] as const),
    ...TOKEN_FORMS.map(([name, write]) => [name, write(TOKEN), TOKEN] as const),
  ];
  it.each(lines)('%s: a value removeSessionTags removes lies inside a span, one it keeps outside all', (_name, line, value) => {
    const spans = sessionTagSpans(line);
    expect(outside(line, spans).includes(value)).toBe(removeSessionTags(line).includes(value));
  });

  it('gives ordered, non-overlapping spans that cover the tag text only', () => {
    const line = `[openReplaySessionToken=${TOKEN}] [openReplaySessionToken=${TOKEN}] charge failed, openReplaySession.id=${ID}`;
    const spans = sessionTagSpans(line);
    expect(spans.map(([a, b]) => line.slice(a, b))).toEqual([
      `[openReplaySessionToken=${TOKEN}]`,
      `[openReplaySessionToken=${TOKEN}]`,
      `openReplaySession.id=${ID}`,
    ]);
    expect(outside(line, spans)).toBe('  charge failed, ');
  });

  it('finds nothing in a line without a tag', () => {
    expect(sessionTagSpans('GET /api/cart 200 in 41ms')).toEqual([]);
  });
});
