import { afterEach, describe, expect, it } from 'vitest';
import {
  dayDifference,
  formatClock,
  formatClockFrom,
  formatDate,
  formatOffset,
  formatTimestamp,
  zoneLabel,
} from '../../../shared/time/format-time';

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

// 2024-01-24T04:27:39.324Z: the expiry of the token in the design notes.
const at = Date.UTC(2024, 0, 24, 4, 27, 39, 324);

describe('formatTimestamp', () => {
  it('writes UTC with milliseconds and the zone, the same text ISO 8601 carries', () => {
    expect(formatTimestamp(at, 'utc')).toBe('2024-01-24 04:27:39.324 UTC');
    expect(formatTimestamp(at, 'utc')).toBe(`${new Date(at).toISOString().replace('T', ' ').replace('Z', '')} UTC`);
  });

  it('writes local time with the offset in force at that instant (DST included)', () => {
    process.env.TZ = 'Europe/Berlin';
    expect(formatTimestamp(at, 'local')).toBe('2024-01-24 05:27:39.324 UTC+01:00');
    expect(formatTimestamp(Date.UTC(2024, 6, 1, 12, 0, 0, 5), 'local')).toBe('2024-07-01 14:00:00.005 UTC+02:00');
    process.env.TZ = 'America/St_Johns';
    expect(zoneLabel(at, 'local')).toBe('UTC-03:30');
    process.env.TZ = 'UTC';
    expect(zoneLabel(at, 'local')).toBe('UTC+00:00');
  });

  it('says nothing it cannot know for an invalid time', () => {
    expect(formatTimestamp(Number.NaN, 'utc')).toBe('—');
    expect(formatClock(Number.POSITIVE_INFINITY, 'utc')).toBe('—');
    expect(formatDate(8.64e15 + 1, 'utc')).toBe('—');
  });
});

describe('clock times beside offsets', () => {
  it('drops the date and zone, which the surrounding view states once', () => {
    expect(formatClock(at, 'utc')).toBe('04:27:39.324');
    expect(formatDate(at, 'utc')).toBe('2024-01-24');
  });

  it('counts the days since the session start in the chosen zone', () => {
    const start = Date.UTC(2024, 0, 24, 23, 59, 0);
    const after = Date.UTC(2024, 0, 25, 0, 0, 1, 250);
    expect(formatClockFrom(after, start, 'utc')).toBe('00:00:01.250 +1d');
    expect(formatClockFrom(start - 60_000, start, 'utc')).toBe('23:58:00.000');
    expect(formatClockFrom(Date.UTC(2024, 0, 23, 23, 0), Date.UTC(2024, 0, 24, 0, 30), 'utc')).toBe('23:00:00.000 −1d');
    process.env.TZ = 'Asia/Tokyo';
    // 23:59 UTC is 08:59 the next morning in Tokyo: the same two instants share a local day.
    expect(dayDifference(after, start, 'local')).toBe(0);
  });
});

describe('formatOffset', () => {
  it('is signed, with milliseconds, hours only when needed', () => {
    expect(formatOffset(0)).toBe('+0:00.000');
    expect(formatOffset(95_123)).toBe('+1:35.123');
    expect(formatOffset(-20_000)).toBe('−0:20.000');
    expect(formatOffset(3_723_004)).toBe('+1:02:03.004');
    expect(formatOffset(300_000, false)).toBe('+5:00');
  });
});
