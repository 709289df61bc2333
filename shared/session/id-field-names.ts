import { AppError } from '../errors';

/**
 * A connection may name fields under which its team logs the session ID (`sessionId`,
 * `or_session`). These names are the only user text that ever reaches a query, so they are held
 * to a shape that can neither end a regex literal nor add syntax: letters, digits, `_ . -`.
 */
export const MAX_ID_FIELD_NAME_LENGTH = 64;
export const MAX_ID_FIELD_NAMES = 8;
export const ID_FIELD_NAME_SHAPE = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
export const ID_FIELD_NAME_RULE = 'letters, digits, _ . - (starting with a letter, digit or _), at most 64 characters';

function refuse(message: string): never {
  throw new AppError(
    'INVALID_INPUT',
    `Session ID field names: ${message}.`,
    `Use ${MAX_ID_FIELD_NAMES} names at most, each ${ID_FIELD_NAME_RULE}.`,
  );
}

/**
 * The last gate before field names are spliced into a query: it copies what it reads (an array
 * or getter could change between check and use) and accepts only primitive strings of the shape.
 * Names differing only in case are one name, since the query matches them case-insensitively.
 */
export function checkIdFieldNames(names: unknown): string[] {
  if (names === undefined) return [];
  if (!Array.isArray(names)) refuse('not a list');
  const copy: unknown[] = Array.from(names as unknown[]);
  if (copy.length > MAX_ID_FIELD_NAMES) refuse(`more than ${MAX_ID_FIELD_NAMES}`);
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const name of copy) {
    if (typeof name !== 'string' || !ID_FIELD_NAME_SHAPE.test(name)) refuse(`each must be ${ID_FIELD_NAME_RULE}`);
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(name);
  }
  return kept;
}
