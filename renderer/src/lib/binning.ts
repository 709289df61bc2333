import type { TimelineBin } from '../../../shared/domain/session-view';
import { binIndex, binSpan, type Domain } from '../../../shared/domain/timeline';

export { binIndex, timelineDomain, type Domain } from '../../../shared/domain/timeline';

/** A timeline bar: main's counts for one bin, with where the bin starts and ends. */
export interface Bin extends TimelineBin {
  fromMs: number;
  toMs: number;
}

export function withSpans(bins: readonly TimelineBin[], domain: Domain): Bin[] {
  return bins.map((bin) => ({ ...bin, ...binSpan(domain, bins.length, bin.index) }));
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
