const INSIGHTS_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/;
const MAX_CACHED_SECONDS = 4_096;
const secondCache = new Map<string, number>();

/**
 * Parses Logs Insights' `@timestamp` (`YYYY-MM-DD HH:MM:SS.mmm`, always UTC) into epoch ms.
 * `Date.parse` would read the space-separated form as local time on some engines, so the
 * fields are taken apart by hand. Returns undefined for anything else, including impossible dates.
 */
export function parseInsightsTimestamp(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  // Fast path for the exact Insights form: the rows of one run share few distinct seconds, so
  // the date arithmetic is done once per second.
  if (value.length === 23 && value.charCodeAt(19) === 0x2e /* . */) {
    const millis = threeDigits(value, 20);
    if (millis >= 0) {
      const prefix = value.slice(0, 19);
      let base = secondCache.get(prefix);
      if (base === undefined) {
        base = parseSlow(prefix);
        if (base === undefined) return undefined;
        if (secondCache.size >= MAX_CACHED_SECONDS) secondCache.clear();
        secondCache.set(prefix, base);
      }
      return base + millis;
    }
  }
  return parseSlow(value);
}

function threeDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  const c = text.charCodeAt(at + 2) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 && c >= 0 && c <= 9 ? a * 100 + b * 10 + c : -1;
}

function parseSlow(value: string): number | undefined {
  const m = INSIGHTS_TIME_RE.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 2024-02-30 over into March; a real Insights timestamp never does.
  if (new Date(time).getUTCDate() !== day) return undefined;
  return time;
}
