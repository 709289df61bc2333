import { memo } from 'react';
import type { ErrorGroup } from '../../../../shared/domain/correlation';
import { EVENT_FILTER_ID } from '../../hooks/use-shortcuts';
import { isFilterActive, toggle, type Facets } from '../../lib/filter-events';
import { formatCount } from '../../lib/format';
import { binLabel } from '../../lib/filter-parts';
import { LEVELS } from '../../lib/levels';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';
import { LevelLabel } from './level-label';

export const FilterBar = memo(function FilterBar({
  facets,
  shown,
  total,
  group,
}: {
  facets: Facets;
  shown: number | undefined;
  total: number;
  group: ErrorGroup | undefined;
}) {
  const filter = useStore((s) => s.filter);
  const setFilter = useStore((s) => s.setFilter);
  const clearFilter = useStore((s) => s.clearFilter);
  const toggleGroup = useStore((s) => s.toggleGroup);
  const logGroups = [...facets.logGroups.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  const connections = [...facets.connections.entries()].sort((a, b) => a[0].localeCompare(b[0]));

  return (
    <div className="filter-bar" role="toolbar" aria-label="Event filters">
      <div className="filter-search">
        <Icon name="filter" size={14} />
        <input
          id={EVENT_FILTER_ID}
          className="input"
          value={filter.text}
          onChange={(e) => setFilter({ text: e.target.value })}
          placeholder="Filter messages (Ctrl+F)"
          aria-label="Filter events by text"
          spellCheck={false}
          data-testid="filter-text"
        />
      </div>
      <div className="filter-levels">
        {LEVELS.filter((level) => facets.levels.has(level)).map((level) => (
          <button
            key={level}
            type="button"
            className="chip"
            aria-pressed={filter.levels.includes(level)}
            onClick={() => setFilter({ levels: toggle(filter.levels, level) })}
            data-testid={`filter-level-${level}`}
          >
            <LevelLabel level={level} />
            <span className="count">{formatCount(facets.levels.get(level) ?? 0)}</span>
          </button>
        ))}
      </div>
      {logGroups.length > 1 && (
        <select
          className="select filter-select"
          value={filter.logGroups[0] ?? ''}
          onChange={(e) => setFilter({ logGroups: e.target.value ? [e.target.value] : [] })}
          aria-label="Log group"
          data-testid="filter-log-group"
        >
          <option value="">All log groups</option>
          {logGroups.map(([name, n]) => (
            <option key={name} value={name}>
              {name} ({formatCount(n)})
            </option>
          ))}
        </select>
      )}
      {connections.length > 1 && (
        <select
          className="select filter-select"
          value={filter.connections[0] ?? ''}
          onChange={(e) => setFilter({ connections: e.target.value ? [e.target.value] : [] })}
          aria-label="Connection"
          data-testid="filter-connection"
        >
          <option value="">All connections</option>
          {connections.map(([name, n]) => (
            <option key={name} value={name}>
              {name} ({formatCount(n)})
            </option>
          ))}
        </select>
      )}
      {group && (
        <button
          type="button"
          className="chip"
          aria-pressed="true"
          onClick={() => toggleGroup(group.fingerprint)}
          title="Remove the error group filter"
          data-testid="filter-group-chip"
        >
          <span className="ellipsis chip-label">{group.title}</span> <Icon name="x" size={12} />
        </button>
      )}
      {filter.bin && (
        <button
          type="button"
          className="chip"
          aria-pressed="true"
          onClick={() => setFilter({ bin: undefined })}
          title="Remove the time filter"
          data-testid="filter-bin-chip"
        >
          {binLabel(filter.bin)} <Icon name="x" size={12} />
        </button>
      )}
      <span className="filter-count faint num" data-testid="event-count">
        {shown === undefined
          ? `… of ${formatCount(total)}`
          : shown === total
            ? `${formatCount(total)} events`
            : `${formatCount(shown)} of ${formatCount(total)}`}
      </span>
      {isFilterActive(filter) && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={clearFilter} data-testid="clear-filters">
          Clear
        </button>
      )}
    </div>
  );
});
