import { useEffect, useState } from 'react';
import type { EventFilter, RunRef } from '../../../../shared/domain/session-view';
import { call } from '../../lib/api';
import { filterParts } from '../../lib/filter-parts';
import { plural } from '../../lib/format';
import { useStore } from '../../store/store';

/**
 * An empty list under filters never just says "0 of N": it names each filter in effect, how many
 * events the list would show without it (counted by the cache), and offers to drop it or all.
 */
export function FilteredEmpty({ run, filter }: { run: RunRef | undefined; filter: EventFilter }) {
  const groups = useStore((s) => s.response?.result.groups);
  const setFilter = useStore((s) => s.setFilter);
  const toggleGroup = useStore((s) => s.toggleGroup);
  const clearFilter = useStore((s) => s.clearFilter);
  const parts = filterParts(filter, (fingerprint) => groups?.find((g) => g.fingerprint === fingerprint)?.title);
  const counts = useCountsWithout(
    run,
    parts.map((p) => p.without),
  );

  if (parts.length === 0) return <div className="empty small">No events.</div>;
  return (
    <div className="empty small filtered-empty" role="status" data-testid="filtered-empty">
      <strong>{parts.length === 1 ? 'No event matches this filter' : 'No event matches these filters together'}</strong>
      <ul className="filtered-empty-parts">
        {parts.map((part, i) => (
          <li key={part.key} data-testid="filtered-empty-part" data-part={part.key}>
            <span>{part.label}</span>
            {counts[i] !== undefined && <span className="muted num"> — without it: {plural(counts[i], 'event')}</span>}
            <button
              type="button"
              className="btn btn-sm"
              onClick={() =>
                part.key === 'fingerprint' && filter.fingerprint !== undefined ? toggleGroup(filter.fingerprint) : setFilter(part.patch)
              }
              data-testid={`filtered-empty-remove-${part.key}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn btn-sm btn-primary" onClick={clearFilter} data-testid="filtered-empty-clear">
        Clear all filters
      </button>
    </div>
  );
}

/** How many events each filter shows, asked of the cache (one count per filter, no events sent). */
function useCountsWithout(run: RunRef | undefined, filters: readonly EventFilter[]): (number | undefined)[] {
  const key = JSON.stringify(filters);
  const [counts, setCounts] = useState<{ key: string; values: (number | undefined)[] }>();
  useEffect(() => {
    if (!run) return;
    let current = true;
    void Promise.all(filters.map((filter) => call((api) => api.readEvents({ run, filter, offset: 0, limit: 1, withTotal: true })))).then(
      (results) => {
        if (current) setCounts({ key, values: results.map((r) => (r.ok ? r.value.total : undefined)) });
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for the filters' content.
  }, [run, key]);
  return counts?.key === key ? counts.values : [];
}
