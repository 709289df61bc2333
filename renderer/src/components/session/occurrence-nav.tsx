import { useEffect, useState } from 'react';
import type { ErrorGroup, LogEvent } from '../../../../shared/domain/correlation';
import type { EventFilter, RunRef } from '../../../../shared/domain/session-view';
import { call } from '../../lib/api';
import { emptyFilter } from '../../lib/filter-events';
import { formatCount } from '../../lib/format';
import { useStore } from '../../store/store';

/**
 * Steps through the occurrences of the event's error group in time order, whatever the list's
 * own filters: the cache says where this one is among them and which is before and after it.
 */
export function OccurrenceNav({ run, event, group }: { run: RunRef | undefined; event: LogEvent; group: ErrorGroup }) {
  const selectEvent = useStore((s) => s.selectEvent);
  const filter: EventFilter = { ...emptyFilter, fingerprint: group.fingerprint };
  const index = useOccurrenceIndex(run, event, filter);
  const [moving, setMoving] = useState(false);
  const step = async (delta: number) => {
    if (!run || index === undefined) return;
    setMoving(true);
    const page = await call((api) => api.readEvents({ run, filter, offset: index + delta, limit: 1 }));
    setMoving(false);
    const next = page.ok ? page.value.events[0] : undefined;
    if (next) selectEvent(next.id);
  };
  const known = index !== undefined;
  return (
    <div className="occurrence-nav" role="group" aria-label="Occurrences of this error group" data-testid="occurrence-nav">
      <button
        type="button"
        className="btn btn-sm"
        disabled={!known || moving || index === 0}
        onClick={() => void step(-1)}
        data-testid="occurrence-previous"
      >
        ‹ Previous
      </button>
      <span className="num" data-testid="occurrence-position" aria-live="polite">
        {known ? `Occurrence ${formatCount(index + 1)} of ${formatCount(group.count)}` : `${formatCount(group.count)} occurrences`}
      </span>
      <button
        type="button"
        className="btn btn-sm"
        disabled={!known || moving || index + 1 >= group.count}
        onClick={() => void step(1)}
        data-testid="occurrence-next"
      >
        Next ›
      </button>
    </div>
  );
}

function useOccurrenceIndex(run: RunRef | undefined, event: LogEvent, filter: EventFilter): number | undefined {
  const [found, setFound] = useState<{ id: string; index: number }>();
  const fingerprint = filter.fingerprint;
  useEffect(() => {
    if (!run) return;
    let current = true;
    void call((api) => api.findEvent({ run, eventId: event.id, timestamp: event.timestamp, filter: { ...emptyFilter, fingerprint } })).then(
      (result) => {
        if (current && result.ok && result.value?.index !== undefined) setFound({ id: event.id, index: result.value.index });
      },
    );
    return () => {
      current = false;
    };
  }, [run, event.id, event.timestamp, fingerprint]);
  return found?.id === event.id ? found.index : undefined;
}
