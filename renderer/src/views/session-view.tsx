import { InlineError } from '../components/common/inline-error';
import { RunProgress } from '../components/session/run-progress';
import { SessionBody } from '../components/session/session-body';
import { useStore } from '../store/store';

export function SessionView() {
  const run = useStore((s) => s.run);
  const response = useStore((s) => s.response);
  const sessionError = useStore((s) => s.sessionError);
  const navigate = useStore((s) => s.navigate);
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
              !response && (
                <button type="button" className="btn btn-sm" onClick={() => navigate('home')}>
                  Recent sessions
                </button>
              )
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
