/** Display formatting of sizes, costs, durations and counts; points in time: shared/time/format-time.ts. */
import { formatDate, type TimeZoneChoice } from '../../../shared/time/format-time';

/** Sizes, costs, durations and counts have one format, shared with main's CLI and reports. */
export { formatBytes, formatCost, formatCount, formatDuration, plural } from '../../../shared/format/quantities';

/** Points in time and offsets have one format, shared with main's CLI and reports. */
export { formatOffset } from '../../../shared/time/format-time';

export function formatRelative(epochMs: number, now: number, zone: TimeZoneChoice = 'local'): string {
  const diff = now - epochMs;
  if (!Number.isFinite(diff)) return '—';
  if (diff < 0) return formatDate(epochMs, zone);
  const minutes = Math.floor(diff / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 30) return `${days} d ago`;
  return formatDate(epochMs, zone);
}
