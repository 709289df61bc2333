import type { Level, LogEvent } from '../../../shared/domain/correlation';
import { binIndex, type Domain } from './binning';

export interface BinSelection {
  domain: Domain;
  count: number;
  index: number;
}

export interface EventFilter {
  /** Empty means every level. */
  levels: readonly Level[];
  logGroups: readonly string[];
  connections: readonly string[];
  text: string;
  /** A timeline bin: matched by bin index so the list agrees exactly with the bar that was clicked. */
  bin?: BinSelection;
  fingerprint?: string;
}

export const emptyFilter: EventFilter = { levels: [], logGroups: [], connections: [], text: '' };

export function isFilterActive(filter: EventFilter): boolean {
  return (
    filter.levels.length > 0 ||
    filter.logGroups.length > 0 ||
    filter.connections.length > 0 ||
    filter.text.trim() !== '' ||
    filter.bin !== undefined ||
    filter.fingerprint !== undefined
  );
}

// Lower-cased once per event: typing in the filter re-scans up to 100,000 messages per keystroke.
const haystacks = new WeakMap<LogEvent, string>();
function haystack(event: LogEvent): string {
  let text = haystacks.get(event);
  if (text === undefined) {
    text = `${event.message}\n${event.logStream}`.toLowerCase();
    haystacks.set(event, text);
  }
  return text;
}

export function filterEvents(events: readonly LogEvent[], filter: EventFilter): readonly LogEvent[] {
  if (!isFilterActive(filter)) return events;
  const levels = filter.levels.length > 0 ? new Set(filter.levels) : undefined;
  const groups = filter.logGroups.length > 0 ? new Set(filter.logGroups) : undefined;
  const connections = filter.connections.length > 0 ? new Set(filter.connections) : undefined;
  const needle = filter.text.trim().toLowerCase();
  const bin = filter.bin;
  return events.filter(
    (event) =>
      (!levels || levels.has(event.level)) &&
      (!groups || groups.has(event.logGroup)) &&
      (!connections || connections.has(event.connection)) &&
      (filter.fingerprint === undefined || event.fingerprint === filter.fingerprint) &&
      (!bin || binIndex(event.offsetMs, bin.domain, bin.count) === bin.index) &&
      (needle === '' || haystack(event).includes(needle)),
  );
}

export interface Facets {
  levels: Map<Level, number>;
  logGroups: Map<string, number>;
  connections: Map<string, number>;
}

/** One pass, counting runs: consecutive events mostly share their log group and connection. */
export function facets(events: readonly LogEvent[]): Facets {
  const result: Facets = { levels: new Map(), logGroups: new Map(), connections: new Map() };
  const add = (map: Map<string, number>, key: string | undefined, n: number) => {
    if (key !== undefined && n > 0) map.set(key, (map.get(key) ?? 0) + n);
  };
  const levels: Partial<Record<Level, number>> = {};
  let group: string | undefined;
  let groupRun = 0;
  let connection: string | undefined;
  let connectionRun = 0;
  for (const event of events) {
    levels[event.level] = (levels[event.level] ?? 0) + 1;
    if (event.logGroup === group) groupRun += 1;
    else {
      add(result.logGroups, group, groupRun);
      group = event.logGroup;
      groupRun = 1;
    }
    if (event.connection === connection) connectionRun += 1;
    else {
      add(result.connections, connection, connectionRun);
      connection = event.connection;
      connectionRun = 1;
    }
  }
  add(result.logGroups, group, groupRun);
  add(result.connections, connection, connectionRun);
  for (const [level, n] of Object.entries(levels) as [Level, number][]) result.levels.set(level, n);
  return result;
}

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}
