import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/cache/cache-store';
import { SCHEMA_VERSION } from '../../../main/cache/schema';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('schema migrations', () => {
  it('upgrades a version 1 cache in place, keeping its data and backfilling what version 2 adds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orcw-cache-migrate-'));
    dirs.push(dir);
    const results = [1, 2].map((seed) => makeCorrelationResult({ seed, events: 300 }));
    const first = openCache({ dataDir: dir });
    for (const result of results) first.store.saveRun(result);
    first.store.close();

    // Turn the file back into exactly what version 1 of the schema created.
    const db = new DatabaseSync(join(dir, 'cache.db'));
    db.exec(`DROP INDEX events_fatal; DROP INDEX events_error;
      ALTER TABLE runs DROP COLUMN min_ts; ALTER TABLE runs DROP COLUMN max_ts; PRAGMA user_version = 1;`);
    db.close();

    const { store, warning } = openCache({ dataDir: dir });
    expect(warning).toBeUndefined();
    for (const result of results) expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
    const target = results[1]?.events[150];
    const hits = store.search({ text: '', from: target?.timestamp, to: target?.timestamp, limit: 10 });
    expect(hits.map((hit) => hit.eventId)).toContain(target?.id);
    expect(store.search({ text: '', level: 'error', limit: 1000 }).length).toBe(results.flatMap((r) => r.events).filter((e) => e.level === 'error').length);
    store.close();

    const check = new DatabaseSync(join(dir, 'cache.db'));
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    const spans = check.prepare('SELECT min_ts, max_ts FROM runs ORDER BY id').all();
    expect(spans).toEqual(results.map((r) => ({
      min_ts: Math.min(...r.events.map((e) => e.timestamp)),
      max_ts: Math.max(...r.events.map((e) => e.timestamp)),
    })));
    check.close();
  });
});
