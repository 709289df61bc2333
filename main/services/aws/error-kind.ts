interface SdkErrorLike {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * What a failed CloudWatch Logs call means:
 * - `concurrency`: LimitExceededException — too many Insights queries running in the account;
 *   it clears when other queries end, so StartQuery waits it out instead of reporting it (the
 *   retry strategy leaves it to that wait);
 * - `throttled`: request-rate throttling, and `unavailable`: a 5xx — retried with backoff by the
 *   client's retry strategy (retry-strategy.ts) and final once that gives up;
 * - `fatal`: anything else (credentials, access, network, bad input) — report it.
 */
export type ErrorKind = 'concurrency' | 'throttled' | 'unavailable' | 'fatal';

export function errorKind(error: unknown): ErrorKind {
  const e: SdkErrorLike = typeof error === 'object' && error !== null ? (error as SdkErrorLike) : {};
  switch (e.name) {
    case 'LimitExceededException':
      return 'concurrency';
    case 'ThrottlingException':
    case 'TooManyRequestsException':
    case 'RequestLimitExceeded':
      return 'throttled';
    case 'ServiceUnavailableException':
      return 'unavailable';
  }
  const status = e.$metadata?.httpStatusCode;
  return status !== undefined && status >= 500 ? 'unavailable' : 'fatal';
}
