import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/services/cache/cache-store';
import { SCHEMA_VERSION } from '../../../main/services/cache/schema';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('schema migrations', () => {
  it('upgrades a version 1 cache in place, keeping its data and backfilling what later versions add', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orcw-cache-migrate-'));
    dirs.push(dir);
    const results = [1, 2].map((seed) => makeCorrelationResult({ seed, events: 300 }));
    const first = openCache({ dataDir: dir, backgroundIndex: false });
    for (const result of results) first.store.saveRun(result);
    // An older run of the first session: cached, not current.
    first.store.saveRun({ ...(results[0] as (typeof results)[0]), ranAt: 1 });
    first.store.indexPending();
    first.store.close();

    // Turn the file back into what version 1 of the schema held: current runs fully indexed
    // (version 1 indexed while saving) and flagged by `indexed`.
    const db = new DatabaseSync(join(dir, 'cache.db'));
    db.exec(`ALTER TABLE runs ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0; UPDATE runs SET indexed = current;
      DROP INDEX events_fatal; DROP INDEX events_error;
      ALTER TABLE runs DROP COLUMN min_ts; ALTER TABLE runs DROP COLUMN max_ts;
      ALTER TABLE runs DROP COLUMN current; ALTER TABLE runs DROP COLUMN indexed_to;
      ALTER TABLE events DROP COLUMN summary; ALTER TABLE events DROP COLUMN summary_start; ALTER TABLE events DROP COLUMN summary_end; ALTER TABLE events DROP COLUMN json_at;
      ALTER TABLE events DROP COLUMN fields; ALTER TABLE events DROP COLUMN exception; ALTER TABLE error_groups DROP COLUMN exception;
      ALTER TABLE runs DROP COLUMN parts;
      DROP INDEX error_groups_fingerprint; DROP INDEX error_groups_type; DROP INDEX error_groups_short_type;
      ALTER TABLE runs DROP COLUMN imported_at;
      DROP INDEX events_run_ts; ALTER TABLE runs DROP COLUMN state; ALTER TABLE runs DROP COLUMN writer_pid;
      ALTER TABLE runs DROP COLUMN touched_at; ALTER TABLE runs DROP COLUMN covered_json; ALTER TABLE error_groups DROP COLUMN context_pending;
      PRAGMA user_version = 1;`);
    db.close();

    const { store, warning } = openCache({ dataDir: dir, backgroundIndex: false });
    expect(warning).toBeUndefined();
    // Version 4 changed the full-text index's layout: it is rebuilt, and search is complete meanwhile.
    // Version 5 stores each event's parts: runs saved before are read with parts worked out from their messages.
    expect(store.indexPending(0)).toEqual({ indexed: 0, pending: 600 });
    for (const result of results) expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
    const target = results[1]?.events[150] as (typeof results)[0]['events'][0];
    const requestId = target.message.match(/requestId[=":]+([0-9a-f-]{36})/)?.[1] ?? target.message.slice(0, 40);
    const errors = results.flatMap((r) => r.events).filter((e) => e.level === 'error').length;
    for (const phase of ['before indexing', 'after indexing']) {
      if (phase === 'after indexing') expect(store.indexPending()).toEqual({ indexed: 600, pending: 0 });
      const hits = store.search({ text: '', from: target.timestamp, to: target.timestamp, limit: 10 });
      expect(
        hits.map((hit) => hit.eventId),
        phase,
      ).toContain(target.id);
      expect(
        store.search({ text: requestId, limit: 10 }).map((hit) => hit.eventId),
        phase,
      ).toContain(target.id);
      expect(store.search({ text: '', level: 'error', limit: 1000 }).length, phase).toBe(errors);
    }
    store.close();

    const check = new DatabaseSync(join(dir, 'cache.db'));
    expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: SCHEMA_VERSION });
    const runs = check.prepare('SELECT min_ts, max_ts, current, indexed_to = last_event AS indexed FROM runs ORDER BY id').all();
    expect(runs).toEqual(
      [...results, results[0] as (typeof results)[0]].map((r, i) => ({
        min_ts: Math.min(...r.events.map((e) => e.timestamp)),
        max_ts: Math.max(...r.events.map((e) => e.timestamp)),
        current: i < 2 ? 1 : 0,
        indexed: i < 2 ? 1 : null,
      })),
    );
    check.close();
  });
});
