import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../../shared/domain/cache';
import { eventSummary } from '../../../../shared/domain/correlation';
import { useListSelection } from '../../hooks/use-list-selection';
import { useTimeFormat } from '../../hooks/use-time-format';
import { hasMatch, highlightPieces, snippet } from '../../lib/highlight';
import { LevelLabel } from '../session/level-label';

/** The hit's summary, unless the search matched only elsewhere in its message. */
function shownText(hit: SearchHit, query: string): string {
  const summary = eventSummary(hit);
  return summary === hit.message || hasMatch(summary, query) ? summary : hit.message;
}

export function SearchResults({ hits, query, onOpen }: { hits: readonly SearchHit[]; query: string; onOpen(hit: SearchHit): void }) {
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
      aria-label="Search results"
      tabIndex={0}
      data-keynav
      onKeyDown={onKeyDown}
      ref={listRef}
      data-testid="search-results"
    >
      {hits.map((hit, index) => (
        <li
          key={`${hit.sessionId}-${hit.eventId}`}
          role="option"
          aria-selected={index === active}
          data-index={index}
          className={`search-hit${index === active ? ' is-active' : ''}`}
          onClick={() => {
            setActive(index);
            open(index);
          }}
          data-testid="search-hit"
          data-session-id={hit.sessionId}
        >
          <div className="search-hit-meta">
            <LevelLabel level={hit.level} />
            <span className="mono">{hit.sessionId}</span>
            <span className="muted num">{time.stamp(hit.timestamp)}</span>
            <span className="faint mono ellipsis">{hit.logGroup}</span>
          </div>
          <div className="search-hit-text mono">
            {highlightPieces(snippet(shownText(hit, query), query), query).map((piece, i) =>
              piece.match ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
