import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import type { EventFilter, RunRef, SessionView } from '../../../shared/domain/session-view';
import { call } from '../lib/api';
import { withSpans, type Bin, type Domain } from '../lib/binning';
import { EventPages } from '../lib/event-pages';
import { facetsOf, isFilterActive, withoutBin, type Facets } from '../lib/filter-events';
import { sortGroups } from '../lib/sort-groups';

export interface SessionData {
  groups: ErrorGroup[];
  domain: Domain;
  facets: Facets;
  /** The events the list shows (the filter applied in the cache), a page at a time. */
  pages: EventPages;
  /** How many events the filter shows; undefined until main has counted them. */
  shown: number | undefined;
}

const fetchPage: ConstructorParameters<typeof EventPages>[2] = (request) => call((api) => api.readEvents(request));

/**
 * The session view's data: groups, facets and the timeline's extent come with the view; the list's
 * events are read by range from the cache for the current filter.
 */
export function useSessionData(view: SessionView, filter: EventFilter): SessionData {
  const groups = useMemo(() => sortGroups(view.groups), [view.groups]);
  const facets = useMemo(() => facetsOf(view.facets), [view.facets]);
  // The store makes a new filter object on every change; its content is what matters.
  const key = JSON.stringify(filter);
  const pages = useMemo(
    () =>
      new EventPages(
        view.run,
        filter,
        fetchPage,
        isFilterActive(filter) ? undefined : { events: view.firstEvents, total: view.eventCount },
      ),
    // `key` stands for the filter's content.
    [view, key],
  );
  useEffect(() => () => pages.close(), [pages]);
  useSyncExternalStore(
    (listener) => pages.subscribe(listener),
    () => pages.version,
  );
  return { groups, domain: view.domain, facets, pages, shown: pages.total };
}

/** The timeline's bars for the filter (its bin aside), counted by main for `count` bins. */
export function useTimelineBins(run: RunRef | undefined, filter: EventFilter, domain: Domain, count: number): Bin[] {
  const [bins, setBins] = useState<Bin[]>([]);
  const key = JSON.stringify([run, withoutBin(filter), domain, count]);
  useEffect(() => {
    if (!run || count <= 0) {
      setBins(Array.from({ length: Math.max(0, count) }, (_, index) => ({ index, total: 0, errors: 0, warnings: 0, fromMs: 0, toMs: 0 })));
      return;
    }
    let current = true;
    void call((api) => api.readTimeline({ run, filter: withoutBin(filter), domain, count })).then((result) => {
      if (current && result.ok) setBins(withSpans(result.value, domain));
    });
    return () => {
      current = false;
    };
    // `key` stands for run, filter, domain and count.
  }, [key]);
  return bins;
}

/** One event by id: from the pages already read, else from the cache. */
export function useEvent(run: RunRef | undefined, pages: EventPages, id: string | null, timestamp?: number): LogEvent | undefined {
  const loaded = id === null ? undefined : pages.find(id);
  const [fetched, setFetched] = useState<LogEvent | undefined>();
  useEffect(() => {
    setFetched(undefined);
    if (id === null || loaded || !run) return;
    let current = true;
    void call((api) => api.findEvent({ run, eventId: id, ...(timestamp === undefined ? {} : { timestamp }) })).then((result) => {
      if (current && result.ok && result.value) setFetched(result.value.event);
    });
    return () => {
      current = false;
    };
  }, [run, id, timestamp, loaded]);
  return loaded ?? (fetched?.id === id ? fetched : undefined);
}
