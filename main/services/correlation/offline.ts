import type { AppErrorValue } from '../../../shared/errors';
import type { CorrelationResult, RunFailure } from '../../../shared/domain/correlation';
import { formatTimestamp } from '../../../shared/time/format-time';

/** What the offline decision looks at: not the events, only whether any came. */
export type RunSummary = Pick<CorrelationResult, 'failures' | 'connections'> & { eventCount: number };

/** Failures that mean "cannot reach AWS from here right now", as opposed to a wrong setting. */
const OFFLINE_CODES: ReadonlySet<RunFailure['code']> = new Set([
  'AWS_NETWORK',
  'KEYCHAIN_UNAVAILABLE',
  'AWS_CREDENTIALS_MISSING',
  'AWS_EXPIRED_TOKEN',
]);

/** True when nothing got through and every failure is a network or credentials one. */
export function wentOffline(result: RunSummary): boolean {
  return (
    result.failures.length > 0 && result.eventCount === 0 && result.failures.every((f) => OFFLINE_CODES.has(f.code)) && allFailed(result)
  );
}

function allFailed(result: RunSummary): boolean {
  return result.connections.every((c) => {
    const failed = new Set(result.failures.filter((f) => f.connectionId === c.id).flatMap((f) => f.logGroups));
    return c.logGroups.every((group) => failed.has(group));
  });
}

export function offlineNotice(result: Pick<RunSummary, 'failures'>, cachedAt: number): AppErrorValue {
  const cause = result.failures[0]!;
  return {
    code: 'OFFLINE',
    message: `offline — showing cached results from ${formatTimestamp(cachedAt, 'utc')} (${cause.message})`,
    hint: cause.hint,
  };
}
