import { useState } from 'react';
import { ConnectionCard } from '../components/connections/connection-card';
import { ConnectionForm } from '../components/connections/connection-form';
import { Icon } from '../components/common/icons';
import { InlineError } from '../components/common/inline-error';
import { useStore } from '../store/store';

export function ConnectionsView() {
  const connections = useStore((s) => s.connections);
  const connectionsError = useStore((s) => s.connectionsError);
  const loadConnections = useStore((s) => s.loadConnections);
  const navigate = useStore((s) => s.navigate);
  const connectionToEdit = useStore((s) => s.connectionToEdit);
  const [adding, setAdding] = useState(false);

  return (
    <div className="page">
      <div className="page-inner">
        <div className="page-header">
          <div>
            <h1>Connections</h1>
            <p>AWS accounts and regions orcw queries. Every session is searched in all of them, in parallel.</p>
          </div>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => navigate('setup')}>
              Guided setup
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => setAdding(true)}
              disabled={adding}
              data-testid="add-connection"
            >
              <Icon name="plus" size={14} /> Add connection
            </button>
          </div>
        </div>
        {connectionsError && <InlineError error={connectionsError} />}
        {adding && (
          <section className="card">
            <div className="card-header">
              <h2>New connection</h2>
            </div>
            <div className="card-body">
              <ConnectionForm
                onSaved={() => {
                  setAdding(false);
                  void loadConnections();
                }}
                onCancel={() => setAdding(false)}
              />
            </div>
          </section>
        )}
        {connections?.length === 0 && !adding && (
          <div className="empty card">
            <strong>No connections</strong>
            Add one to query CloudWatch; cached sessions stay available without it.
          </div>
        )}
        {connections?.map((connection) => (
          <ConnectionCard key={connection.id} connection={connection} startEditing={connectionToEdit === connection.id} />
        ))}
      </div>
    </div>
  );
}
