import type { TimeWindow } from '../../../shared/domain/correlation';

export interface CoveredWindow extends TimeWindow {
  complete: boolean;
}

/**
 * The parts of `target` that no complete cached run covers, so a refresh queries (and pays for)
 * only those. Windows are inclusive at both ends, in milliseconds, like CloudWatch's start and
 * end times; an incomplete run covers nothing because its gaps are unknown.
 */
export function uncoveredWindows(target: TimeWindow, covered: readonly CoveredWindow[]): TimeWindow[] {
  const spans = covered.filter((c) => c.complete && c.to >= target.from && c.from <= target.to).sort((a, b) => a.from - b.from);
  const gaps: TimeWindow[] = [];
  let cursor = target.from;
  for (const span of spans) {
    if (span.from > cursor) gaps.push({ from: cursor, to: Math.min(span.from - 1, target.to) });
    cursor = Math.max(cursor, span.to + 1);
    if (cursor > target.to) return gaps;
  }
  if (cursor <= target.to) gaps.push({ from: cursor, to: target.to });
  return gaps;
}
