import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/services/cache/cache-store';
import type { CacheStore, RunWriter } from '../../../main/services/cache/cache-types';
import type { CorrelationResult } from '../../../shared/domain/correlation';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';

// A run written page by page: invisible until finished, removed by abort or (after a crash) by the
// next start, and able to keep another run's events by copying them inside the cache.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writePaged(store: CacheStore, run: CorrelationResult, pages = 4): RunWriter {
  const writer = store.beginRun({ session: run.session, window: run.window, connections: run.connections, ranAt: run.ranAt });
  const size = Math.ceil(run.events.length / pages);
  for (let i = 0; i < run.events.length; i += size) writer.append(run.events.slice(i, i + size));
  return writer;
}

const end = (run: CorrelationResult) => ({
  stats: run.stats,
  groups: run.groups,
  failures: run.failures,
  complete: run.complete,
  covered: [run.window],
});

describe('runs written page by page', () => {
  it('show nowhere until finished, then exactly as written', () => {
    const { store } = createMemoryStore();
    const run = makeCorrelationResult({ seed: 41, events: 500, complete: true, failures: 0 });
    const writer = writePaged(store, run);
    expect(store.openSession(run.session.id)).toBeNull();
    expect(store.listSessions()).toEqual([]);
    expect(store.search({ text: '', sessionId: run.session.id, limit: 10 })).toEqual([]);
    expect(store.coveredWindows(run.session.id)).toEqual([]);
    expect(store.stats()).toMatchObject({ sessions: 0, events: 0 });
    // Its own writer can read back what it stored so far.
    expect([...store.eventPages(writer.runId)].flat()).toEqual(run.events);

    writer.finish(end(run));
    expect(store.openSession(run.session.id)?.result).toStrictEqual(run);
    expect(store.coveredWindows(run.session.id)).toEqual([{ ...run.window, complete: true }]);
    expect(store.stats()).toMatchObject({ sessions: 1, events: 500 });
  });

  it('leave nothing behind when aborted', () => {
    const { store } = createMemoryStore();
    const run = makeCorrelationResult({ seed: 42, events: 200 });
    const writer = writePaged(store, run);
    writer.abort();
    expect([...store.eventPages(writer.runId)].flat()).toEqual([]);
    expect(store.listSessions()).toEqual([]);
    expect(() => writer.finish(end(run))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('are deleted at the next start when their writer died, and only then', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'orcw-paged-'));
    dirs.push(dataDir);
    const kept = makeCorrelationResult({ seed: 43, events: 100 });
    const cut = makeCorrelationResult({ seed: 44, events: 300 });
    const first = openCache({ dataDir, backgroundIndex: false }).store;
    first.saveRun(kept);
    const writer = writePaged(first, cut, 3);
    first.close();
    // A writer that is still alive (this process) keeps its run across another open.
    const again = openCache({ dataDir, backgroundIndex: false }).store;
    expect([...again.eventPages(writer.runId)].flat()).toHaveLength(300);
    again.close();

    // Make its writer a process that has exited.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const db = new DatabaseSync(join(dataDir, 'cache.db'));
    db.prepare('UPDATE runs SET writer_pid = ? WHERE state = 0').run(gone);
    db.close();

    const { store } = openCache({ dataDir, backgroundIndex: false });
    expect([...store.eventPages(writer.runId)].flat()).toEqual([]);
    expect(store.listSessions().map((s) => s.sessionId)).toEqual([kept.session.id]);
    expect(store.openSession(kept.session.id)?.result).toStrictEqual(kept);
    store.close();
    const check = new DatabaseSync(join(dataDir, 'cache.db'));
    expect(check.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 100 });
    expect(check.prepare('SELECT id FROM sessions').all()).toEqual([{ id: kept.session.id }]);
    check.close();
  });

  it('keep another run’s events inside given ranges by copying them in the cache, in time order', () => {
    const { store } = createMemoryStore();
    const cached = makeCorrelationResult({ seed: 45, events: 400 });
    const { runId } = store.saveRun(cached);
    const boundary = cached.events[250]!.timestamp;
    const fresh = cached.events.slice(250).map((e) => ({ ...e, id: `${e.id}-fresh` }));
    const writer = store.beginRun({
      session: cached.session,
      window: cached.window,
      connections: cached.connections,
      ranAt: cached.ranAt + 1,
    });
    writer.append(fresh);
    expect(writer.copyFrom(runId, [{ from: cached.window.from, to: boundary - 1 }])).toBe(250);
    const events = [...store.eventPages(writer.runId, { pageSize: 64 })].flat();
    expect(events.map((e) => e.id)).toEqual([...cached.events.slice(0, 250).map((e) => e.id), ...fresh.map((e) => e.id)]);
    expect(events.slice(0, 250)).toEqual(cached.events.slice(0, 250));
    const only = [...store.eventPages(writer.runId, { ranges: [{ from: boundary, to: boundary + 60_000 }] })].flat();
    expect(only.every((e) => e.timestamp >= boundary && e.timestamp <= boundary + 60_000)).toBe(true);
    expect(only.length).toBe(fresh.filter((e) => e.timestamp <= boundary + 60_000).length);
  });
});
