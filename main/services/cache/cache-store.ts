import type { AppErrorValue } from '../../../shared/errors';
import type { CacheStore } from './cache-types';
import { LayeredStore, OVERFLOW_RUN_IDS } from './layered-store';
import { markDamaged, openDatabase, openMemoryDatabase } from './open-database';
import { SqliteCache } from './sqlite-cache';

export type { CacheStore } from './cache-types';

export const DEFAULT_CAP_BYTES = 1024 * 1024 * 1024;

export interface OpenCacheOptions {
  dataDir: string;
  /** Size cap; least-recently-viewed sessions are evicted above it (default 1 GiB). */
  capBytes?: number;
  now?: () => number;
  /** Build the full-text index in small steps on the event loop after saves (default true). */
  backgroundIndex?: boolean;
}

export interface OpenedCache {
  store: CacheStore;
  /** CACHE_CORRUPT: the old file was moved aside; CACHE_WRITE_FAILED: the cache is in memory only. */
  warning?: AppErrorValue;
}

/**
 * Opens the cache in `dataDir/cache.db`. Throws AppError CACHE_TOO_NEW for a cache written by a
 * newer orcw (the file is not touched); every other problem still yields a working store.
 */
export function openCache(options: OpenCacheOptions): OpenedCache {
  const now = options.now ?? Date.now;
  const capBytes = options.capBytes ?? DEFAULT_CAP_BYTES;
  const opened = openDatabase(options.dataDir, now);
  const { path } = opened;
  const backgroundIndex = options.backgroundIndex ?? true;
  const primary = new SqliteCache(opened.db, {
    capBytes,
    now,
    memoryOnly: path === null,
    backgroundIndex,
    ...(path === null ? {} : { onCorruption: () => markDamaged(path) }),
  });
  const store =
    path === null
      ? primary
      : new LayeredStore(
          primary,
          () => new SqliteCache(openMemoryDatabase(), { capBytes, now, memoryOnly: true, backgroundIndex, minRunId: OVERFLOW_RUN_IDS }),
        );
  return opened.warning ? { store, warning: opened.warning } : { store };
}
