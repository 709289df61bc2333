import { useEffect, useRef } from 'react';
import type { ErrorOccurrence } from '../../../../shared/domain/error-sessions';
import { useListSelection } from '../../hooks/use-list-selection';
import { useTimeFormat } from '../../hooks/use-time-format';
import { formatCount } from '../../lib/format';

/** Sessions by error: one row per cached session with the error; Enter/click opens it at the group. */
export function ErrorSessionResults({ hits, onOpen }: { hits: readonly ErrorOccurrence[]; onOpen(hit: ErrorOccurrence): void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const time = useTimeFormat();
  const open = (index: number) => {
    const hit = hits[index];
    if (hit) onOpen(hit);
  };
  const { active, setActive, onKeyDown } = useListSelection(hits.length, open, true);
  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <ol
      className="search-results keynav-list"
      role="listbox"
      aria-label="Sessions with the error"
      tabIndex={0}
      data-keynav
      onKeyDown={onKeyDown}
      ref={listRef}
      data-testid="error-session-results"
    >
      {hits.map((hit, index) => (
        <li
          key={`${hit.sessionId}-${hit.fingerprint}`}
          role="option"
          aria-selected={index === active}
          data-index={index}
          className={`search-hit${index === active ? ' is-active' : ''}`}
          onClick={() => {
            setActive(index);
            open(index);
          }}
          data-testid="error-session-hit"
          data-session-id={hit.sessionId}
          data-fingerprint={hit.fingerprint}
        >
          <div className="search-hit-meta">
            <span className="mono">{hit.sessionId}</span>
            <span className="muted num">first {time.stamp(hit.firstSeen)}</span>
            <span className="num">{formatCount(hit.count)}×</span>
            {hit.imported && <span className="badge badge-accent">Imported</span>}
            <span className="muted mono ellipsis">{hit.fingerprint}</span>
          </div>
          <div className="search-hit-text">
            {hit.title.startsWith(hit.type) ? (
              hit.title
            ) : (
              <>
                <span className="mono">{hit.type}</span> — {hit.title}
              </>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
