import type { Rng } from '../../rng';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let cachedDay = NaN;
let cachedDate = '';

/** `2024-01-23 04:25:01` — date formatting dominates generation time, so do it by hand. */
function isoSecond(ts: number): string {
  const day = Math.floor(ts / 86_400_000);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  const sec = Math.floor((ts - day * 86_400_000) / 1000);
  return `${cachedDate} ${TWO[Math.floor(sec / 3600)]}:${TWO[Math.floor(sec / 60) % 60]}:${TWO[sec % 60]}`;
}

/** `2024-01-23 04:25:01.123` (logback's default date). */
export function javaTime(ts: number): string {
  return `${isoSecond(ts)}.${String(Math.floor(ts) % 1000).padStart(3, '0')}`;
}

/** `2024/01/23 04:25:01` (Go's log package). */
export function goTime(ts: number): string {
  const s = isoSecond(ts);
  return `${s.slice(0, 4)}/${s.slice(5, 7)}/${s.slice(8)}`;
}

/** `23/Jan/2024:04:25:01 +0000` (common log format). */
export function clfTime(ts: number): string {
  const d = new Date(ts);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function ip(rng: Rng): string {
  return `10.0.${rng.int(0, 9)}.${rng.int(2, 250)}`;
}

export function ecsStreams(rng: Rng, name: string, n: number): string[] {
  return Array.from({ length: n }, () => `${name}/${name}/${rng.hex(32)}`);
}

export function path(rng: Rng): string {
  switch (rng.int(0, 5)) {
    case 0:
      return `/api/users/${rng.int(1000, 99999)}`;
    case 1:
      return '/api/cart';
    case 2:
      return `/api/orders/${rng.int(1000, 99999)}`;
    case 3:
      return `/api/products?page=${rng.int(1, 40)}`;
    case 4:
      return '/api/session';
    default:
      return '/api/search?q=shoes';
  }
}
