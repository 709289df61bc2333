import type { CacheStore } from '../cache/cache-store';
import { openMemoryDatabase } from '../cache/open-database';
import { SqliteCache } from '../cache/sqlite-cache';

/**
 * Used when cache.db cannot be used at all (written by a newer orcw): results of this session are
 * kept in memory, and the file on disk is left exactly as it is.
 */
export function openFallbackCache(capBytes: number): CacheStore {
  return new SqliteCache(openMemoryDatabase(), { capBytes, now: Date.now, memoryOnly: true });
}
