import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in one write transaction. IMMEDIATE takes the write lock up front, so a second
 * process (the CLI beside the app) waits on busy_timeout instead of failing mid-transaction.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const value = work();
    db.exec('COMMIT');
    return value;
  } catch (error) {
    // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
