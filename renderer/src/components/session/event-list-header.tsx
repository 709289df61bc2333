import { useTimeFormat } from '../../hooks/use-time-format';

/**
 * Column labels above the event rows (same grid): the time column names its zone once, so each
 * row can show just the clock with milliseconds (a row on another day than the session start,
 * shown in the header, says `+1d`).
 */
export function EventListHeader({ sessionStart }: { sessionStart: number }) {
  const time = useTimeFormat();
  return (
    <div className="event-list-header" data-testid="event-list-header">
      <span className="event-offset" title="Since the session start">Offset</span>
      <span className="event-time" data-testid="event-time-zone" title={`Clock time in ${time.label(sessionStart)}; the session started on ${time.date(sessionStart)}`}>
        {time.label(sessionStart)}
      </span>
      <span>Level</span>
      <span className="event-source">Source</span>
      <span>Message</span>
    </div>
  );
}
