import { memo } from 'react';
import { eventSummary, type LogEvent } from '../../../../shared/domain/correlation';
import type { TimeFormat } from '../../hooks/use-time-format';
import { formatOffset } from '../../lib/format';
import { fullSource, shortSource, sourceTitle } from '../../lib/source';
import { LevelLabel } from './level-label';

/**
 * Wider than any screen shows in one row: the browser shapes the whole string even where the
 * ellipsis hides it, so a 5,000-character JSON line would cost every scrolled frame. Wrapped rows
 * show the whole summary (main bounds it).
 */
const ROW_CHARS = 400;

interface Props {
  event: LogEvent;
  index: number;
  top: number;
  selected: boolean;
  /** Absolute times: the clock in the chosen zone, the day counted from the session start. */
  time: TimeFormat;
  sessionStart: number;
  onSelect(index: number): void;
  /** Set when rows wrap: the virtualizer measures each row's height instead of assuming one line. */
  measure?: ((element: HTMLElement | null) => void) | undefined;
}

/** One line per event (or as many as its summary needs, when rows wrap); positioned by the virtualizer. */
export const EventRow = memo(function EventRow({ event, index, top, selected, time, sessionStart, onSelect, measure }: Props) {
  const summary = eventSummary(event);
  return (
    <div
      role="option"
      aria-selected={selected}
      id={`event-${index}`}
      data-index={index}
      ref={measure}
      className={`event-row level-row-${event.level}${selected ? ' is-selected is-active' : ''}${measure ? ' is-wrapped' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index)}
      data-testid="event-row"
      data-event-id={event.id}
    >
      <span className="event-offset num">{formatOffset(event.offsetMs)}</span>
      <span className="event-time num">{time.clockFrom(event.timestamp, sessionStart)}</span>
      <LevelLabel level={event.level} className="event-level" />
      <span className="event-source ellipsis" title={sourceTitle(event)} data-testid="event-source">
        <span className="source-full">{fullSource(event)}</span>
        <span className="source-short">{shortSource(event)}</span>
      </span>
      <span className="event-message ellipsis" data-testid="event-message">
        {measure ? summary : summary.slice(0, ROW_CHARS)}
      </span>
    </div>
  );
});
