/**
 * The one way orcw writes a point in time, in the app, the CLI and reports:
 *
 *   2024-01-24 04:27:39.324 UTC          (zone 'utc')
 *   2024-01-24 05:27:39.324 UTC+01:00    (zone 'local', the offset in force at that instant)
 *
 * Milliseconds always: log lines of one request are often within the same second, and lining
 * them up with a replay or another tool needs the exact instant. The zone is always named, so a
 * time pasted into a ticket cannot be read in the wrong zone. Offsets into a session are written
 * `+m:ss.mmm` (or `+h:mm:ss.mmm`), negative before the start (the query margin).
 */
export type TimeZoneChoice = 'local' | 'utc';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Parts {
  year: number;
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  millis: number;
}

function partsOf(ms: number, zone: TimeZoneChoice): Parts {
  const d = new Date(ms);
  return zone === 'utc'
    ? {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hours: d.getUTCHours(),
        minutes: d.getUTCMinutes(),
        seconds: d.getUTCSeconds(),
        millis: d.getUTCMilliseconds(),
      }
    : {
        year: d.getFullYear(),
        month: d.getMonth() + 1,
        day: d.getDate(),
        hours: d.getHours(),
        minutes: d.getMinutes(),
        seconds: d.getSeconds(),
        millis: d.getMilliseconds(),
      };
}

const valid = (ms: number) => Number.isFinite(ms) && !Number.isNaN(new Date(ms).getTime());

/** `UTC` or `UTC+01:00` / `UTC-05:30`: the local offset can differ between two instants (DST). */
export function zoneLabel(ms: number, zone: TimeZoneChoice): string {
  if (zone === 'utc') return 'UTC';
  const offset = valid(ms) ? -new Date(ms).getTimezoneOffset() : 0;
  if (offset === 0) return 'UTC+00:00';
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2024-01-24` in the chosen zone. */
export function formatDate(ms: number, zone: TimeZoneChoice): string {
  if (!valid(ms)) return '—';
  const p = partsOf(ms, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** `04:27:39.324`: for rows and axes that state the date and zone once, nearby. */
export function formatClock(ms: number, zone: TimeZoneChoice): string {
  if (!valid(ms)) return '—';
  const p = partsOf(ms, zone);
  return `${pad(p.hours)}:${pad(p.minutes)}:${pad(p.seconds)}.${pad(p.millis, 3)}`;
}

/** The full form: date, time with milliseconds, zone. */
export function formatTimestamp(ms: number, zone: TimeZoneChoice): string {
  if (!valid(ms)) return '—';
  return `${formatDate(ms, zone)} ${formatClock(ms, zone)} ${zoneLabel(ms, zone)}`;
}

/**
 * Whole days between the calendar dates of two instants in the zone, so a row that crossed
 * midnight since `referenceMs` (the session start) can say so next to its clock time.
 */
export function dayDifference(ms: number, referenceMs: number, zone: TimeZoneChoice): number {
  if (!valid(ms) || !valid(referenceMs)) return 0;
  const day = (t: number) => {
    const p = partsOf(t, zone);
    return Date.UTC(p.year, p.month - 1, p.day) / 86_400_000;
  };
  return day(ms) - day(referenceMs);
}

/** A clock time that names the day when it is not the reference's: `00:00:01.250 +1d`. */
export function formatClockFrom(ms: number, referenceMs: number, zone: TimeZoneChoice): string {
  const days = dayDifference(ms, referenceMs, zone);
  const clock = formatClock(ms, zone);
  return days === 0 ? clock : `${clock} ${days > 0 ? '+' : '−'}${Math.abs(days)}d`;
}

/** `+m:ss.mmm` (or `+h:mm:ss.mmm`) since the session start; `−` for lines in the margin before it. */
export function formatOffset(ms: number, withMillis = true): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '+';
  const total = Math.round(Math.abs(ms));
  const millis = total % 1000;
  const seconds = Math.floor(total / 1000) % 60;
  const minutes = Math.floor(total / 60_000) % 60;
  const hours = Math.floor(total / 3_600_000);
  const body = hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
  return withMillis ? `${sign}${body}.${pad(millis, 3)}` : `${sign}${body}`;
}

/** The IANA name of the local zone (`Europe/Berlin`) where the platform knows it, for labels. */
export function localZoneName(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}
