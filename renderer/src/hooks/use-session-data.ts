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
  eventsById: Map<string, LogEvent>;
}

export function useSessionData(result: CorrelationResult, filter: EventFilter): SessionData {
  const { events, groups, session } = result;
  const sorted = useMemo(() => sortGroups(groups), [groups]);
  const domain = useMemo(() => timelineDomain(events.map((e) => e.offsetMs), session.end - session.start), [events, session]);
  const counts = useMemo(() => facets(events), [events]);
  const eventsById = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const { bin, ...withoutBin } = filter;
  const { levels, logGroups, connections, text, fingerprint } = withoutBin;
  const inRange = useMemo(
    () => filterEvents(events, { levels, logGroups, connections, text, ...(fingerprint !== undefined && { fingerprint }) }),
    [events, levels, logGroups, connections, text, fingerprint],
  );
  const visible = useMemo(() => (bin ? filterEvents(inRange, { levels: [], logGroups: [], connections: [], text: '', bin }) : inRange), [inRange, bin]);
  return { groups: sorted, domain, facets: counts, inRange, visible, eventsById };
}
