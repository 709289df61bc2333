import { useState } from 'react';
import type { ConnectionView } from '../../../../shared/domain/connection';
import { call } from '../../lib/api';
import { plural } from '../../lib/format';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';
import { ConnectionForm } from './connection-form';
import { ConnectionTest } from './connection-test';
import { LogGroupPicker } from './log-group-picker';

type Mode = 'view' | 'edit' | 'groups';

export function ConnectionCard({ connection }: { connection: ConnectionView }) {
  const [mode, setMode] = useState<Mode>('view');
  const [confirmDelete, setConfirmDelete] = useState(false);
  const loadConnections = useStore((s) => s.loadConnections);
  const reportError = useStore((s) => s.reportError);
  const pushNotice = useStore((s) => s.pushNotice);

  const saved = () => {
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
    <article className="card connection-card" data-testid="connection-card" data-name={connection.name}>
      <div className="card-header">
        <div className="connection-heading">
          <Icon name="plug" />
          <h2>{connection.name}</h2>
          <span className="badge">{connection.region}</span>
          <span className="badge">{connection.auth.kind === 'keys' ? (connection.hasSecret ? 'Access keys' : 'Keys missing') : `Profile ${connection.auth.profile}`}</span>
          {connection.endpoint && <span className="badge badge-accent" title={connection.endpoint}>Custom endpoint</span>}
        </div>
        <div className="form-actions">
          <button type="button" className="btn btn-sm" aria-pressed={mode === 'groups'} onClick={() => setMode(mode === 'groups' ? 'view' : 'groups')} data-testid="conn-edit-groups">
            Log groups
          </button>
          <button type="button" className="btn btn-sm" aria-pressed={mode === 'edit'} onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')} data-testid="conn-edit">
            Edit
          </button>
          <button type="button" className="btn btn-sm btn-danger" onClick={() => void remove()} onBlur={() => setConfirmDelete(false)} data-testid="conn-delete">
            <Icon name="trash" size={14} /> {confirmDelete ? 'Click again to delete' : 'Delete'}
          </button>
        </div>
      </div>
      <div className="card-body connection-body">
        {mode === 'edit' && <ConnectionForm existing={connection} onSaved={saved} onCancel={() => setMode('view')} />}
        {mode === 'groups' && <LogGroupPicker connection={connection} onSaved={saved} />}
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
            <ConnectionTest id={connection.id} />
          </>
        )}
      </div>
    </article>
  );
}
