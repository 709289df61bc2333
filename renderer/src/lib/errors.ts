import type { AppErrorValue, ErrorCode } from '../../../shared/errors';

const OFFLINE_CODES: readonly ErrorCode[] = ['AWS_NETWORK', 'OFFLINE'];

export function isOfflineError(error: Pick<AppErrorValue, 'code'>): boolean {
  return OFFLINE_CODES.includes(error.code);
}

/** What a broken transport (not an error value from main) is reported as. */
export function transportError(thrown: unknown): AppErrorValue {
  const detail = thrown instanceof Error && thrown.message ? ` (${thrown.message.slice(0, 200)})` : '';
  return {
    code: 'INTERNAL',
    message: `The app did not answer${detail}.`,
    hint: 'Try again; if it keeps happening, restart orcw.',
  };
}
