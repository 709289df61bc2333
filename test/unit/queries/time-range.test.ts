import { describe, expect, it } from 'vitest';
import { formatSecondRange, splitSecondRange, toSecondRange } from '../../../main/services/correlation/queries/time-range';

describe('toSecondRange', () => {
  it('floors the start and ceils the end so the whole window is covered', () => {
    expect(toSecondRange({ from: 1_700_000_000_999, to: 1_700_000_100_001 })).toEqual({ startSec: 1_700_000_000, endSec: 1_700_000_101 });
  });

  it('keeps whole seconds as they are', () => {
    expect(toSecondRange({ from: 1_700_000_000_000, to: 1_700_000_060_000 })).toEqual({ startSec: 1_700_000_000, endSec: 1_700_000_060 });
  });
});

describe('splitSecondRange', () => {
  it('halves a range into two that share their edge instant', () => {
    expect(splitSecondRange({ startSec: 100, endSec: 200 })).toEqual([
      { startSec: 100, endSec: 150 },
      { startSec: 150, endSec: 200 },
    ]);
  });

  it('covers every second of an odd range', () => {
    const [a, b] = splitSecondRange({ startSec: 10, endSec: 13 })!;
    expect(a).toEqual({ startSec: 10, endSec: 11 });
    expect(b).toEqual({ startSec: 11, endSec: 13 });
  });

  it('stops at one second', () => {
    expect(splitSecondRange({ startSec: 10, endSec: 11 })).toBeUndefined();
    expect(splitSecondRange({ startSec: 10, endSec: 10 })).toBeUndefined();
  });

  it('reaches one second from any range in a bounded number of halvings, never leaving a gap', () => {
    const leaves: { startSec: number; endSec: number }[] = [];
    const walk = (range: { startSec: number; endSec: number }, depth: number) => {
      expect(depth).toBeLessThan(40);
      const halves = splitSecondRange(range);
      if (!halves) return leaves.push(range);
      halves.forEach((half) => walk(half, depth + 1));
    };
    walk({ startSec: 1_000, endSec: 1_000 + 7_203 }, 0);
    expect(leaves[0]!.startSec).toBe(1_000);
    expect(leaves.at(-1)!.endSec).toBe(8_203);
    for (let i = 1; i < leaves.length; i++) expect(leaves[i]!.startSec).toBe(leaves[i - 1]!.endSec);
    for (const leaf of leaves) expect(leaf.endSec - leaf.startSec).toBe(1);
  });
});

it('formats a range as ISO instants without milliseconds', () => {
  expect(formatSecondRange({ startSec: 1_700_000_000, endSec: 1_700_000_001 })).toBe('2023-11-14T22:13:20Z–2023-11-14T22:13:21Z');
});
