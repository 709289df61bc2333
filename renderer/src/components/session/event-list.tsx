import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { EventFilter, RunRef } from '../../../../shared/domain/session-view';
import { usePinnedToEnd } from '../../hooks/use-pinned-to-end';
import { useTimeFormat } from '../../hooks/use-time-format';
import { call } from '../../lib/api';
import { PAGE_EVENTS, type EventPages } from '../../lib/event-pages';
import { listKey, registerListNav } from '../../lib/list-nav';
import { useStore } from '../../store/store';
import { EVENT_LIST_ID } from '../shell/skip-links';
import { EventRow } from './event-row';
import { FilteredEmpty } from './filtered-empty';
import { useKeepInView } from './use-keep-in-view';

const ROW_HEIGHT = 24;
/**
 * Pages are asked for this many rows before the view reaches them, either way: a page read from
 * the cache takes several frames to arrive, and rows reached before it are drawn twice (loading,
 * then filled in, a whole screen at once), the slowest frames of a scroll.
 */
const READ_AHEAD = PAGE_EVENTS / 2;

interface Props {
  pages: EventPages;
  run: RunRef | undefined;
  filter: EventFilter;
  sessionStart: number;
}

/**
 * Virtualized and paged: only the rows on screen exist, and only the pages around them are read
 * from the cache, so 150,000 events scroll like 100 and never sit in the renderer at once.
 */
export function EventList({ pages, run, filter, sessionStart }: Props) {
  const time = useTimeFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedEventId = useStore((s) => s.selectedEventId);
  const selectEvent = useStore((s) => s.selectEvent);
  const wrapRows = useStore((s) => s.wrapRows);
  const count = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  // Wrapped rows are as tall as their text: measured once drawn, from one line until then.
  useEffect(() => virtualizer.measure(), [virtualizer, wrapRows]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  useEffect(() => pages.want(first - READ_AHEAD, last + READ_AHEAD), [pages, first, last]);
  const selectedIndex = useSelectedIndex(pages, run, filter, selectedEventId);
  const state = useRef({ count, selectedIndex });
  state.current = { count, selectedIndex };

  const selectIndex = useCallback(
    (index: number) => {
      const total = state.current.count;
      if (total === 0) return;
      const clamped = Math.max(0, Math.min(total - 1, index));
      virtualizer.scrollToIndex(clamped, { align: 'auto' });
      const ready = pages.eventAt(clamped);
      if (ready) selectEvent(ready.id);
      else void pages.at(clamped).then((event) => event && selectEvent(event.id));
    },
    [pages, selectEvent, virtualizer],
  );
  const move = useCallback(
    (delta: number) =>
      selectIndex(state.current.selectedIndex === -1 ? (delta > 0 ? 0 : state.current.count - 1) : state.current.selectedIndex + delta),
    [selectIndex],
  );
  const open = useCallback(() => {
    if (state.current.selectedIndex === -1) selectIndex(0);
    else document.getElementById('event-detail')?.focus();
  }, [selectIndex]);

  useEffect(() => registerListNav({ move, open }), [move, open]);
  // While following live, new lines arrive at the end: a list left at its end stays there.
  const toEnd = useCallback(() => count > 0 && virtualizer.scrollToIndex(count - 1, { align: 'end' }), [count, virtualizer]);
  usePinnedToEnd(scrollRef, count, toEnd);
  // Selections made elsewhere (search hit, "show first event") scroll into view too.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  // …and stay in view when the list is resized (the detail pane opening, the divider dragged).
  useKeepInView(scrollRef, selectedIndex, virtualizer);

  const onKeyDown = (event: KeyboardEvent) => {
    const action = listKey(event);
    if (action === undefined) {
      if (event.key === 'Home') selectIndex(0);
      else if (event.key === 'End') selectIndex(state.current.count - 1);
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
      // Empty, it holds an explanation and its buttons, which a listbox may not (options only).
      role={pages.total === 0 ? 'group' : 'listbox'}
      aria-label="Events"
      aria-activedescendant={selectedIndex >= 0 && pages.eventAt(selectedIndex) ? `event-${selectedIndex}` : undefined}
      aria-busy={pages.total === undefined}
      tabIndex={0}
      data-keynav
      onKeyDown={onKeyDown}
      data-testid="event-list"
      {...(pages.total === undefined ? {} : { 'data-count': pages.total })}
    >
      {pages.total === 0 ? (
        <FilteredEmpty run={run} filter={filter} />
      ) : (
        <div className="event-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const event = pages.eventAt(item.index);
            return event ? (
              <EventRow
                key={event.id}
                event={event}
                index={item.index}
                top={item.start}
                selected={item.index === selectedIndex}
                time={time}
                sessionStart={sessionStart}
                onSelect={selectIndex}
                measure={wrapRows ? virtualizer.measureElement : undefined}
              />
            ) : (
              <div
                key={`loading-${item.index}`}
                className="event-row is-loading"
                style={{ transform: `translateY(${item.start}px)` }}
                aria-hidden="true"
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

/**
 * Where the selected event is in the list: among the pages read, else asked of the cache (a search
 * hit or a group's first event may sit on a page not read yet); -1 when the filter hides it.
 */
function useSelectedIndex(pages: EventPages, run: RunRef | undefined, filter: EventFilter, id: string | null): number {
  const loaded = id === null ? -1 : pages.indexOf(id);
  const [found, setFound] = useState<{ id: string; index: number } | undefined>();
  useEffect(() => {
    if (id === null || loaded !== -1 || !run) return;
    let current = true;
    void call((api) => api.findEvent({ run, eventId: id, filter })).then((result) => {
      if (current && result.ok && result.value?.index !== undefined) setFound({ id, index: result.value.index });
    });
    return () => {
      current = false;
    };
  }, [pages, run, filter, id, loaded]);
  if (loaded !== -1) return loaded;
  return found?.id === id ? found.index : -1;
}
