/** Primary SQLite result codes (the low byte of an extended code) that the cache reacts to. */
const SQLITE_PERM = 3;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

function primaryCode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { errcode?: unknown }).errcode;
  return typeof code === 'number' ? code & 0xff : null;
}

/** The file is not a database, or its pages are damaged: move it aside and start fresh. */
export function isCorruption(error: unknown): boolean {
  const code = primaryCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/** The disk is full or refuses writes: keep working in memory for the rest of the session. */
export function isWriteFailure(error: unknown): boolean {
  const code = primaryCode(error);
  return code === SQLITE_FULL || code === SQLITE_IOERR || code === SQLITE_READONLY || code === SQLITE_CANTOPEN || code === SQLITE_PERM;
}

/** A short reason for messages, e.g. "database or disk is full" (never contains data values). */
export function sqliteReason(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const text = (error as { errstr?: unknown }).errstr;
    if (typeof text === 'string') return text;
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return 'unknown error';
}
