import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/domain/cache';
import type { Level } from '../../../shared/domain/correlation';
import type { AppErrorValue } from '../../../shared/errors';
import { InlineError } from '../components/common/inline-error';
import { SearchResults } from '../components/search/search-results';
import { SEARCH_INPUT_ID } from '../hooks/use-shortcuts';
import { call } from '../lib/api';
import { LEVEL_LABEL, LEVELS } from '../lib/levels';
import { useStore } from '../store/store';

const DEBOUNCE_MS = 200;

/** Full-text search over every cached session; a hit opens its session with the line selected. */
export function SearchView() {
  const [text, setText] = useState('');
  const [level, setLevel] = useState<Level | ''>('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const openCached = useStore((s) => s.openCached);
  const selectEvent = useStore((s) => s.selectEvent);

  useEffect(() => {
    const query = text.trim();
    if (query === '') {
      setHits(null);
      setError(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      void call((api) => api.searchCache({ text: query, limit: 200, ...(level && { level }) })).then((result) => {
        if (!current) return;
        setBusy(false);
        if (result.ok) {
          setHits(result.value);
          setError(null);
        } else setError(result.error);
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, level]);

  const openHit = async (hit: SearchHit) => {
    await openCached(hit.sessionId);
    selectEvent(hit.eventId);
  };

  return (
    <div className="page">
      <div className="page-inner">
        <div className="page-header">
          <div>
            <h1>Search cached sessions</h1>
            <p>Every line of every session opened before, searchable offline.</p>
          </div>
        </div>
        <div className="search-bar">
          <input
            id={SEARCH_INPUT_ID}
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Search messages, e.g. TimeoutError or payment declined"
            aria-label="Search text"
            autoFocus
            spellCheck={false}
            data-testid="search-input"
          />
          <select className="select" value={level} onChange={(e) => setLevel(e.target.value as Level | '')} aria-label="Level" data-testid="search-level">
            <option value="">Any level</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABEL[l]}
              </option>
            ))}
          </select>
          {busy && <div className="spinner" aria-label="Searching" />}
        </div>
        {error && <InlineError error={error} />}
        {hits && hits.length === 0 && !error && (
          <div className="empty" data-testid="search-empty">
            <strong>No matches</strong>
            Only sessions opened in orcw are searchable; open a session first to cache it.
          </div>
        )}
        {hits && hits.length > 0 && (
          <>
            <div className="faint" data-testid="search-count">
              {hits.length === 200 ? 'First 200 matches' : `${hits.length} match${hits.length === 1 ? '' : 'es'}`} · <kbd>j</kbd> <kbd>k</kbd> <kbd>Enter</kbd>
            </div>
            <SearchResults hits={hits} query={text} onOpen={(hit) => void openHit(hit)} />
          </>
        )}
      </div>
    </div>
  );
}
