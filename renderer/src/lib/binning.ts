import type { LogEvent } from '../../../shared/domain/correlation';
import { isErrorLevel } from './levels';

export interface Domain {
  /** Offsets in ms since the session start. */
  fromMs: number;
  toMs: number;
}

export interface Bin {
  index: number;
  fromMs: number;
  toMs: number;
  total: number;
  errors: number;
  warnings: number;
}

const MIN_SPAN_MS = 1000;

/**
 * The timeline runs from the session start (or the first event, when the window margin caught
 * earlier lines) to the last event: a token's expiry is the session's maximum length, not its
 * real end, so using it would squeeze all activity into a corner.
 */
export function timelineDomain(events: readonly { offsetMs: number }[], sessionSpanMs: number): Domain {
  let min = 0;
  let max = -Infinity;
  for (let i = 0; i < events.length; i += 1) {
    const offset = (events[i] as { offsetMs: number }).offsetMs;
    if (offset < min) min = offset;
    if (offset > max) max = offset;
  }
  if (max === -Infinity) max = Math.max(sessionSpanMs, MIN_SPAN_MS);
  if (max - min < MIN_SPAN_MS) max = min + MIN_SPAN_MS;
  return { fromMs: min, toMs: max };
}

/** Index of the bin an offset falls in; the last bin includes the domain's end. */
export function binIndex(offsetMs: number, domain: Domain, count: number): number {
  const span = domain.toMs - domain.fromMs;
  if (span <= 0 || count <= 0) return 0;
  const raw = Math.floor(((offsetMs - domain.fromMs) / span) * count);
  return Math.min(count - 1, Math.max(0, raw));
}

export function binEvents(events: readonly LogEvent[], domain: Domain, count: number): Bin[] {
  const safeCount = Math.max(1, Math.floor(count));
  const width = (domain.toMs - domain.fromMs) / safeCount;
  const bins: Bin[] = Array.from({ length: safeCount }, (_, index) => ({
    index,
    fromMs: domain.fromMs + index * width,
    toMs: index === safeCount - 1 ? domain.toMs : domain.fromMs + (index + 1) * width,
    total: 0,
    errors: 0,
    warnings: 0,
  }));
  for (const event of events) {
    const bin = bins[binIndex(event.offsetMs, domain, safeCount)];
    if (!bin) continue;
    bin.total += 1;
    if (isErrorLevel(event.level)) bin.errors += 1;
    else if (event.level === 'warn') bin.warnings += 1;
  }
  return bins;
}

/** Occurrence counts per bucket, for an error group's sparkline. */
export function sparklineCounts(offsetsMs: readonly number[], domain: Domain, buckets: number): number[] {
  const counts = new Array<number>(Math.max(1, buckets)).fill(0);
  for (const offset of offsetsMs) {
    const i = binIndex(offset, domain, counts.length);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}
