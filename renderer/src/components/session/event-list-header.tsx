import { memo } from 'react';
import { useTimeFormat } from '../../hooks/use-time-format';
import { useStore } from '../../store/store';

/**
 * Column labels above the event rows (same grid): the time column names its zone once, so each
 * row can show just the clock with milliseconds (a row on another day than the session start,
 * shown in the header, says `+1d`).
 */
export const EventListHeader = memo(function EventListHeader({ sessionStart }: { sessionStart: number }) {
  const time = useTimeFormat();
  const wrapRows = useStore((s) => s.wrapRows);
  const setWrapRows = useStore((s) => s.setWrapRows);
  return (
    <div className="event-list-header" data-testid="event-list-header">
      <span className="event-offset" title="Since the session start">
        Offset
      </span>
      <span
        className="event-time"
        data-testid="event-time-zone"
        title={`Clock time in ${time.label(sessionStart)}; the session started on ${time.date(sessionStart)}`}
      >
        {time.label(sessionStart)}
      </span>
      <span>Level</span>
      <span className="event-source" title="The pod, container, task or host when the log's envelope names one, else the log group">
        Source
      </span>
      <span className="event-list-message-head">
        Message
        <button
          type="button"
          className="chip chip-xs"
          aria-pressed={wrapRows}
          onClick={() => setWrapRows(!wrapRows)}
          title="Show each row's whole message over as many lines as it needs"
          data-testid="wrap-rows"
        >
          Wrap lines
        </button>
      </span>
    </div>
  );
});
