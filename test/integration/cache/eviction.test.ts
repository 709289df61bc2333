import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/services/cache/cache-store';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('size cap', () => {
  it('evicts least recently viewed sessions to stay under a small cap, and the file shrinks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orcw-cache-evict-'));
    dirs.push(dir);
    let clock = 1_800_000_000_000;
    const cap = 2 * 1024 * 1024;
    const { store } = openCache({ dataDir: dir, capBytes: cap, now: () => (clock += 1000) });
    const favourite = makeCorrelationResult({ seed: 1, events: 800 });
    store.saveRun(favourite);
    const saved: string[] = [];
    for (let seed = 2; seed <= 12; seed += 1) {
      const result = makeCorrelationResult({ seed, events: 800 });
      store.saveRun(result);
      saved.push(result.session.id);
      // Viewing the favourite keeps it the most recently viewed of the older sessions.
      expect(store.openSession(favourite.session.id)).not.toBeNull();
      expect(store.stats().sizeBytes).toBeLessThanOrEqual(cap);
    }
    const kept = store.listSessions().map((s) => s.sessionId);
    expect(kept).toContain(favourite.session.id);
    expect(kept).toContain(saved.at(-1));
    expect(kept.length).toBeLessThan(saved.length + 1);
    // The oldest, never re-viewed sessions went first.
    expect(kept).not.toContain(saved[0]);
    const evicted = saved.filter((id) => !kept.includes(id));
    expect(evicted).toEqual(saved.slice(0, evicted.length));
    expect(store.openSession(favourite.session.id)?.result).toStrictEqual(favourite);
    store.close();
    expect(statSync(join(dir, 'cache.db')).size).toBeLessThanOrEqual(cap * 1.25);
  });

  it('keeps a single session even when it alone is larger than the cap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'orcw-cache-evict-'));
    dirs.push(dir);
    const { store } = openCache({ dataDir: dir, capBytes: 64 * 1024 });
    const big = makeCorrelationResult({ seed: 5, events: 1500 });
    store.saveRun(makeCorrelationResult({ seed: 6, events: 10 }));
    store.saveRun(big);
    expect(store.listSessions().map((s) => s.sessionId)).toEqual([big.session.id]);
    expect(store.openSession(big.session.id)?.result).toStrictEqual(big);
    store.close();
  });
});
