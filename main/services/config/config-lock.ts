import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../../shared/errors';
import { sleep } from '../async/tasks';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from './private-files';

export const LOCK_FILE = 'config.lock';
/** SQLITE_BUSY: another process holds the lock right now. */
const SQLITE_BUSY = 5;
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 100;
/** A keychain prompt can keep the other side waiting for a while; beyond this something is stuck. */
export const DEFAULT_LOCK_TIMEOUT_MS = 120_000;

interface DirLock {
  /** In-process queue: one critical section at a time per data directory. */
  tail: Promise<unknown>;
  db?: DatabaseSync;
}

const locks = new Map<string, DirLock>();
/** The directories whose lock the current async call chain already holds (so a nested call does not wait for itself). */
const held = new AsyncLocalStorage<ReadonlySet<string>>();

/**
 * Runs `task` as the only read-modify-write of the data directory's config files (settings.json,
 * connections.json, the pending-secrets journal) among every task of this process and of every
 * other orcw process (the app and the CLI share the directory). Across processes it is an
 * exclusive SQLite lock on `config.lock`: the OS drops it when its holder dies, so a killed
 * process never leaves the others locked out. Re-entrant within one call chain.
 */
export async function withConfigLock<T>(dataDir: string, task: () => Promise<T>, timeoutMs = DEFAULT_LOCK_TIMEOUT_MS): Promise<T> {
  const key = join(dataDir, LOCK_FILE);
  const mine = held.getStore();
  if (mine?.has(key)) return task();
  const lock = locks.get(key) ?? { tail: Promise.resolve() };
  locks.set(key, lock);
  const run = lock.tail.then(async () => {
    const db = await acquire(lock, key, timeoutMs);
    try {
      return await held.run(new Set([...(mine ?? []), key]), task);
    } finally {
      db.exec('COMMIT');
    }
  });
  lock.tail = run.catch(() => undefined);
  return run;
}

async function acquire(lock: DirLock, path: string, timeoutMs: number): Promise<DatabaseSync> {
  const deadline = Date.now() + timeoutMs;
  let wait = FIRST_RETRY_MS;
  for (;;) {
    const db = (lock.db ??= openLockDatabase(path));
    try {
      db.exec('BEGIN EXCLUSIVE');
      return db;
    } catch (error) {
      if ((error as { errcode?: number }).errcode !== SQLITE_BUSY) throw lockFailed(path, error);
    }
    if (Date.now() >= deadline) throw lockTimedOut(path, timeoutMs);
    await sleep(wait);
    wait = Math.min(wait * 2, MAX_RETRY_MS);
  }
}

function openLockDatabase(path: string): DatabaseSync {
  try {
    mkdirSync(join(path, '..'), { recursive: true, mode: PRIVATE_DIR_MODE });
    // Created 0600 first: SQLite gives its journal the mode of the database file.
    if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
    // timeout 0: a busy lock is retried above without blocking the event loop (Electron's main thread).
    return new DatabaseSync(path, { timeout: 0 });
  } catch (error) {
    throw lockFailed(path, error);
  }
}

/** True inside a `withConfigLock` task for this directory. */
export function holdsConfigLock(dataDir: string): boolean {
  return held.getStore()?.has(join(dataDir, LOCK_FILE)) ?? false;
}

/** Closes this process's lock files (tests, and a clean shutdown). */
export function closeConfigLocks(): void {
  for (const lock of locks.values()) lock.db?.close();
  locks.clear();
}

function lockTimedOut(path: string, ms: number): AppError {
  return new AppError(
    'CONFIG_BUSY',
    `Another orcw process has kept the settings locked for ${Math.round(ms / 1000)} s (${path}).`,
    'Finish or close the other orcw window or command (it may be waiting for the keychain), then try again.',
  );
}

function lockFailed(path: string, error: unknown): AppError {
  const reason = (error as NodeJS.ErrnoException).code ?? (error as { errstr?: string }).errstr ?? 'unknown error';
  return new AppError(
    'CONFIG_BUSY',
    `The settings lock ${path} cannot be used (${reason}).`,
    'Check that the orcw data directory is writable (ORCW_DATA_DIR overrides its location).',
  );
}
