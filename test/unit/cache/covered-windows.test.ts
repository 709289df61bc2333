import { describe, expect, it } from 'vitest';
import { uncoveredWindows } from '../../../main/services/cache/covered-windows';

describe('uncoveredWindows', () => {
  const target = { from: 1000, to: 2000 };

  it('returns the whole window when nothing is cached', () => {
    expect(uncoveredWindows(target, [])).toEqual([target]);
  });

  it('returns only the gaps left by complete runs, inclusive at both ends', () => {
    expect(
      uncoveredWindows(target, [
        { from: 1200, to: 1400, complete: true },
        { from: 1300, to: 1500, complete: true },
        { from: 1800, to: 2500, complete: true },
      ]),
    ).toEqual([
      { from: 1000, to: 1199 },
      { from: 1501, to: 1799 },
    ]);
  });

  it('ignores incomplete runs and runs outside the window', () => {
    expect(
      uncoveredWindows(target, [
        { from: 1000, to: 2000, complete: false },
        { from: 0, to: 999, complete: true },
        { from: 2001, to: 3000, complete: true },
      ]),
    ).toEqual([target]);
  });

  it('returns nothing when a complete run covers the window', () => {
    expect(uncoveredWindows(target, [{ from: 500, to: 2000, complete: true }])).toEqual([]);
  });
});
