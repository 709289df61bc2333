import { z } from 'zod';

/**
 * Every failure the app reports is a value with a stable `code` (for tests and for
 * the UI to branch on), a human `message` and a `hint` that says what to do next.
 * Secrets must never appear in any of the three.
 */
export const errorCodes = [
  // IPC boundary
  'IPC_UNKNOWN_CHANNEL',
  'IPC_FORBIDDEN_SENDER',
  'IPC_INVALID_PAYLOAD',
  'IPC_INVALID_RESPONSE',
  'INTERNAL',
  // Input
  'INVALID_REFERENCE',
  'INVALID_INPUT',
  'NOT_FOUND',
  'DUPLICATE',
  // Keychain and configuration
  'KEYCHAIN_UNAVAILABLE',
  'CONFIG_CORRUPT',
  /** Another orcw process held the config lock too long. */
  'CONFIG_BUSY',
  // AWS
  'AWS_UNKNOWN_KEY',
  'AWS_BAD_SECRET',
  'AWS_EXPIRED_TOKEN',
  'AWS_ACCESS_DENIED',
  'AWS_UNKNOWN_REGION',
  'AWS_NETWORK',
  'AWS_THROTTLED',
  'AWS_QUERY_FAILED',
  'AWS_QUERY_TIMEOUT',
  'AWS_MALFORMED_QUERY',
  'AWS_RESOURCE_NOT_FOUND',
  'AWS_CREDENTIALS_MISSING',
  'AWS_ERROR',
  // Runs
  'CANCELLED',
  'OFFLINE',
  /** A query still hit the row cap over one second, the smallest range Insights takes. */
  'RESULTS_TRUNCATED',
  // Cache
  'CACHE_CORRUPT',
  'CACHE_TOO_NEW',
  'CACHE_WRITE_FAILED',
  'CACHE_IMPORT_INVALID',
  // Files the user saves
  'FILE_WRITE_FAILED',
  // Shell
  'EXTERNAL_URL_REFUSED',
  /** A link to a host that is not a known OpenReplay: opened only once the user confirms the host. */
  'EXTERNAL_URL_UNCONFIRMED',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  hint: z.string(),
});
export type AppErrorValue = z.infer<typeof appErrorSchema>;

/** Throwable form of an error value, so services can `throw` and the IPC layer can unwrap. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly hint: string;

  constructor(code: ErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.hint = hint;
  }

  toValue(): AppErrorValue {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Turns anything thrown into an error value without leaking internals (stack, raw SDK payloads). */
export function toErrorValue(thrown: unknown): AppErrorValue {
  if (isAppError(thrown)) return thrown.toValue();
  return {
    code: 'INTERNAL',
    message: 'Something went wrong inside orcw.',
    hint: 'Try again; if it keeps happening, run the same action with the orcw CLI to see details.',
  };
}
