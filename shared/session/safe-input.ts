import { AppError } from '../errors';
import { encodeBase36 } from './base-n';
import { MAX_ID_DIGITS, MAX_TOKEN_LENGTH, MAX_UINT64 } from './limits';

/** 3 or 4 segments of [0-9a-z] (delay may be negative), then a base58 signature. */
const TOKEN_SHAPE = /^[0-9a-z]{1,13}(\.-?[0-9a-z]{1,13}){1,2}\.[1-9A-HJ-NP-Za-km-z]{1,100}$/;
const ID_SHAPE = /^[1-9][0-9]{0,19}$/;

export interface SafeIds {
  sessionId: string;
  token?: string;
}

function refuse(message: string): never {
  throw new AppError('INVALID_REFERENCE', message, 'Parse the reference with parseSessionReference before building a query.');
}

export function checkSessionIdText(sessionId: unknown): string {
  if (typeof sessionId !== 'string' || sessionId.length > MAX_ID_DIGITS || !ID_SHAPE.test(sessionId)) {
    refuse('session ID must be canonical digits only');
  }
  if (BigInt(sessionId) > MAX_UINT64) refuse('session ID is larger than 2^64−1');
  return sessionId;
}

/**
 * Query text is code: this is the last gate before a token or ID is spliced into it. It reads each
 * property once (a getter could answer differently twice) and accepts only primitive strings of
 * the exact shapes, whatever object it is handed.
 */
export function checkQueryIds(ref: unknown): SafeIds {
  if (typeof ref !== 'object' || ref === null) refuse('session reference is not an object');
  const { sessionId: rawId, token: rawToken } = ref as { sessionId?: unknown; token?: unknown };
  const sessionId = checkSessionIdText(rawId);
  if (rawToken === undefined) return { sessionId };
  if (typeof rawToken !== 'string' || rawToken.length > MAX_TOKEN_LENGTH || !TOKEN_SHAPE.test(rawToken)) {
    refuse('token is not a well-formed OpenReplay token');
  }
  if (!rawToken.startsWith(`${encodeBase36(BigInt(sessionId))}.`)) refuse('token belongs to another session ID');
  return { sessionId, token: rawToken };
}
