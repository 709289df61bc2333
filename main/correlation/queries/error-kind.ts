interface SdkErrorLike {
  name?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * What a failed call means for the caller, after the SDK's own retries are spent:
 * - `concurrency`: LimitExceededException — too many Insights queries running in the account;
 *   it clears when other queries end, so it is waited out, not reported;
 * - `throttled`: request-rate throttling — back off with jitter;
 * - `unavailable`: a 5xx — the service is having trouble, worth a few more tries;
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
