import type { RunFailure } from '../../../../shared/domain/correlation';
import { InlineError } from '../common/inline-error';

/** A failed connection or batch is named with its groups; the rest of the result still shows. */
export function RunFailures({ failures }: { failures: readonly RunFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <div className="run-failures" data-testid="run-failures">
      {failures.map((failure, index) => (
        <InlineError
          key={`${failure.connectionId}-${index}`}
          testId="run-failure"
          error={{
            code: failure.code,
            message: `${failure.connection}${failure.logGroups.length > 0 ? ` (${failure.logGroups.join(', ')})` : ''}: ${failure.message}`,
            hint: failure.hint,
          }}
        />
      ))}
    </div>
  );
}
