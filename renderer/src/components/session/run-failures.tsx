import type { RunFailure } from '../../../../shared/domain/correlation';
import { useStore } from '../../store/store';
import { InlineError } from '../common/inline-error';

/** Failures a changed connection fixes (keys, permissions, region, log groups): Edit comes first. */
const FIXED_BY_EDITING = new Set<RunFailure['code']>([
  'AWS_UNKNOWN_KEY',
  'AWS_BAD_SECRET',
  'AWS_EXPIRED_TOKEN',
  'AWS_ACCESS_DENIED',
  'AWS_UNKNOWN_REGION',
  'AWS_CREDENTIALS_MISSING',
  'AWS_RESOURCE_NOT_FOUND',
]);

/**
 * A failed connection or batch is named with its groups; the rest of the result still shows.
 * Each failure carries its way forward: the connection's form, and a re-run of the session.
 */
export function RunFailures({ failures, onRetry }: { failures: readonly RunFailure[]; onRetry(): void }) {
  const connections = useStore((s) => s.connections);
  const editConnection = useStore((s) => s.editConnection);
  const running = useStore((s) => s.run !== null);
  if (failures.length === 0) return null;
  return (
    <div className="run-failures" data-testid="run-failures">
      {failures.map((failure, index) => {
        const editable = connections?.some((c) => c.id === failure.connectionId) ?? false;
        const edit = editable && (
          <button
            type="button"
            className={`btn btn-sm${FIXED_BY_EDITING.has(failure.code) ? ' btn-primary' : ''}`}
            onClick={() => editConnection(failure.connectionId)}
            data-testid="failure-edit-connection"
          >
            Edit connection
          </button>
        );
        return (
          <InlineError
            key={`${failure.connectionId}-${index}`}
            testId="run-failure"
            error={{
              code: failure.code,
              message: `${failure.connection}${failure.logGroups.length > 0 ? ` (${failure.logGroups.join(', ')})` : ''}: ${failure.message}`,
              hint: failure.hint,
            }}
            action={
              <div className="form-actions">
                {edit}
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={running}
                  onClick={onRetry}
                  title="Run the session's queries again"
                  data-testid="failure-retry"
                >
                  Retry
                </button>
              </div>
            }
          />
        );
      })}
    </div>
  );
}
