import { useEffect, useRef } from 'react';
import { InlineError } from '../components/common/inline-error';
import { RunProgress } from '../components/session/run-progress';
import { SessionBody } from '../components/session/session-body';
import { useStore } from '../store/store';

export function SessionView() {
  const run = useStore((s) => s.run);
  const response = useStore((s) => s.response);
  const sessionError = useStore((s) => s.sessionError);
  const navigate = useStore((s) => s.navigate);
  const openReference = useStore((s) => s.openReference);
  // The last run asked for, so a failed or cancelled one can be run again from its banner.
  const lastRun = useRef(run);
  useEffect(() => {
    if (run) lastRun.current = run;
  }, [run]);
  const retry = lastRun.current && (
    <button
      type="button"
      className="btn btn-sm"
      onClick={() =>
        lastRun.current &&
        void openReference(lastRun.current.reference, lastRun.current.mode === 'offline' ? 'cache-first' : lastRun.current.mode)
      }
      data-testid="session-retry"
    >
      {sessionError?.code === 'CANCELLED' ? 'Run again' : 'Retry'}
    </button>
  );
  // A refresh of the session on screen keeps it visible under a compact progress strip.
  const sameSession = run !== null && response !== null && run.sessionId === response.result.session.id;
  const showBody = response !== null && (run === null || sameSession);

  return (
    <div className="session-view" data-testid="session-view">
      {run && <RunProgress run={run} compact={sameSession} />}
      {sessionError && (
        <div className="session-error">
          <InlineError
            error={sessionError}
            tone={sessionError.code === 'CANCELLED' ? 'warn' : 'error'}
            testId="session-error"
            action={
              <div className="form-actions">
                {retry}
                {!response && (
                  <button type="button" className="btn btn-sm" onClick={() => navigate('home')}>
                    Recent sessions
                  </button>
                )}
              </div>
            }
          />
        </div>
      )}
      {showBody && <SessionBody response={response} />}
      {!run && !response && !sessionError && (
        <div className="empty">
          <strong>No session open</strong>
          Paste a session reference into the field above (Ctrl+L).
        </div>
      )}
    </div>
  );
}
