import { describe, expect, it } from 'vitest';
import { binIndex, sparklineCounts, timelineDomain } from '../../../renderer/src/lib/binning';

const at = (...offsets: number[]) => offsets.map((offsetMs) => ({ offsetMs }));

describe('timelineDomain', () => {
  it('runs from the session start to the last event', () => {
    expect(timelineDomain(at(1000, 5000, 42_000), 7_200_000)).toEqual({ fromMs: 0, toMs: 42_000 });
  });

  it('starts before zero when the window margin caught earlier lines', () => {
    expect(timelineDomain(at(-30_000, 10_000), 7_200_000)).toEqual({ fromMs: -30_000, toMs: 10_000 });
  });

  it('falls back to the session span with no events and never collapses to zero width', () => {
    expect(timelineDomain([], 7_200_000)).toEqual({ fromMs: 0, toMs: 7_200_000 });
    expect(timelineDomain(at(0, 0), 0)).toEqual({ fromMs: 0, toMs: 1000 });
  });
});

describe('binIndex', () => {
  const domain = { fromMs: 0, toMs: 100 };

  it('puts the domain end into the last bin and clamps outliers', () => {
    expect(binIndex(0, domain, 10)).toBe(0);
    expect(binIndex(9.99, domain, 10)).toBe(0);
    expect(binIndex(10, domain, 10)).toBe(1);
    expect(binIndex(100, domain, 10)).toBe(9);
    expect(binIndex(-5, domain, 10)).toBe(0);
    expect(binIndex(500, domain, 10)).toBe(9);
  });
});

// Bars are counted in the cache by this rule: test/unit/cache/event-views.test.ts.

describe('sparklineCounts', () => {
  it('counts occurrences per bucket on the timeline domain', () => {
    expect(sparklineCounts([0, 1, 50, 100], { fromMs: 0, toMs: 100 }, 4)).toEqual([2, 0, 1, 1]);
  });
});
