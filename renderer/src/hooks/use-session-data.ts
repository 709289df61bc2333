import { useMemo } from 'react';
import type { CorrelationResult, ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import { timelineDomain, type Domain } from '../lib/binning';
import { facets, filterEvents, type EventFilter, type Facets } from '../lib/filter-events';
import { sortGroups } from '../lib/sort-groups';

export interface SessionData {
  groups: ErrorGroup[];
  domain: Domain;
  facets: Facets;
  /** Filtered by everything except the timeline bin: what the timeline shows. */
  inRange: readonly LogEvent[];
  /** What the list shows. */
  visible: readonly LogEvent[];
  /** Built on first use: most views of a session never look an event up by id. */
  eventById(id: string): LogEvent | undefined;
}

export function useSessionData(result: CorrelationResult, filter: EventFilter): SessionData {
  const { events, groups, session } = result;
  const sorted = useMemo(() => sortGroups(groups), [groups]);
  const domain = useMemo(() => timelineDomain(events, session.end - session.start), [events, session]);
  const counts = useMemo(() => facets(events), [events]);
  const eventById = useMemo(() => lazyIndex(events), [events]);
  const { bin, ...withoutBin } = filter;
  const { levels, logGroups, connections, text, fingerprint } = withoutBin;
  const inRange = useMemo(
    () => filterEvents(events, { levels, logGroups, connections, text, ...(fingerprint !== undefined && { fingerprint }) }),
    [events, levels, logGroups, connections, text, fingerprint],
  );
  const visible = useMemo(() => (bin ? filterEvents(inRange, { levels: [], logGroups: [], connections: [], text: '', bin }) : inRange), [inRange, bin]);
  return { groups: sorted, domain, facets: counts, inRange, visible, eventById };
}

function lazyIndex(events: readonly LogEvent[]): (id: string) => LogEvent | undefined {
  let index: Map<string, LogEvent> | undefined;
  return (id) => {
    if (!index) {
      index = new Map();
      for (const event of events) index.set(event.id, event);
    }
    return index.get(id);
  };
}
