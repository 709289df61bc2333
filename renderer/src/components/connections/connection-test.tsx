import { useEffect, useState } from 'react';
import type { ConnectionTestResult } from '../../../../shared/domain/connection';
import type { AppErrorValue } from '../../../../shared/errors';
import { call } from '../../lib/api';
import { useStore } from '../../store/store';
import { Icon } from '../common/icons';
import { InlineError } from '../common/inline-error';

/** Runs a test against CloudWatch and shows what it found or the error with its hint. */
export function ConnectionTest({ id, auto = false, onResult }: { id: string; auto?: boolean; onResult?(ok: boolean): void }) {
  const [state, setState] = useState<{ running: boolean; result?: ConnectionTestResult; error?: AppErrorValue }>({ running: false });
  const setOffline = useStore((s) => s.setOffline);
  const offline = useStore((s) => s.offline);

  const run = async () => {
    setState({ running: true });
    const result = await call((api) => api.testConnection({ id }));
    if (result.ok) {
      setState({ running: false, result: result.value });
      if (offline) setOffline(null);
    } else {
      setState({ running: false, error: result.error });
      if (result.error.code === 'AWS_NETWORK') setOffline(result.error);
    }
    onResult?.(result.ok);
  };

  useEffect(() => {
    if (auto) void run();
  }, [id, auto]);

  return (
    <div className="connection-test" data-testid="connection-test">
      <div className="form-actions">
        <button type="button" className="btn btn-sm" disabled={state.running} onClick={() => void run()} data-testid="conn-test">
          {state.running ? <div className="spinner" aria-hidden="true" /> : <Icon name="check" size={14} />}{' '}
          {state.running ? 'Testing…' : 'Test connection'}
        </button>
        {state.result && (
          <span className="test-ok" role="status" data-testid="conn-test-ok">
            <Icon name="check" size={14} /> {state.result.message}
          </span>
        )}
      </div>
      {state.error && <InlineError error={state.error} testId="conn-test-error" />}
    </div>
  );
}
