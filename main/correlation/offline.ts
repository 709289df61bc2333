import type { AppErrorValue } from '../../shared/errors';
import type { CorrelationResult, RunFailure } from '../../shared/domain/correlation';
import { formatTimestamp } from '../../shared/time/format-time';

/** Failures that mean "cannot reach AWS from here right now", as opposed to a wrong setting. */
const OFFLINE_CODES: ReadonlySet<RunFailure['code']> = new Set(['AWS_NETWORK', 'KEYCHAIN_UNAVAILABLE', 'AWS_CREDENTIALS_MISSING', 'AWS_EXPIRED_TOKEN']);

/** True when nothing got through and every failure is a network or credentials one. */
export function wentOffline(result: CorrelationResult): boolean {
  return result.failures.length > 0 && result.events.length === 0 && result.failures.every((f) => OFFLINE_CODES.has(f.code)) && allFailed(result);
}

function allFailed(result: CorrelationResult): boolean {
  return result.connections.every((c) => {
    const failed = new Set(result.failures.filter((f) => f.connectionId === c.id).flatMap((f) => f.logGroups));
    return c.logGroups.every((group) => failed.has(group));
  });
}

export function offlineNotice(result: CorrelationResult, cachedAt: number): AppErrorValue {
  const cause = result.failures[0]!;
  return {
    code: 'OFFLINE',
    message: `offline — showing cached results from ${formatTimestamp(cachedAt, 'utc')} (${cause.message})`,
    hint: cause.hint,
  };
}
