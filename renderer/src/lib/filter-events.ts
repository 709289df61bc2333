import type { Level } from '../../../shared/domain/correlation';
import type { EventFilter, FacetCounts } from '../../../shared/domain/session-view';

export type { BinSelection, EventFilter } from '../../../shared/domain/session-view';

/** The filters themselves are applied in the cache (main): the renderer only keeps their state. */
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

/** The filter the timeline shows: everything but the selected bin. */
export function withoutBin(filter: EventFilter): EventFilter {
  const { bin: _bin, ...rest } = filter;
  return rest;
}

export interface Facets {
  levels: Map<Level, number>;
  logGroups: Map<string, number>;
  connections: Map<string, number>;
}

/** Main's facet counts as maps, for the filter bar. */
export function facetsOf(counts: FacetCounts): Facets {
  return { levels: new Map(counts.levels), logGroups: new Map(counts.logGroups), connections: new Map(counts.connections) };
}

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}
