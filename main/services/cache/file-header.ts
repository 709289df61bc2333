import { closeSync, openSync, readSync, statSync } from 'node:fs';

export type HeaderVerdict = { kind: 'missing' } | { kind: 'not-sqlite' } | { kind: 'sqlite'; applicationId: number; userVersion: number };

const MAGIC = 'SQLite format 3\0';

/**
 * Classifies a file from its 100-byte SQLite header without opening it as a database: opening
 * (and setting WAL mode) would already write to a file we may have to refuse or move aside.
 * Header fields can lag behind a WAL that was never checkpointed; migrate() checks again.
 */
export function inspectHeader(path: string): HeaderVerdict {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { kind: 'missing' };
  }
  // SQLite itself treats an empty file as a new database (e.g. a crash right after creating it).
  if (size === 0) return { kind: 'missing' };
  if (size < 100) return { kind: 'not-sqlite' };
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== MAGIC) return { kind: 'not-sqlite' };
  return { kind: 'sqlite', userVersion: header.readUInt32BE(60), applicationId: header.readUInt32BE(68) };
}
