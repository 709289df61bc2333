/** Display formatting of sizes, costs, durations and counts; points in time: shared/time/format-time.ts. */
import { formatDate, type TimeZoneChoice } from '../../../shared/time/format-time';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

/** Costs are tiny (fractions of a cent), so small amounts keep significant digits instead of rounding to $0.00. */
export function formatCost(usd: number): string {
  if (!Number.isFinite(usd) || usd < 0) return '—';
  if (usd === 0) return '$0';
  if (usd < 0.0001) return '< $0.0001';
  if (usd < 1) return `$${usd.toPrecision(2).replace(/0+$/, '')}`;
  return `$${usd.toFixed(2)}`;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  const total = Math.abs(ms);
  if (total < 1000) return `${sign}${Math.round(total)} ms`;
  const seconds = Math.floor(total / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${sign}${h} h ${m} min`;
  if (m > 0) return `${sign}${m} min ${s} s`;
  return `${sign}${(total / 1000).toFixed(1)} s`;
}

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

// One formatter: toLocaleString builds a new Intl.NumberFormat on every call.
const counter = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return counter.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
