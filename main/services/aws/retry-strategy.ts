import { StandardRetryStrategy } from '@smithy/core/retry';
import { errorKind } from './error-kind';

// The SDK's own types, read off the strategy (their package, @smithy/types, is the SDK's to pin).
type StandardRetryToken = Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>[0];
type RetryErrorInfo = Parameters<StandardRetryStrategy['refreshRetryTokenForRetry']>[1];
type StandardRetryBackoffStrategy = NonNullable<
  Extract<ConstructorParameters<typeof StandardRetryStrategy>[0], { maxAttempts: number }>['backoff']
>;

/**
 * The one retry layer of every CloudWatch Logs call orcw makes: the SDK's standard strategy
 * (throttling, 5xx, timeouts and dropped connections; a retry quota per client; Retry-After
 * honoured; its waits end at once when the call's abort signal fires), configured here. Nothing
 * above it retries an HTTP call again, so one throttled request costs at most `maxAttempts` calls.
 *
 * The one exception is LimitExceededException from StartQuery: too many Insights queries are
 * running in the account. It clears when other queries end, seconds or minutes later — far past
 * a backoff schedule — so the SDK hands it straight back and the query runner waits it out.
 */
export interface RetryPolicy {
  /** Attempts per call, the first one included. */
  maxAttempts: number;
  /**
   * Multiplies the SDK's backoff bases (50 ms after a 5xx or a dropped connection, 1 s after
   * throttling). 1 in the product; tests shrink it so fault runs finish fast with the same logic.
   */
  delayScale: number;
  /** Upper bound of one wait between attempts. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, delayScale: 1, maxDelayMs: 8_000 };

class LogsRetryStrategy extends StandardRetryStrategy {
  override async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    // Throwing refuses the retry: the SDK then rejects the call with the original error.
    if (errorKind(errorInfo.error) === 'concurrency') throw new Error('The account concurrency limit is waited out by the caller');
    return super.refreshRetryTokenForRetry(token, errorInfo);
  }
}

/** The strategy for a client; a field left out (or undefined) takes the product's default. */
export function logsRetryStrategy(policy: Partial<RetryPolicy> = {}): StandardRetryStrategy {
  const maxAttempts = policy.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts;
  const delayScale = policy.delayScale ?? DEFAULT_RETRY_POLICY.delayScale;
  const maxDelayMs = policy.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs;
  return new LogsRetryStrategy({ maxAttempts, backoff: scaledBackoff(delayScale, maxDelayMs) });
}

/** The SDK picks the base by the kind of error (see `delayScale`); the wait is full-jitter backoff from it. */
function scaledBackoff(scale: number, maxDelayMs: number): StandardRetryBackoffStrategy {
  // The SDK sets the base before every wait; until then, its own 50 ms base.
  let baseMs = 50 * scale;
  return {
    setDelayBase: (delay) => {
      baseMs = delay * scale;
    },
    computeNextBackoffDelay: (retries) => backoffDelay(retries, baseMs, maxDelayMs),
  };
}

/**
 * "Full jitter" exponential backoff: a random wait in [0, min(max, base·2^attempt)], so several
 * clients throttled at once do not retry in lockstep.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}
