import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError, type AppErrorValue } from '../../../shared/errors';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE, makeFilePrivate } from '../config/private-files';
import { inspectHeader } from './file-header';
import { APPLICATION_ID, SCHEMA_VERSION, migrate, tooNewError } from './schema';
import { isCorruption, sqliteReason } from './sqlite-errors';

export const CACHE_FILE = 'cache.db';

/** Written beside cache.db when damage shows up during use; the next open then replaces the file. */
const damagedMarker = (path: string) => `${path}.damaged`;

export function markDamaged(path: string): void {
  try {
    writeFileSync(damagedMarker(path), '', { mode: PRIVATE_FILE_MODE });
  } catch {
    // Best effort: without the marker the damage is simply reported again on next use.
  }
}

export interface OpenedDatabase {
  db: DatabaseSync;
  /** null when the cache lives in memory only. */
  path: string | null;
  warning?: AppErrorValue;
}

function configure(db: DatabaseSync, onDisk: boolean): void {
  // auto_vacuum only takes effect before the first table exists, i.e. on a brand-new file;
  // INCREMENTAL lets eviction hand freed pages back to the file system.
  db.exec('PRAGMA auto_vacuum = INCREMENTAL');
  if (onDisk) {
    const mode = db.prepare('PRAGMA journal_mode = WAL').get() as { journal_mode: string };
    if (mode.journal_mode !== 'wal') throw new Error(`journal_mode is ${mode.journal_mode}`);
  }
  // NORMAL in WAL mode: a committed run survives any process crash; only a power cut can lose
  // the last transactions, never corrupt the file.
  db.exec(`
    PRAGMA synchronous = NORMAL;
    PRAGMA foreign_keys = ON;
    PRAGMA busy_timeout = 5000;
    PRAGMA cache_size = -32768;
    PRAGMA temp_store = MEMORY;
    PRAGMA journal_size_limit = 67108864;
  `);
}

export function openMemoryDatabase(): DatabaseSync {
  const db = new DatabaseSync(':memory:');
  configure(db, false);
  migrate(db);
  return db;
}

function hasTables(db: DatabaseSync): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' LIMIT 1").get() !== undefined;
}

/** Thrown when cache.db is some other application's SQLite database. */
class ForeignFile extends Error {}

function openOnDisk(path: string): DatabaseSync {
  // Created 0600 before SQLite sees it: SQLite gives -wal and -shm the mode of the database file.
  if (!existsSync(path)) closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  const db = new DatabaseSync(path);
  try {
    const appId = (db.prepare('PRAGMA application_id').get() as { application_id: number }).application_id;
    // An application_id of 0 with no tables is our own file from a crash before its first commit.
    if (appId !== APPLICATION_ID && (appId !== 0 || hasTables(db))) throw new ForeignFile();
    configure(db, true);
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function moveAside(path: string, label: 'corrupt' | 'foreign', now: number): string {
  const aside = `${path}.${label}-${now}`;
  renameSync(path, aside);
  makeFilePrivate(aside);
  // The WAL and shared-memory files belong to the moved file; keep them beside it.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) {
      renameSync(path + suffix, aside + suffix);
      makeFilePrivate(aside + suffix);
    }
  }
  return aside;
}

function memoryOnly(reason: string, path: string): OpenedDatabase {
  return {
    db: openMemoryDatabase(),
    path: null,
    warning: {
      code: 'CACHE_WRITE_FAILED',
      message: `The cache at ${path} cannot be written (${reason}); results are kept in memory for this session only.`,
      hint: 'Check that the data directory exists, is writable and the disk has space, then restart orcw.',
    },
  };
}

function replace(path: string, label: 'corrupt' | 'foreign', now: number): OpenedDatabase {
  let aside: string;
  let db: DatabaseSync;
  try {
    aside = moveAside(path, label, now);
    rmSync(damagedMarker(path), { force: true });
    db = openOnDisk(path);
  } catch (error) {
    return memoryOnly(sqliteReason(error), path);
  }
  const what = label === 'corrupt' ? 'was damaged or not a database' : 'belongs to another application';
  return {
    db,
    path,
    warning: {
      code: 'CACHE_CORRUPT',
      message: `The cache file ${what}; it was moved aside to ${aside} and a new, empty cache was created.`,
      hint: 'Sessions cached before are not available offline until opened again; the old file is kept for inspection.',
    },
  };
}

/**
 * Opens (creating if needed) `<dataDir>/cache.db`. A corrupt or foreign file is moved aside and
 * replaced; a newer schema is refused with CACHE_TOO_NEW and left as it is; a data directory that
 * cannot be written falls back to an in-memory database with a warning.
 */
export function openDatabase(dataDir: string, now: () => number): OpenedDatabase {
  const path = join(dataDir, CACHE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  } catch (error) {
    return memoryOnly(sqliteReason(error), path);
  }
  let header: ReturnType<typeof inspectHeader>;
  try {
    header = inspectHeader(path);
  } catch (error) {
    return memoryOnly(sqliteReason(error), path);
  }
  if (header.kind === 'sqlite' && header.applicationId === APPLICATION_ID && header.userVersion > SCHEMA_VERSION) {
    throw tooNewError(header.userVersion);
  }
  if (header.kind === 'not-sqlite' || (header.kind === 'sqlite' && existsSync(damagedMarker(path)))) {
    return replace(path, 'corrupt', now());
  }
  try {
    return { db: openOnDisk(path), path };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof ForeignFile) return replace(path, 'foreign', now());
    if (isCorruption(error)) return replace(path, 'corrupt', now());
    return memoryOnly(sqliteReason(error), path);
  }
}
