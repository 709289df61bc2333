import { useMemo } from 'react';
import {
  formatClock,
  formatClockFrom,
  formatDate,
  formatTimestamp,
  zoneLabel,
  type TimeZoneChoice,
} from '../../../shared/time/format-time';
import { useStore } from '../store/store';

export interface TimeFormat {
  zone: TimeZoneChoice;
  /** `2024-01-24 04:27:39.324 UTC` */
  stamp(ms: number): string;
  /** `04:27:39.324` */
  clock(ms: number): string;
  /** `00:00:01.250 +1d` when the day is not the reference's (the session start). */
  clockFrom(ms: number, referenceMs: number): string;
  date(ms: number): string;
  /** `UTC` / `UTC+01:00`, at that instant. */
  label(ms: number): string;
}

export function timeFormat(zone: TimeZoneChoice): TimeFormat {
  return {
    zone,
    stamp: (ms) => formatTimestamp(ms, zone),
    clock: (ms) => formatClock(ms, zone),
    clockFrom: (ms, referenceMs) => formatClockFrom(ms, referenceMs, zone),
    date: (ms) => formatDate(ms, zone),
    label: (ms) => zoneLabel(ms, zone),
  };
}

/** Absolute times in the zone the user chose (settings, or the session view's Local/UTC toggle). */
export function useTimeFormat(): TimeFormat {
  const zone = useStore((s) => s.settings.timeZone);
  return useMemo(() => timeFormat(zone), [zone]);
}
