import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/services/cache/cache-store';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../../main/services/cache/schema';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'orcw-cache-open-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const NOW = 1_760_000_000_000;
const result = makeCorrelationResult({ seed: 21, events: 120 });

function expectWorking(dataDir: string) {
  const { store } = openCache({ dataDir, now: () => NOW });
  store.saveRun(result);
  expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
  store.close();
}

function pragma(path: string, name: string): unknown {
  const db = new DatabaseSync(path);
  try {
    return Object.values(db.prepare(`PRAGMA ${name}`).get() ?? {})[0];
  } finally {
    db.close();
  }
}

describe('opening the cache file', () => {
  it('creates a WAL-mode, versioned, auto-vacuumed cache and keeps what was saved across reopen', () => {
    const dir = freshDir();
    const first = openCache({ dataDir: dir });
    expect(first.warning).toBeUndefined();
    first.store.saveRun(result);
    first.store.close();
    const path = join(dir, 'cache.db');
    expect(pragma(path, 'journal_mode')).toBe('wal');
    expect(pragma(path, 'user_version')).toBe(SCHEMA_VERSION);
    expect(pragma(path, 'application_id')).toBe(APPLICATION_ID);
    expect(pragma(path, 'auto_vacuum')).toBe(2);
    const second = openCache({ dataDir: dir });
    expect(second.warning).toBeUndefined();
    expect(second.store.openSession(result.session.id)?.result).toStrictEqual(result);
    second.store.close();
  });

  it('moves a file of random bytes aside, keeps it, and starts a fresh cache with a warning', () => {
    const dir = freshDir();
    const garbage = randomBytes(64 * 1024);
    writeFileSync(join(dir, 'cache.db'), garbage);
    const { store, warning } = openCache({ dataDir: dir, now: () => NOW });
    const aside = join(dir, `cache.db.corrupt-${NOW}`);
    expect(warning).toMatchObject({ code: 'CACHE_CORRUPT' });
    expect(warning?.message).toContain(aside);
    expect(readFileSync(aside).equals(garbage)).toBe(true);
    expect(store.listSessions()).toEqual([]);
    store.close();
    expectWorking(dir);
  });

  it('moves aside a cache whose pages are damaged behind a valid header', () => {
    const dir = freshDir();
    expectWorking(dir);
    const path = join(dir, 'cache.db');
    const bytes = readFileSync(path);
    randomBytes(bytes.length - 100).copy(bytes, 100);
    writeFileSync(path, bytes);
    const { store, warning } = openCache({ dataDir: dir, now: () => NOW });
    expect(warning).toMatchObject({ code: 'CACHE_CORRUPT' });
    expect(existsSync(join(dir, `cache.db.corrupt-${NOW}`))).toBe(true);
    store.close();
    expectWorking(dir);
  });

  it('reports damage found while reading and replaces the file at the next open', () => {
    const dir = freshDir();
    const big = makeCorrelationResult({ seed: 22, events: 3000 });
    const first = openCache({ dataDir: dir });
    first.store.saveRun(big);
    first.store.close();
    const path = join(dir, 'cache.db');
    const bytes = readFileSync(path);
    // Damage the middle of the file (event pages), leaving the header and schema readable.
    randomBytes(Math.floor(bytes.length * 0.4)).copy(bytes, Math.floor(bytes.length * 0.3));
    writeFileSync(path, bytes);
    const damaged = openCache({ dataDir: dir, now: () => NOW });
    expect(damaged.warning).toBeUndefined();
    expect(() => damaged.store.openSession(big.session.id)).toThrow(expect.objectContaining({ code: 'CACHE_CORRUPT' }));
    damaged.store.close();
    const reopened = openCache({ dataDir: dir, now: () => NOW + 1 });
    expect(reopened.warning).toMatchObject({ code: 'CACHE_CORRUPT' });
    expect(existsSync(join(dir, `cache.db.corrupt-${NOW + 1}`))).toBe(true);
    expect(reopened.store.listSessions()).toEqual([]);
    reopened.store.close();
  });

  it("moves aside another application's SQLite database intact", () => {
    const dir = freshDir();
    const foreign = new DatabaseSync(join(dir, 'cache.db'));
    foreign.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');");
    foreign.close();
    const { store, warning } = openCache({ dataDir: dir, now: () => NOW });
    expect(warning).toMatchObject({ code: 'CACHE_CORRUPT' });
    expect(warning?.message).toMatch(/another application/);
    store.close();
    const kept = new DatabaseSync(join(dir, `cache.db.foreign-${NOW}`));
    expect(kept.prepare('SELECT body FROM notes').get()).toEqual({ body: 'keep me' });
    kept.close();
    expectWorking(dir);
  });

  it('refuses a cache from a newer schema with a clear message and leaves the file untouched', () => {
    const dir = freshDir();
    expectWorking(dir);
    const path = join(dir, 'cache.db');
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = sha(path);
    const listing = readdirSync(dir).sort();
    expect(() => openCache({ dataDir: dir })).toThrow(
      expect.objectContaining({
        code: 'CACHE_TOO_NEW',
        message: expect.stringContaining(`schema version ${SCHEMA_VERSION + 1}; this version reads up to ${SCHEMA_VERSION}`),
      }),
    );
    expect(sha(path)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(listing);
  });

  it('also refuses a newer schema that is still only in the write-ahead log', () => {
    const dir = freshDir();
    expectWorking(dir);
    const copy = freshDir();
    const db = new DatabaseSync(join(dir, 'cache.db'));
    db.exec(`PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
    // Copy the file pair while the new version exists only in the WAL (as after a crash).
    for (const name of ['cache.db', 'cache.db-wal']) writeFileSync(join(copy, name), readFileSync(join(dir, name)));
    db.close();
    expect(() => openCache({ dataDir: copy })).toThrow(expect.objectContaining({ code: 'CACHE_TOO_NEW' }));
    expect(pragma(join(copy, 'cache.db'), 'user_version')).toBe(SCHEMA_VERSION + 5);
  });

  it('reuses an empty database left by a crash before its first commit, and an empty file', () => {
    const dir = freshDir();
    const empty = new DatabaseSync(join(dir, 'cache.db'));
    empty.exec('PRAGMA journal_mode = WAL');
    empty.close();
    expect(openCache({ dataDir: dir }).warning).toBeUndefined();
    const other = freshDir();
    writeFileSync(join(other, 'cache.db'), '');
    const opened = openCache({ dataDir: other });
    expect(opened.warning).toBeUndefined();
    opened.store.close();
    expectWorking(other);
  });

  // Tests run as root, which ignores permission bits (chmod 0500 would not stop a write). A data
  // directory below a regular file cannot be created by anyone, so it stands in for a read-only one.
  it('falls back to a working memory-only cache when the data directory cannot be created', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    const dataDir = join(dir, 'a-file', 'orcw');
    const { store, warning } = openCache({ dataDir });
    expect(warning).toMatchObject({ code: 'CACHE_WRITE_FAILED' });
    expect(warning?.message).toContain(join(dataDir, 'cache.db'));
    store.saveRun(result);
    expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
    expect(store.search({ text: 'requestId', limit: 5 })).toHaveLength(5);
    expect(store.stats().memoryOnly).toBe(true);
    store.close();
  });

  it('falls back to memory when cache.db is not a file at all', () => {
    const dir = freshDir();
    mkdirSync(join(dir, 'cache.db'));
    const { store, warning } = openCache({ dataDir: dir });
    expect(warning).toMatchObject({ code: 'CACHE_WRITE_FAILED' });
    expect(store.stats().memoryOnly).toBe(true);
    store.close();
  });
});
