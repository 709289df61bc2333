import { openMemoryDatabase } from '../../../main/services/cache/open-database';
import { SqliteCache } from '../../../main/services/cache/sqlite-cache';

/**
 * A real SqliteCache on an in-memory SQLite database, with a controllable clock. Background
 * indexing is off unless asked for, so a test decides when (and whether) runs get indexed.
 */
export function createMemoryStore(options: { capBytes?: number; start?: number; backgroundIndex?: boolean } = {}) {
  let clock = options.start ?? 1_800_000_000_000;
  const now = () => clock;
  const store = new SqliteCache(openMemoryDatabase(), {
    capBytes: options.capBytes ?? 1024 ** 3,
    now,
    memoryOnly: true,
    backgroundIndex: options.backgroundIndex ?? false,
  });
  return {
    store,
    /** Moves the clock forward (default 1 s) and returns the new time. */
    tick: (ms = 1000) => (clock += ms),
  };
}
