import { describe, expect, it } from 'vitest';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';

describe('session list, delete, clear and stats', () => {
  it('summarises each session from its current run, most recently viewed first', () => {
    const { store, tick } = createMemoryStore();
    const first = makeCorrelationResult({ seed: 1, events: 200, complete: true, failures: 0 });
    const second = makeCorrelationResult({ seed: 2, events: 100, complete: false, failures: 1 });
    const savedFirst = tick();
    store.saveRun(first);
    tick();
    store.saveRun(second);
    const viewed = tick();
    store.openSession(first.session.id);
    const [top, next] = store.listSessions();
    const largest = [...first.groups]
      .sort((x, y) => y.count - x.count)
      .slice(0, 3)
      .map((g) => g.title);
    expect(top).toStrictEqual({
      sessionId: first.session.id,
      ...(first.session.token ? { token: first.session.token } : {}),
      start: first.session.start,
      ...(first.session.replayUrl ? { replayUrl: first.session.replayUrl } : {}),
      cachedAt: savedFirst,
      lastViewedAt: viewed,
      eventCount: 200,
      errorGroupCount: first.groups.length,
      complete: true,
      topErrors: largest,
      imported: false,
    });
    expect(next).toMatchObject({ sessionId: second.session.id, eventCount: 100, complete: false });
    expect(store.listSessions(1)).toHaveLength(1);
  });

  it('deletes one session with all its runs and leaves the others', () => {
    const { store } = createMemoryStore();
    const keep = makeCorrelationResult({ seed: 1, events: 50 });
    const drop = makeCorrelationResult({ seed: 2, events: 50 });
    store.saveRun(keep);
    store.saveRun(drop);
    store.saveRun({ ...drop, ranAt: drop.ranAt + 1 });
    store.deleteSession(drop.session.id);
    expect(store.openSession(drop.session.id)).toBeNull();
    expect(store.coveredWindows(drop.session.id)).toEqual([]);
    expect(store.search({ text: '', sessionId: drop.session.id, limit: 10 })).toEqual([]);
    expect(store.openSession(keep.session.id)?.result).toStrictEqual(keep);
    expect(store.stats()).toMatchObject({ sessions: 1, events: 50 });
  });

  it('clears everything and keeps working afterwards', () => {
    const { store } = createMemoryStore();
    const result = makeCorrelationResult({ seed: 1, events: 80 });
    store.saveRun(result);
    store.clear();
    expect(store.listSessions()).toEqual([]);
    expect(store.search({ text: 'requestId', limit: 10 })).toEqual([]);
    expect(store.stats()).toMatchObject({ sessions: 0, events: 0 });
    store.saveRun(result);
    expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
    expect(store.search({ text: 'requestId', limit: 10 }).length).toBeGreaterThan(0);
  });

  it('reports size, cap, counts of every stored run, and the memory-only flag', () => {
    const { store } = createMemoryStore({ capBytes: 123_456_789 });
    const empty = store.stats();
    const result = makeCorrelationResult({ seed: 1, events: 500 });
    store.saveRun(result);
    store.saveRun({ ...result, ranAt: result.ranAt + 1 });
    const stats = store.stats();
    expect(stats).toMatchObject({ capBytes: 123_456_789, sessions: 1, events: 1000, memoryOnly: true });
    expect(stats.sizeBytes).toBeGreaterThan(empty.sizeBytes);
  });

  it('evicts superseded runs first, then least recently viewed sessions, when the cap shrinks', () => {
    const { store, tick } = createMemoryStore();
    const results = [1, 2, 3].map((seed) => makeCorrelationResult({ seed, events: 400, complete: true, failures: 0 }));
    for (const result of results) {
      tick();
      store.saveRun(result);
    }
    tick();
    store.saveRun({ ...(results[0] as (typeof results)[0]), ranAt: (results[0]?.ranAt ?? 0) + 1 });
    tick();
    store.openSession(results[1]?.session.id ?? '');
    const before = store.stats();
    // Four runs of equal size; a cap of 60% leaves room for two. results[0]'s first run is
    // superseded, so it goes first; of the sessions, results[2] was viewed (saved) least recently.
    store.setCapBytes(Math.floor(before.sizeBytes * 0.6));
    expect(store.coveredWindows(results[0]?.session.id ?? '')).toHaveLength(1);
    expect(store.openSession(results[2]?.session.id ?? '')).toBeNull();
    expect(store.openSession(results[1]?.session.id ?? '')).not.toBeNull();
    expect(store.openSession(results[0]?.session.id ?? '')).not.toBeNull();
    expect(store.stats().sizeBytes).toBeLessThanOrEqual(Math.floor(before.sizeBytes * 0.6));
  });

  it('rejects a cap that is not a positive number', () => {
    const { store } = createMemoryStore();
    expect(() => store.setCapBytes(0)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() => store.setCapBytes(Number.NaN)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
