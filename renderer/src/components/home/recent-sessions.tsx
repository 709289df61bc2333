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
  const listRef = useRef<HTMLDivElement>(null);

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
  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys on the row's Remove button are the button's own (Enter/Space press it).
    if (event.target !== event.currentTarget) return;
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
        Sessions you open are cached here, so you can review them again offline. A saved session file opens with Open file… or by dropping
        it here.
      </div>
    );
  }
  const now = Date.now();
  return (
    // A grid, not a listbox: each row has a second control (Remove), and an option may contain
    // none. The grid keeps one tab stop; j/k/arrows move the active row, Enter opens, Delete removes.
    <div
      className="recent-list keynav-list"
      role="grid"
      aria-label="Recent sessions"
      aria-activedescendant={`recent-row-${active}`}
      tabIndex={0}
      data-keynav
      onKeyDown={onListKeyDown}
      ref={listRef}
      data-testid="recent-sessions"
    >
      {sessions.map((session, index) => (
        <div
          key={session.sessionId}
          id={`recent-row-${index}`}
          role="row"
          aria-selected={index === active}
          data-index={index}
          className={`recent-row${index === active ? ' is-active' : ''}`}
          onClick={() => {
            setActive(index);
            open(index);
          }}
          data-testid="recent-session"
        >
          <div role="gridcell" className="recent-cell">
            <span className={`status-dot ${session.errorGroupCount > 0 ? 'has-errors' : ''}`} aria-hidden="true" />
            <div className="recent-main">
              <div className="recent-title">
                <span className="mono">{session.sessionId}</span>
                {!session.complete && <span className="badge badge-warn">Partial</span>}
                {session.imported && (
                  <span
                    className="badge badge-accent"
                    title="Imported from a session file: reviewed from the cache, offline"
                    data-testid="recent-imported"
                  >
                    Imported
                  </span>
                )}
              </div>
              <div className="recent-errors ellipsis">
                {session.topErrors.length > 0 ? session.topErrors.slice(0, 3).join(' · ') : <span className="muted">No errors logged</span>}
              </div>
            </div>
            <div className="recent-meta">
              <div className="num">
                {plural(session.eventCount, 'event')} ·{' '}
                <strong className={session.errorGroupCount > 0 ? 'level-error' : ''}>
                  {plural(session.errorGroupCount, 'error group')}
                </strong>
              </div>
              <div className="recent-when" title={`Cached ${time.stamp(session.cachedAt)}`}>
                started {time.stamp(session.start)} · viewed {formatRelative(session.lastViewedAt, now, time.zone)}
              </div>
            </div>
          </div>
          <div role="gridcell" className="recent-actions">
            <button
              type="button"
              className="btn btn-ghost btn-sm recent-remove"
              title="Remove from the cache (Delete)"
              aria-label={`Remove session ${session.sessionId} from the cache`}
              tabIndex={index === active ? 0 : -1}
              data-testid="recent-remove"
              onClick={(event) => {
                event.stopPropagation();
                void remove(index);
              }}
            >
              Remove
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
