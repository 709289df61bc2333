import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { LogEvent } from '../../../../shared/domain/correlation';
import { useTimeFormat } from '../../hooks/use-time-format';
import { listKey, registerListNav } from '../../lib/list-nav';
import { useStore } from '../../store/store';
import { EVENT_LIST_ID } from '../shell/skip-links';
import { EventRow } from './event-row';

const ROW_HEIGHT = 24;

/** Virtualized: only the rows on screen exist, so 100,000 events scroll like 100. */
export function EventList({ events, sessionStart }: { events: readonly LogEvent[]; sessionStart: number }) {
  const time = useTimeFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedEventId = useStore((s) => s.selectedEventId);
  const selectEvent = useStore((s) => s.selectEvent);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const selectedIndex = useMemo(() => (selectedEventId === null ? -1 : events.findIndex((e) => e.id === selectedEventId)), [events, selectedEventId]);
  const state = useRef({ events, selectedIndex });
  state.current = { events, selectedIndex };

  const selectIndex = useCallback(
    (index: number) => {
      const list = state.current.events;
      if (list.length === 0) return;
      const clamped = Math.max(0, Math.min(list.length - 1, index));
      selectEvent(list[clamped]?.id ?? null);
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
    },
    [selectEvent, virtualizer],
  );
  const move = useCallback((delta: number) => selectIndex(state.current.selectedIndex === -1 ? (delta > 0 ? 0 : state.current.events.length - 1) : state.current.selectedIndex + delta), [selectIndex]);
  const open = useCallback(() => {
    if (state.current.selectedIndex === -1) selectIndex(0);
    else document.getElementById('event-detail')?.focus();
  }, [selectIndex]);

  useEffect(() => registerListNav({ move, open }), [move, open]);
  // Selections made elsewhere (search hit, "show first event") scroll into view too.
  useEffect(() => {
    if (state.current.selectedIndex >= 0) virtualizer.scrollToIndex(state.current.selectedIndex, { align: 'auto' });
  }, [selectedEventId, virtualizer]);

  const onKeyDown = (event: KeyboardEvent) => {
    const action = listKey(event);
    if (action === undefined) {
      if (event.key === 'Home') selectIndex(0);
      else if (event.key === 'End') selectIndex(state.current.events.length - 1);
      else return;
      event.preventDefault();
      return;
    }
    event.preventDefault();
    if (action === 'open') open();
    else move(action);
  };

  return (
    <div
      id={EVENT_LIST_ID}
      className="event-list keynav-list"
      ref={scrollRef}
      role="listbox"
      aria-label="Events"
      aria-activedescendant={selectedIndex >= 0 ? `event-${selectedIndex}` : undefined}
      tabIndex={0}
      data-keynav
      onKeyDown={onKeyDown}
      data-testid="event-list"
      data-count={events.length}
    >
      {events.length === 0 ? (
        <div className="empty small">No events match the filters.</div>
      ) : (
        <div className="event-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const event = events[item.index];
            return event ? <EventRow key={event.id} event={event} index={item.index} top={item.start} selected={item.index === selectedIndex} time={time} sessionStart={sessionStart} onSelect={selectIndex} /> : null;
          })}
        </div>
      )}
    </div>
  );
}
