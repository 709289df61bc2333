import { useEffect, useState } from 'react';
import type { ConnectionView, LogGroupInfo } from '../../../../shared/domain/connection';
import type { AppErrorValue } from '../../../../shared/errors';
import { call } from '../../lib/api';
import { formatBytes } from '../../lib/format';
import { Icon } from '../common/icons';
import { InlineError } from '../common/inline-error';

const DEBOUNCE_MS = 250;

/** Pick the log groups a connection queries; CloudWatch searches by name prefix, page by page. */
export function LogGroupPicker({
  connection,
  onSaved,
  saveLabel = 'Save log groups',
}: {
  connection: ConnectionView;
  onSaved(view: ConnectionView): void;
  saveLabel?: string;
}) {
  const [prefix, setPrefix] = useState('');
  const [groups, setGroups] = useState<LogGroupInfo[]>([]);
  const [nextToken, setNextToken] = useState<string | undefined>();
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<AppErrorValue | null>(null);
  const [selected, setSelected] = useState<string[]>(connection.logGroups);
  const [saving, setSaving] = useState(false);

  const load = async (token: string | undefined, current: { live: boolean }) => {
    setLoading(true);
    const result = await call((api) =>
      api.listLogGroups({ id: connection.id, ...(prefix.trim() && { prefix: prefix.trim() }), ...(token && { nextToken: token }) }),
    );
    if (!current.live) return;
    setLoading(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setGroups((previous) => (token ? [...previous, ...result.value.groups] : result.value.groups));
    setNextToken(result.value.nextToken);
  };

  useEffect(() => {
    const current = { live: true };
    const timer = setTimeout(() => void load(undefined, current), prefix ? DEBOUNCE_MS : 0);
    return () => {
      current.live = false;
      clearTimeout(timer);
    };
  }, [prefix, connection.id]);

  const toggle = (name: string) => setSelected((list) => (list.includes(name) ? list.filter((n) => n !== name) : [...list, name]));
  const save = async () => {
    setSaving(true);
    const result = await call((api) => api.updateConnection({ id: connection.id, logGroups: selected }));
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };
  const offPage = selected.filter((name) => !groups.some((g) => g.name === name));

  return (
    <div className="log-group-picker" data-testid="log-group-picker">
      <input
        className="input mono"
        value={prefix}
        onChange={(e) => setPrefix(e.target.value)}
        placeholder="Filter by name prefix, e.g. /aws/lambda/"
        aria-label="Log group name prefix"
        spellCheck={false}
        data-testid="log-group-search"
      />
      {error && <InlineError error={error} />}
      <ul className="log-group-list" aria-label="Log groups">
        {groups.map((group) => (
          <li key={group.name}>
            <label className="log-group-option">
              <input
                type="checkbox"
                checked={selected.includes(group.name)}
                onChange={() => toggle(group.name)}
                data-testid="log-group-option"
                data-name={group.name}
              />
              <span className="mono ellipsis">{group.name}</span>
              <span className="faint num">
                {group.storedBytes !== undefined ? formatBytes(group.storedBytes) : ''}
                {group.retentionInDays ? ` · ${group.retentionInDays} d` : ''}
              </span>
            </label>
          </li>
        ))}
        {!loading && groups.length === 0 && !error && (
          <li className="empty small">No log groups{prefix ? ` starting with “${prefix}”` : ''}.</li>
        )}
        {loading && <li className="empty small">Loading…</li>}
      </ul>
      {nextToken && !loading && (
        <button type="button" className="btn btn-sm" onClick={() => void load(nextToken, { live: true })}>
          Load more
        </button>
      )}
      {offPage.length > 0 && (
        <div className="selected-chips">
          {offPage.map((name) => (
            <button key={name} type="button" className="chip" aria-pressed="true" onClick={() => toggle(name)} title="Remove">
              <span className="mono">{name}</span> <Icon name="x" size={12} />
            </button>
          ))}
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void save()} data-testid="log-groups-save">
          {saving ? 'Saving…' : saveLabel}
        </button>
        <span className="faint" data-testid="log-groups-selected">
          {selected.length} selected{selected.length === 0 ? ' — select at least one to query' : ''}
        </span>
      </div>
    </div>
  );
}
