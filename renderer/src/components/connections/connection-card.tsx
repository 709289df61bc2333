import { useEffect, useRef, useState } from 'react';
import type { ConnectionView } from '../../../../shared/domain/connection';
import { call } from '../../lib/api';
import { useTimeFormat } from '../../hooks/use-time-format';
import { formatRelative, plural } from '../../lib/format';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';
import { ConnectionForm } from './connection-form';
import { ConnectionTest } from './connection-test';
import { LogGroupPicker } from './log-group-picker';

type Mode = 'view' | 'edit' | 'groups';

export function ConnectionCard({ connection, startEditing = false }: { connection: ConnectionView; startEditing?: boolean }) {
  const [mode, setMode] = useState<Mode>(startEditing ? 'edit' : 'view');
  const cardRef = useRef<HTMLElement>(null);
  const connectionEditOpened = useStore((s) => s.connectionEditOpened);
  const time = useTimeFormat();
  // Opened from a failure's "Edit connection": show this card's form, in view, ready to type.
  useEffect(() => {
    if (!startEditing) return;
    setMode('edit');
    connectionEditOpened();
    requestAnimationFrame(() => {
      cardRef.current?.scrollIntoView({ block: 'start' });
      cardRef.current?.querySelector<HTMLInputElement>('[data-testid=conn-secret], [data-testid=conn-profile]')?.focus();
    });
  }, [startEditing, connectionEditOpened]);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const loadConnections = useStore((s) => s.loadConnections);
  const reportError = useStore((s) => s.reportError);
  const pushNotice = useStore((s) => s.pushNotice);

  // What main answered to the last save, until the reloaded list brings it: a form opened again
  // right after saving must start from the saved values, not the list from before.
  const [justSaved, setJustSaved] = useState<ConnectionView | null>(null);
  useEffect(() => setJustSaved(null), [connection]);
  const current = justSaved ?? connection;
  const saved = (view?: ConnectionView) => {
    if (view) setJustSaved(view);
    setMode('view');
    void loadConnections();
  };
  const remove = async () => {
    if (!confirmDelete) return setConfirmDelete(true);
    const result = await call((api) => api.deleteConnection({ id: connection.id }));
    if (!result.ok) return reportError(result.error);
    pushNotice({ tone: 'info', message: `Deleted ${connection.name}.` });
    void loadConnections();
  };

  return (
    <article className="card connection-card" ref={cardRef} data-testid="connection-card" data-name={connection.name}>
      <div className="card-header">
        <div className="connection-heading">
          <Icon name="plug" />
          <h2>{connection.name}</h2>
          <span className="badge">{connection.region}</span>
          <span className="badge">
            {connection.auth.kind === 'keys'
              ? connection.hasSecret
                ? 'Access keys'
                : 'Keys missing'
              : `Profile ${connection.auth.profile}`}
          </span>
          {connection.endpoint && (
            <span className="badge badge-accent" title={connection.endpoint}>
              Custom endpoint
            </span>
          )}
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-sm"
            aria-pressed={mode === 'groups'}
            onClick={() => setMode(mode === 'groups' ? 'view' : 'groups')}
            data-testid="conn-edit-groups"
          >
            Log groups
          </button>
          <button
            type="button"
            className="btn btn-sm"
            aria-pressed={mode === 'edit'}
            onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}
            data-testid="conn-edit"
          >
            Edit
          </button>
          <button
            type="button"
            className="btn btn-sm btn-danger"
            onClick={() => void remove()}
            onBlur={() => setConfirmDelete(false)}
            data-testid="conn-delete"
          >
            <Icon name="trash" size={14} /> {confirmDelete ? 'Click again to delete' : 'Delete'}
          </button>
        </div>
      </div>
      <div className="card-body connection-body">
        {mode === 'edit' && <ConnectionForm existing={current} onSaved={saved} onCancel={() => setMode('view')} />}
        {mode === 'groups' && <LogGroupPicker connection={current} onSaved={saved} />}
        {mode === 'view' && (
          <>
            <div className="connection-groups">
              <span className="faint">{plural(connection.logGroups.length, 'log group')}:</span>{' '}
              {connection.logGroups.length === 0 ? (
                <span className="level-warn">none selected yet — pick the groups your backend logs to</span>
              ) : (
                <span className="mono">{connection.logGroups.join(', ')}</span>
              )}
            </div>
            <dl className="connection-facts">
              {connection.auth.kind === 'keys' && (
                <div>
                  <dt>Access key ID</dt>
                  <dd className="mono" data-testid="conn-key-id">
                    {connection.accessKeyId ??
                      (connection.hasSecret ? 'stored in a format orcw cannot read — enter the keys again' : 'none stored')}
                  </dd>
                </div>
              )}
              <div>
                <dt>Last passed a test</dt>
                <dd
                  data-testid="conn-last-test"
                  title={connection.lastTestPassedAt === undefined ? undefined : time.stamp(connection.lastTestPassedAt)}
                >
                  {connection.lastTestPassedAt === undefined
                    ? 'never (with these settings)'
                    : `${time.stamp(connection.lastTestPassedAt)} (${formatRelative(connection.lastTestPassedAt, Date.now(), time.zone)})`}
                </dd>
              </div>
            </dl>
            <ConnectionTest id={connection.id} onResult={(ok) => ok && void loadConnections()} />
          </>
        )}
      </div>
    </article>
  );
}
