import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionSummary } from '../../../../shared/domain/cache';
import type { AppErrorValue } from '../../../../shared/errors';
import { useListSelection } from '../../hooks/use-list-selection';
import { useTimeFormat } from '../../hooks/use-time-format';
import { call } from '../../lib/api';
import { formatRelative, plural } from '../../lib/format';
import { useStore } from '../../store/store';
import { InlineError } from '../common/inline-error';

export function RecentSessions() {
  const [sessions, setSessions] = useState<SessionSummary[] | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const openCached = useStore((s) => s.openCached);
  const time = useTimeFormat();
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    void call((api) => api.listCachedSessions({ limit: 50 })).then((result) => {
      if (result.ok) setSessions(result.value);
      else setError(result.error);
    });
  }, []);

  const list = sessions ?? [];
  const open = (index: number) => {
    const session = list[index];
    if (session) void openCached(session.sessionId);
  };
  const { active, setActive, onKeyDown } = useListSelection(list.length, open, true);
  // Deleting is a named cache operation; the row goes only once main confirms it is gone.
  const remove = async (index: number) => {
    const session = list[index];
    if (!session) return;
    const result = await call((api) => api.deleteCachedSession({ sessionId: session.sessionId }));
    if (!result.ok) return setError(result.error);
    setSessions(list.filter((s) => s.sessionId !== session.sessionId));
    setActive(Math.max(0, Math.min(index, list.length - 2)));
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'Delete') {
      event.preventDefault();
      void remove(active);
    } else onKeyDown(event);
  };

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  if (error) return <InlineError error={error} />;
  if (sessions === null) return <div className="empty">Loading recent sessions…</div>;
  if (sessions.length === 0) {
    return (
      <div className="empty" data-testid="recent-empty">
        <strong>No sessions yet</strong>
        Sessions you open are cached here, so you can review them again offline.
      </div>
    );
  }
  const now = Date.now();
  return (
    <ul className="recent-list" role="listbox" aria-label="Recent sessions" tabIndex={0} data-keynav onKeyDown={onListKeyDown} ref={listRef} data-testid="recent-sessions">
      {sessions.map((session, index) => (
        <li
          key={session.sessionId}
          role="option"
          aria-selected={index === active}
          data-index={index}
          className="recent-row"
          onClick={() => {
            setActive(index);
            open(index);
          }}
          data-testid="recent-session"
        >
          <span className={`status-dot ${session.errorGroupCount > 0 ? 'has-errors' : ''}`} aria-hidden="true" />
          <div className="recent-main">
            <div className="recent-title">
              <span className="mono">{session.sessionId}</span>
              {!session.complete && <span className="badge badge-warn">Partial</span>}
            </div>
            <div className="recent-errors ellipsis">
              {session.topErrors.length > 0 ? session.topErrors.slice(0, 3).join(' · ') : <span className="faint">No errors logged</span>}
            </div>
          </div>
          <div className="recent-meta">
            <div className="num">
              {plural(session.eventCount, 'event')} · <strong className={session.errorGroupCount > 0 ? 'level-error' : ''}>{plural(session.errorGroupCount, 'error group')}</strong>
            </div>
            <div className="recent-when" title={`Cached ${time.stamp(session.cachedAt)}`}>
              started {time.stamp(session.start)} · viewed {formatRelative(session.lastViewedAt, now, time.zone)}
            </div>
          </div>
          <button
            type="button"
            className="btn btn-ghost btn-sm recent-remove"
            title="Remove from the cache (Delete)"
            aria-label={`Remove session ${session.sessionId} from the cache`}
            data-testid="recent-remove"
            onClick={(event) => {
              event.stopPropagation();
              void remove(index);
            }}
          >
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
