import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binEvents, binIndex, sparklineCounts, timelineDomain } from '../../../renderer/src/lib/binning';
import { event } from './events';

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

describe('binIndex / binEvents', () => {
  const domain = { fromMs: 0, toMs: 100 };

  it('puts the domain end into the last bin and clamps outliers', () => {
    expect(binIndex(0, domain, 10)).toBe(0);
    expect(binIndex(9.99, domain, 10)).toBe(0);
    expect(binIndex(10, domain, 10)).toBe(1);
    expect(binIndex(100, domain, 10)).toBe(9);
    expect(binIndex(-5, domain, 10)).toBe(0);
    expect(binIndex(500, domain, 10)).toBe(9);
  });

  it('counts totals, errors (error + fatal) and warnings per bin', () => {
    const bins = binEvents([event(1, 'error'), event(2, 'fatal'), event(3, 'warn'), event(55), event(99, 'debug')], domain, 10);
    expect(bins[0]).toMatchObject({ total: 3, errors: 2, warnings: 1, fromMs: 0, toMs: 10 });
    expect(bins[5]).toMatchObject({ total: 1, errors: 0 });
    expect(bins[9]).toMatchObject({ total: 1, toMs: 100 });
  });

  it('loses no event and no error, whatever the offsets and bin count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -600_000, max: 7_200_000 }), fc.constantFrom('error', 'info', 'fatal', 'warn') as fc.Arbitrary<'error' | 'info' | 'fatal' | 'warn'>), { maxLength: 300 }),
        fc.integer({ min: 1, max: 300 }),
        (rows, count) => {
          const events = rows.map(([offset, level]) => event(offset, level));
          const d = timelineDomain(events, 7_200_000);
          const bins = binEvents(events, d, count);
          expect(bins).toHaveLength(count);
          expect(bins.reduce((n, b) => n + b.total, 0)).toBe(events.length);
          expect(bins.reduce((n, b) => n + b.errors, 0)).toBe(events.filter((e) => e.level === 'error' || e.level === 'fatal').length);
        },
      ),
    );
  });
});

describe('sparklineCounts', () => {
  it('counts occurrences per bucket on the timeline domain', () => {
    expect(sparklineCounts([0, 1, 50, 100], { fromMs: 0, toMs: 100 }, 4)).toEqual([2, 0, 1, 1]);
  });
});
