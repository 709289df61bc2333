import { useEffect, useState } from 'react';
import type { ErrorGroup, LogEvent, SessionInfo } from '../../../../shared/domain/correlation';
import type { RunRef } from '../../../../shared/domain/session-view';
import { call } from '../../lib/api';
import { useCopy } from '../../hooks/use-copy';
import { useOpenExternal } from '../../hooks/use-open-external';
import { useReplayUrl } from '../../hooks/use-replay-url';
import { useTimeFormat } from '../../hooks/use-time-format';
import { groupContext, neighbourContext } from '../../lib/context';
import { formatOffset } from '../../lib/format';
import { LEVEL_LABEL } from '../../lib/levels';
import { eventToMarkdown, eventToText } from '../../lib/markdown';
import { sourceTitle } from '../../lib/source';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';
import { ContextLines } from './context-lines';
import { UNKNOWN_LEVEL } from './level-label';
import { MessageBody } from './message-body';
import { OccurrenceNav } from './occurrence-nav';

const NEIGHBOURS = 5;

interface Props {
  event: LogEvent;
  session: SessionInfo;
  run: RunRef | undefined;
  group: ErrorGroup | undefined;
}

export function EventDetail({ event, session, run, group }: Props) {
  const neighbours = useNeighbours(run, event);
  const selectEvent = useStore((s) => s.selectEvent);
  const copy = useCopy();
  const time = useTimeFormat();
  const openExternal = useOpenExternal();
  const replayAt = useReplayUrl(session)(event.offsetMs, event.connectionId);
  const context =
    group && group.sampleEventId === event.id && group.contextBefore.length + group.contextAfter.length > 0
      ? { rows: groupContext(group, event), caption: 'Context in the log stream' }
      : { rows: neighbourContext(neighbours, event), caption: 'Nearby lines of this session in the same stream' };

  return (
    <section
      id="event-detail"
      className="detail-pane"
      tabIndex={-1}
      aria-label="Event details"
      data-testid="event-detail"
      data-timestamp={event.timestamp}
    >
      <div className="detail-header">
        <span className={`badge level-badge-${event.level}`} title={event.level === 'unknown' ? UNKNOWN_LEVEL : undefined}>
          {event.level === 'unknown' ? 'No level' : LEVEL_LABEL[event.level]}
        </span>
        <span className="mono num">{formatOffset(event.offsetMs)}</span>
        <span className="muted num" data-testid="event-timestamp">
          {time.stamp(event.timestamp)}
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-sm detail-close"
          onClick={() => selectEvent(null)}
          aria-label="Close details (Esc)"
          title="Close (Esc)"
        >
          <Icon name="x" size={14} />
        </button>
      </div>
      <div className="detail-source faint" title={sourceTitle(event)}>
        {event.connection} · <span className="mono">{event.logGroup}</span> · <span className="mono">{event.logStream}</span>
      </div>
      {event.fields && (
        <dl className="detail-fields mono" data-testid="event-fields">
          {Object.entries(event.fields).map(([name, value]) => (
            <div key={name} className="detail-field">
              <dt>{name}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {group && <OccurrenceNav run={run} event={event} group={group} />}
      <div className="detail-actions">
        <button
          type="button"
          className="btn btn-sm"
          disabled={!replayAt}
          onClick={() => replayAt && void openExternal(replayAt)}
          title={replayAt ?? 'No replay URL known for this session'}
          data-testid="replay-at-moment"
        >
          <Icon name="play" size={14} /> Replay at {formatOffset(Math.max(0, event.offsetMs))}
        </button>
        <button type="button" className="btn btn-sm" onClick={() => void copy(eventToText(event), 'event')} data-testid="copy-event">
          <Icon name="copy" size={14} /> Copy
        </button>
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => void copy(eventToMarkdown(event, session.id, replayAt), 'event as Markdown')}
          data-testid="copy-markdown"
        >
          <Icon name="copy" size={14} /> Markdown
        </button>
      </div>
      {/* Scrollable: focusable so the keyboard can scroll it. */}
      <div className="detail-body" tabIndex={0} role="region" aria-label="Details content">
        <MessageBody event={event} />
        <ContextLines rows={context.rows} caption={context.caption} sessionStart={session.start} />
      </div>
    </section>
  );
}

/** The session's lines of the event's stream around it, read from the cache. */
function useNeighbours(run: RunRef | undefined, event: LogEvent): LogEvent[] {
  const [found, setFound] = useState<{ id: string; events: LogEvent[] }>();
  useEffect(() => {
    if (!run) return;
    let current = true;
    void call((api) => api.readNeighbours({ run, eventId: event.id, timestamp: event.timestamp, radius: NEIGHBOURS })).then((result) => {
      if (current && result.ok) setFound({ id: event.id, events: result.value });
    });
    return () => {
      current = false;
    };
  }, [run, event.id, event.timestamp]);
  return found?.id === event.id ? found.events : [];
}
