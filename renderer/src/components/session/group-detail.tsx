import { useState } from 'react';
import type { ErrorGroup, LogEvent, SessionInfo } from '../../../../shared/domain/correlation';
import { useCopy } from '../../hooks/use-copy';
import { useOpenExternal } from '../../hooks/use-open-external';
import { useReplayUrl } from '../../hooks/use-replay-url';
import { useTimeFormat } from '../../hooks/use-time-format';
import { groupContext } from '../../lib/context';
import { formatCount, formatOffset } from '../../lib/format';
import { groupToMarkdown } from '../../lib/markdown';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';
import { ContextLines } from './context-lines';
import { ExceptionView } from './exception-view';
import { SampleMessage } from './sample-message';
import { RelatedSessions } from './related-sessions';

export function GroupDetail({ group, session, sample }: { group: ErrorGroup; session: SessionInfo; sample: LogEvent | undefined }) {
  const toggleGroup = useStore((s) => s.toggleGroup);
  const fetchGroupContext = useStore((s) => s.fetchGroupContext);
  const [fetching, setFetching] = useState(false);
  const selectEvent = useStore((s) => s.selectEvent);
  const copy = useCopy();
  const time = useTimeFormat();
  const lastOffsetMs = group.offsetsMs[group.offsetsMs.length - 1] ?? group.firstOffsetMs;
  const openExternal = useOpenExternal();
  const replayAt = useReplayUrl(session)(group.firstOffsetMs, sample?.connectionId) ?? group.replayUrl;

  return (
    <section id="event-detail" className="detail-pane" tabIndex={-1} aria-label="Error group details" data-testid="group-detail">
      <div className="detail-header">
        <span className={`badge level-badge-${group.level}`}>{formatCount(group.count)}×</span>
        <span className="mono detail-type" data-testid="group-detail-type">
          {group.type}
        </span>
        <button
          type="button"
          className="btn btn-ghost btn-sm detail-close"
          onClick={() => toggleGroup(group.fingerprint)}
          aria-label="Close group (Esc)"
        >
          <Icon name="x" size={14} />
        </button>
      </div>
      <h2 className="detail-title" data-testid="group-detail-title">
        {group.title}
      </h2>
      <div className="detail-source faint">
        first at{' '}
        <span className="mono" data-testid="group-first-seen">
          {formatOffset(group.firstOffsetMs)} ({time.stamp(group.firstSeen)})
        </span>
        , last at{' '}
        <span className="mono">
          {formatOffset(lastOffsetMs)} ({time.clockFrom(group.lastSeen, session.start)})
        </span>{' '}
        · {group.connection} · <span className="mono">{group.logGroup}</span>
      </div>
      <div className="detail-actions">
        <button
          type="button"
          className="btn btn-sm"
          disabled={!replayAt}
          onClick={() => replayAt && void openExternal(replayAt)}
          data-testid="replay-at-moment"
        >
          <Icon name="play" size={14} /> Replay at {formatOffset(Math.max(0, group.firstOffsetMs))}
        </button>
        {sample && (
          <button type="button" className="btn btn-sm" onClick={() => selectEvent(sample.id)}>
            Show first event
          </button>
        )}
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => void copy(groupToMarkdown(group, session.id, replayAt), 'error group as Markdown')}
          data-testid="copy-markdown"
        >
          <Icon name="copy" size={14} /> Markdown
        </button>
      </div>
      {/* Scrollable: focusable so the keyboard can scroll it. */}
      <div className="detail-body" tabIndex={0} role="region" aria-label="Details content">
        {group.exception ? <ExceptionView exception={group.exception} /> : group.stack && <pre className="message-text">{group.stack}</pre>}
        {sample && <SampleMessage event={sample} />}
        {group.contextPending ? (
          <button
            type="button"
            className="btn btn-sm"
            disabled={fetching}
            onClick={() => {
              setFetching(true);
              void fetchGroupContext(group.fingerprint).finally(() => setFetching(false));
            }}
            title="The run fetched context lines for its largest groups; this one's are read now (GetLogEvents)"
            data-testid="fetch-context"
          >
            {fetching ? 'Fetching context lines…' : 'Fetch context lines'}
          </button>
        ) : (
          <ContextLines rows={groupContext(group, sample)} caption="Context in the log stream" sessionStart={session.start} />
        )}
        <RelatedSessions fingerprint={group.fingerprint} type={group.type} />
      </div>
    </section>
  );
}
