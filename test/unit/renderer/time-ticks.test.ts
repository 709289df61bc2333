import { describe, expect, it } from 'vitest';
import { offsetTicks } from '../../../renderer/src/lib/time-ticks';

describe('offsetTicks', () => {
  it('puts ticks on round offsets from the session start, never closer than the gap', () => {
    // 22 minutes over 900 px: 2-minute steps (≈ 82 px) are too tight for 110 px, 5 minutes fit.
    const plan = offsetTicks({ fromMs: 0, toMs: 22 * 60_000 }, 900, 110);
    expect(plan.stepMs).toBe(5 * 60_000);
    expect(plan.ticks.map((t) => t.offsetMs)).toEqual([0, 5, 10, 15, 20].map((m) => m * 60_000));
    for (const [a, b] of plan.ticks.slice(1).map((t, i) => [plan.ticks[i]!, t] as const)) expect(b.x - a.x).toBeGreaterThanOrEqual(110);
  });

  it('includes the start when the margin reaches before it, and ticks before it are negative', () => {
    const plan = offsetTicks({ fromMs: -90_000, toMs: 600_000 }, 700, 100);
    expect(plan.stepMs).toBe(2 * 60_000);
    expect(plan.ticks.map((t) => t.offsetMs)).toEqual([0, 2, 4, 6, 8, 10].map((m) => m * 60_000));
    expect(plan.ticks[0]!.x).toBeCloseTo((90_000 / 690_000) * 700);
  });

  it('leaves out ticks whose label would leave the axis', () => {
    const plan = offsetTicks({ fromMs: 0, toMs: 10_000 }, 500, 100, 40);
    expect(plan.ticks.every((t) => t.x >= 40 && t.x <= 460)).toBe(true);
    expect(plan.ticks.map((t) => t.offsetMs)).toEqual([2000, 4000, 6000, 8000]);
  });

  it('goes below a second for short spans and has nothing to draw at width 0', () => {
    expect(offsetTicks({ fromMs: 0, toMs: 1000 }, 600, 110).stepMs).toBe(200);
    expect(offsetTicks({ fromMs: 0, toMs: 1000 }, 0, 110).ticks).toEqual([]);
  });
});
