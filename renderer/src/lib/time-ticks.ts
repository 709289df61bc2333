import type { Domain } from './binning';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Round steps a person reads at a glance, from a tenth of a second to half a day. */
const STEPS: readonly number[] = [
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
];
const LARGEST = 12 * HOUR;

export interface Tick {
  offsetMs: number;
  /** Pixels from the left edge of the plot. */
  x: number;
}

export interface TickPlan {
  stepMs: number;
  ticks: Tick[];
}

/**
 * Axis ticks at round offsets from the session start (+0:00, +5:00, +10:00…), the smallest
 * round step that keeps labels at least `minGapPx` apart. Ticks closer than `edgePx` to either
 * end are left out so their centred labels stay inside the axis.
 */
export function offsetTicks(domain: Domain, widthPx: number, minGapPx: number, edgePx = 0): TickPlan {
  const span = domain.toMs - domain.fromMs;
  if (!(span > 0) || !(widthPx > 0)) return { stepMs: LARGEST, ticks: [] };
  const stepMs = STEPS.find((step) => (step / span) * widthPx >= minGapPx) ?? LARGEST;
  const ticks: Tick[] = [];
  for (let offset = Math.ceil(domain.fromMs / stepMs) * stepMs; offset <= domain.toMs; offset += stepMs) {
    const x = ((offset - domain.fromMs) / span) * widthPx;
    // `|| 0` turns -0 (a tick at the start of a domain that begins before it) into 0.
    if (x >= edgePx && x <= widthPx - edgePx) ticks.push({ offsetMs: offset || 0, x });
  }
  return { stepMs, ticks };
}
