/**
 * Sizes, costs, durations and counts as people read them — one format for the app, the CLI and the
 * Markdown report, so `orcw correlate`, `orcw cache` and the window never disagree about a "MB".
 * Points in time and offsets into a session: shared/time/format-time.ts.
 */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** Binary multiples (1 KB = 1,024 B), three significant digits; '—' for a size nobody knows. */
export function formatBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes) || bytes < 0) return '—';
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

/** A length of time: milliseconds below a second, then the two largest units. */
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

// One formatter: toLocaleString builds a new Intl.NumberFormat on every call.
const counter = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return counter.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
