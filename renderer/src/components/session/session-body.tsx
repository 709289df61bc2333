import type { CSSProperties } from 'react';
import type { CorrelateResponse } from '../../../../shared/domain/session-view';
import { useEvent, useSessionData } from '../../hooks/use-session-data';
import { useStore } from '../../store/store';
import { ErrorBoundary } from '../common/error-boundary';
import { ErrorGroups } from './error-groups';
import { EventDetail } from './event-detail';
import { EventList } from './event-list';
import { EventListHeader } from './event-list-header';
import { FilterBar } from './filter-bar';
import { GroupDetail } from './group-detail';
import { PaneDivider } from './pane-divider';
import { refreshReference, SessionHeader } from './session-header';
import { RunFailures } from './run-failures';
import { Timeline } from './timeline';
import { LiveBar } from '../live/live-bar';

export function SessionBody({ response }: { response: CorrelateResponse }) {
  const { result } = response;
  const filter = useStore((s) => s.filter);
  const openReference = useStore((s) => s.openReference);
  const selectedEventId = useStore((s) => s.selectedEventId);
  const selectedGroup = useStore((s) => s.selectedGroup);
  const detailSplit = useStore((s) => s.detailSplit);
  // Re-renders on every page of events the list reads while scrolling: the panes around the list
  // are memoized (their props do not change then), so only the list itself renders again.
  const data = useSessionData(result, filter);
  const group = selectedGroup === null ? undefined : data.groups.find((g) => g.fingerprint === selectedGroup);
  const event = useEvent(result.run, data.pages, selectedEventId);
  const sample = useEvent(result.run, data.pages, group?.sampleEventId ?? null, group?.firstSeen);
  const eventGroup = event?.fingerprint === undefined ? undefined : data.groups.find((g) => g.fingerprint === event.fingerprint);
  const lastOffset = result.eventCount > 0 ? data.domain.toMs : undefined;
  const detail = event ? (
    <EventDetail event={event} session={result.session} run={result.run} group={eventGroup} />
  ) : group ? (
    <GroupDetail group={group} session={result.session} sample={sample} />
  ) : null;

  return (
    <>
      <SessionHeader response={response} lastOffsetMs={lastOffset} />
      <LiveBar view={result} />
      <RunFailures failures={result.failures} onRetry={() => void openReference(refreshReference(response), 'refresh')} />
      <div className={`session-grid${detail ? ' has-detail' : ''}`} style={{ '--detail-split': `${detailSplit}%` } as CSSProperties}>
        <ErrorGroups groups={data.groups} domain={data.domain} sessionId={result.session.id} sessionStart={result.session.start} />
        <section className="events-pane" aria-labelledby="events-heading">
          <h2 id="events-heading" className="visually-hidden">
            Events
          </h2>
          <Timeline run={result.run} filter={filter} domain={data.domain} group={group} sessionStart={result.session.start} />
          <FilterBar facets={data.facets} shown={data.shown} total={result.eventCount} group={group} />
          <EventListHeader sessionStart={result.session.start} />
          <EventList pages={data.pages} run={result.run} filter={filter} sessionStart={result.session.start} />
        </section>
        {detail && <PaneDivider />}
        {detail && (
          <ErrorBoundary area="event details" resetKey={selectedEventId ?? selectedGroup}>
            {detail}
          </ErrorBoundary>
        )}
      </div>
    </>
  );
}
