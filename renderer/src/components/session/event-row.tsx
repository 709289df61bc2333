import { memo } from 'react';
import { eventSummary, type LogEvent } from '../../../../shared/domain/correlation';
import { sourceField } from '../../../../shared/domain/log-parts';
import type { TimeFormat } from '../../hooks/use-time-format';
import { formatOffset } from '../../lib/format';
import { sourceTitle } from '../../lib/source';
import { LEVEL_LABEL } from '../../lib/levels';

/**
 * Wider than any screen shows in one row: the browser shapes the whole string even where the
 * ellipsis hides it, so a 5,000-character JSON line would cost every scrolled frame.
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
}

function sourceLine(event: LogEvent): string {
  const field = sourceField(event.fields);
  return field === undefined ? event.logGroup : `${event.logGroup} · ${field}`;
}

/** One line per event; positioned by the virtualizer. */
export const EventRow = memo(function EventRow({ event, index, top, selected, time, sessionStart, onSelect }: Props) {
  return (
    <div
      role="option"
      aria-selected={selected}
      id={`event-${index}`}
      className={`event-row level-row-${event.level}${selected ? ' is-selected is-active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(index)}
      data-testid="event-row"
      data-event-id={event.id}
    >
      <span className="event-offset num">{formatOffset(event.offsetMs)}</span>
      <span className="event-time num">{time.clockFrom(event.timestamp, sessionStart)}</span>
      <span className={`event-level level level-${event.level}`}>{LEVEL_LABEL[event.level]}</span>
      <span className="event-source ellipsis" title={sourceTitle(event)}>
        {sourceLine(event)}
      </span>
      <span className="event-message ellipsis">{eventSummary(event).slice(0, ROW_CHARS)}</span>
    </div>
  );
});
