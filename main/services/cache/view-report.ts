import type { LogEvent } from '../../../shared/domain/correlation';
import type { SessionView } from '../../../shared/domain/session-view';
import type { CacheStore } from './cache-types';
import type { ReportSource } from './markdown-report';

/** A view of a cached run as a report source: counts from the view, each group's sample read from the cache. */
export function reportFromView(view: SessionView, cache: Pick<CacheStore, 'findEvent'>): ReportSource {
  const samples = new Map<string, LogEvent>();
  if (view.run) {
    for (const group of view.groups) {
      const found = cache.findEvent({ run: view.run, eventId: group.sampleEventId, timestamp: group.firstSeen });
      if (found) samples.set(group.sampleEventId, found.event);
    }
  }
  const { run: _run, facets, firstEvents: _first, domain: _domain, ...header } = view;
  return { ...header, levels: facets.levels, sampleOf: (id) => samples.get(id) };
}
