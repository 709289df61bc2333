import type { RelatedErrors } from '../../../../shared/domain/error-sessions';
import { useTimeFormat } from '../../hooks/use-time-format';
import { formatCount, plural } from '../../lib/format';
import { useStore } from '../../store/store';

/** The "+3 sessions" mark on an error group row: the same error in other cached sessions. */
export function RelatedBadge({ fingerprint }: { fingerprint: string }) {
  const related = useStore((s) => s.related?.byFingerprint.get(fingerprint));
  if (!related || related.sessionCount === 0) return null;
  return (
    <span
      className="badge related-badge num"
      title={`The same error in ${plural(related.sessionCount, 'other cached session')}`}
      data-testid="group-related"
    >
      +{formatCount(related.sessionCount)} {related.sessionCount === 1 ? 'session' : 'sessions'}
    </span>
  );
}

/** In the group detail: the other cached sessions with this error, each opening offline at it. */
export function RelatedSessions({ fingerprint, type }: { fingerprint: string; type: string }) {
  const related: RelatedErrors | undefined = useStore((s) => s.related?.byFingerprint.get(fingerprint));
  const openAtGroup = useStore((s) => s.openAtGroup);
  const searchFor = useStore((s) => s.searchFor);
  const time = useTimeFormat();
  const count = related?.sessionCount ?? 0;
  return (
    <section className="related" aria-labelledby={`related-${fingerprint}`} data-testid="related-sessions" data-count={count}>
      <h3 id={`related-${fingerprint}`}>In other cached sessions ({formatCount(count)})</h3>
      {count === 0 ? (
        <p className="muted small-print">
          Only this session in the cache has this error (fingerprint <code>{fingerprint}</code>).
        </p>
      ) : (
        <ul className="related-list">
          {related?.sessions.map((o) => (
            <li key={o.sessionId}>
              <button
                type="button"
                className="related-link"
                onClick={() => void openAtGroup(o.sessionId, fingerprint)}
                data-testid="related-session"
                data-session-id={o.sessionId}
              >
                <span className="mono">{o.sessionId}</span>
                <span className="muted num">{time.stamp(o.firstSeen)}</span>
                <span className="num">{formatCount(o.count)}×</span>
                {o.imported && <span className="badge badge-accent">Imported</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        {count > (related?.sessions.length ?? 0) && (
          <span className="muted small-print">Showing the {related?.sessions.length} most recent.</span>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-sm"
          onClick={() => searchFor('errors', fingerprint)}
          data-testid="search-fingerprint"
        >
          All sessions with this fingerprint
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => searchFor('errors', type)} data-testid="search-type">
          All sessions with {type.length > 40 ? 'this type' : type}
        </button>
      </div>
    </section>
  );
}
