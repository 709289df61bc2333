import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { LayeredStore, OVERFLOW_RUN_IDS } from '../../../main/services/cache/layered-store';
import { openDatabase, openMemoryDatabase } from '../../../main/services/cache/open-database';
import { SqliteCache } from '../../../main/services/cache/sqlite-cache';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The store openCache builds, but with a handle on the disk database to make it run out of room. */
function layeredOnDisk() {
  const dir = mkdtempSync(join(tmpdir(), 'orcw-cache-full-'));
  dirs.push(dir);
  const now = () => 1_800_000_000_000;
  const opened = openDatabase(dir, now);
  const disk = new SqliteCache(opened.db, { capBytes: 1024 ** 3, now, memoryOnly: false });
  const store = new LayeredStore(
    disk,
    () => new SqliteCache(openMemoryDatabase(), { capBytes: 1024 ** 3, now, memoryOnly: true, minRunId: OVERFLOW_RUN_IDS }),
  );
  // max_page_count makes SQLite answer SQLITE_FULL ("database or disk is full") as soon as the
  // file would have to grow: the same error and code path as a full disk, without filling one.
  const fillDisk = () => {
    const { page_count: pages } = opened.db.prepare('PRAGMA page_count').get() as { page_count: number };
    opened.db.exec(`PRAGMA max_page_count = ${pages}`);
  };
  return { dir, store, fillDisk };
}

describe('disk full', () => {
  const early = makeCorrelationResult({ seed: 1, events: 200 });
  const late = makeCorrelationResult({ seed: 2, events: 3000 });
  const later = makeCorrelationResult({ seed: 3, events: 50 });

  it('keeps new runs in memory with a clear warning, and still serves what is on disk', () => {
    const { dir, store, fillDisk } = layeredOnDisk();
    expect(store.saveRun(early).warning).toBeUndefined();
    fillDisk();

    const saved = store.saveRun(late);
    expect(saved.warning).toMatchObject({ code: 'CACHE_WRITE_FAILED', message: expect.stringContaining('database or disk is full') });
    expect(store.saveRun(later).warning).toMatchObject({ code: 'CACHE_WRITE_FAILED' });

    expect(store.openSession(late.session.id)?.result).toStrictEqual(late);
    expect(store.openSession(later.session.id)?.result).toStrictEqual(later);
    expect(store.openSession(early.session.id)?.result).toStrictEqual(early);
    expect(new Set(store.listSessions().map((s) => s.sessionId))).toEqual(new Set([early, late, later].map((r) => r.session.id)));
    for (const r of [early, late, later]) expect(store.search({ text: 'requestId', sessionId: r.session.id, limit: 5 })).toHaveLength(5);
    expect(store.stats()).toMatchObject({ memoryOnly: true, sessions: 3, events: 3250 });
    expect(store.exportSession(late.session.id, 'json').content).toContain(late.session.id);
    store.close();

    // The failed transaction left nothing behind on disk: the file holds exactly the early run.
    const db = new DatabaseSync(join(dir, 'cache.db'));
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    expect(db.prepare('SELECT id FROM sessions').all()).toEqual([{ id: early.session.id }]);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 200 });
    db.close();
  });
});
