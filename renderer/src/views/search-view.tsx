import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/domain/cache';
import type { ErrorOccurrence } from '../../../shared/domain/error-sessions';
import type { Level } from '../../../shared/domain/correlation';
import type { AppErrorValue } from '../../../shared/errors';
import { InlineError } from '../components/common/inline-error';
import { ErrorSessionResults } from '../components/search/error-session-results';
import { SearchResults } from '../components/search/search-results';
import { SEARCH_INPUT_ID } from '../hooks/use-shortcuts';
import { call } from '../lib/api';
import { LEVEL_LABEL, LEVELS } from '../lib/levels';
import type { SearchMode } from '../store/related-slice';
import { useStore } from '../store/store';

const DEBOUNCE_MS = 200;

const LIMIT = 200;
const MODES: readonly { mode: SearchMode; label: string }[] = [
  { mode: 'lines', label: 'Log lines' },
  { mode: 'errors', label: 'Sessions by error' },
];

/**
 * Full-text search over every cached session (a hit opens its session with the line selected),
 * or the sessions that had an error, by fingerprint or exception type (opening at that group).
 */
export function SearchView() {
  const request = useStore((s) => s.searchRequest);
  const [mode, setMode] = useState<SearchMode>(request?.mode ?? 'lines');
  const [text, setText] = useState(request?.text ?? '');
  const [level, setLevel] = useState<Level | ''>('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [errorHits, setErrorHits] = useState<ErrorOccurrence[] | null>(null);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [busy, setBusy] = useState(false);
  const openCached = useStore((s) => s.openCached);
  const selectEvent = useStore((s) => s.selectEvent);
  const openAtGroup = useStore((s) => s.openAtGroup);

  useEffect(() => {
    if (!request) return;
    setMode(request.mode);
    setText(request.text);
  }, [request]);

  useEffect(() => {
    const query = text.trim();
    setHits(null);
    setErrorHits(null);
    if (query === '') {
      setError(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      const done = <T,>(result: { ok: true; value: T } | { ok: false; error: AppErrorValue }, keep: (value: T) => void) => {
        if (!current) return;
        setBusy(false);
        if (result.ok) {
          keep(result.value);
          setError(null);
        } else setError(result.error);
      };
      if (mode === 'errors')
        void call((api) => api.sessionsWithError({ text: query, limit: LIMIT })).then((result) => done(result, setErrorHits));
      else
        void call((api) => api.searchCache({ text: query, limit: LIMIT, ...(level && { level }) })).then((result) => done(result, setHits));
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, level, mode]);

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
            <p>Every line of every session opened before, and every error they had, searchable offline.</p>
          </div>
          <div className="segmented" role="group" aria-label="Search for">
            {MODES.map((m) => (
              <button
                key={m.mode}
                type="button"
                aria-pressed={mode === m.mode}
                onClick={() => setMode(m.mode)}
                data-testid={`search-mode-${m.mode}`}
              >
                {m.label}
              </button>
            ))}
          </div>
        </div>
        <div className="search-bar">
          <input
            id={SEARCH_INPUT_ID}
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={
              mode === 'errors'
                ? 'Fingerprint or exception type, e.g. KeyError or botocore.exceptions.ClientError'
                : 'Search messages, e.g. TimeoutError or payment declined'
            }
            aria-label={mode === 'errors' ? 'Fingerprint or exception type' : 'Search text'}
            autoFocus
            spellCheck={false}
            data-testid="search-input"
          />
          {mode === 'lines' && (
            <select
              className="select"
              value={level}
              onChange={(e) => setLevel(e.target.value as Level | '')}
              aria-label="Level"
              data-testid="search-level"
            >
              <option value="">Any level</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {LEVEL_LABEL[l]}
                </option>
              ))}
            </select>
          )}
          {busy && <div className="spinner" aria-label="Searching" />}
        </div>
        {error && <InlineError error={error} />}
        {hits && hits.length === 0 && !error && (
          <div className="empty" data-testid="search-empty">
            <strong>No matches</strong>
            Only sessions opened in orcw are searchable; open a session first to cache it.
          </div>
        )}
        {errorHits && errorHits.length === 0 && !error && (
          <div className="empty" data-testid="search-empty">
            <strong>No cached session has this error</strong>
            Give a fingerprint (or its first characters), a full exception type, or its last part such as KeyError.
          </div>
        )}
        {errorHits && errorHits.length > 0 && (
          <>
            <div className="muted" data-testid="search-count">
              {errorHits.length === LIMIT
                ? `The ${LIMIT} most recent sessions`
                : `${errorHits.length} session${errorHits.length === 1 ? '' : 's'}`}{' '}
              · <kbd>j</kbd> <kbd>k</kbd> <kbd>Enter</kbd>
            </div>
            <ErrorSessionResults hits={errorHits} onOpen={(hit) => void openAtGroup(hit.sessionId, hit.fingerprint)} />
          </>
        )}
        {hits && hits.length > 0 && (
          <>
            <div className="muted" data-testid="search-count">
              {hits.length === LIMIT ? 'First 200 matches' : `${hits.length} match${hits.length === 1 ? '' : 'es'}`} · <kbd>j</kbd>{' '}
              <kbd>k</kbd> <kbd>Enter</kbd>
            </div>
            <SearchResults hits={hits} query={text} onOpen={(hit) => void openHit(hit)} />
          </>
        )}
      </div>
    </div>
  );
}
