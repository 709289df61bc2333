import type { LogGroupInfo } from '../../../shared/domain/connection';
import type { TimeWindow } from '../../../shared/domain/correlation';
import type { ScanEstimate } from '../../../shared/domain/scan-plan';
import { costUsd } from './queries/cost';

const DAY_MS = 86_400_000;

/**
 * Bytes an Insights query over `window` would scan in these groups, from DescribeLogGroups:
 * each group's storedBytes, taken as spread evenly over the time it holds events (its retention,
 * or its age when shorter or when it keeps events forever), times the part of that time the window
 * covers. Logs arrive in bursts, so this is an estimate, not a bound; a group without storedBytes
 * makes the whole estimate unknown (null), and an unknown cost never runs by itself.
 */
export function bytesFromStoredBytes(groups: readonly LogGroupInfo[], window: TimeWindow, now: number): number | null {
  let total = 0;
  for (const group of groups) {
    if (group.storedBytes === undefined) return null;
    const age = group.creationTime === undefined ? Number.POSITIVE_INFINITY : now - group.creationTime;
    const kept = group.retentionInDays === undefined ? Number.POSITIVE_INFINITY : group.retentionInDays * DAY_MS;
    const span = Math.min(age, kept);
    if (!Number.isFinite(span)) return null;
    if (span <= 0) {
      total += group.storedBytes;
      continue;
    }
    const overlap = Math.max(0, Math.min(window.to, now) - Math.max(window.from, now - span));
    total += group.storedBytes * Math.min(1, overlap / span);
  }
  return Math.round(total);
}

/** The last cached run of the same groups scanned `bytes` over its window: the same rate over this one. */
export function bytesFromLastRun(last: { bytesScanned: number; window: TimeWindow }, window: TimeWindow): number | null {
  const length = last.window.to - last.window.from;
  if (!(length > 0)) return null;
  return Math.round((last.bytesScanned / length) * (window.to - window.from));
}

export function toEstimate(bytes: number | null, basis: ScanEstimate['basis'], pricePerGb: number): ScanEstimate {
  return bytes === null ? { bytes: null, costUsd: null, basis: 'unknown' } : { bytes, costUsd: costUsd(bytes, pricePerGb), basis };
}

/** The run's estimate: unknown when any connection's is; built from the cache when any came from there. */
export function combineEstimates(parts: readonly ScanEstimate[], pricePerGb: number): ScanEstimate {
  if (parts.some((part) => part.bytes === null)) return { bytes: null, costUsd: null, basis: 'unknown' };
  const bytes = parts.reduce((sum, part) => sum + (part.bytes ?? 0), 0);
  return toEstimate(bytes, parts.some((part) => part.basis === 'last-run') ? 'last-run' : 'stored-bytes', pricePerGb);
}
