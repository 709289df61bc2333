import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { makeCorrelationResult } from '../../support/cache-fixtures/correlation-results';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';

describe('full-text indexing after save', () => {
  it('leaves a saved run pending and indexes it in steps on request', () => {
    const { store } = createMemoryStore();
    const result = makeCorrelationResult({ seed: 1, events: 1000 });
    store.saveRun(result);
    expect(store.indexPending(0)).toEqual({ indexed: 0, pending: 1000 });
    const step = store.indexPending(200);
    expect(step.indexed).toBeGreaterThanOrEqual(200);
    expect(step.indexed + step.pending).toBe(1000);
    expect(store.indexPending()).toEqual({ indexed: step.pending, pending: 0 });
  });

  it('only indexes the run each session shows', () => {
    const { store } = createMemoryStore();
    const result = makeCorrelationResult({ seed: 2, events: 300, complete: true, failures: 0 });
    store.saveRun(result);
    store.indexPending();
    // An older, incomplete run is cached but neither shown nor searched, so nothing to index.
    store.saveRun({ ...result, complete: false, ranAt: result.ranAt - 1 });
    expect(store.indexPending(0).pending).toBe(0);
    // A newer run replaces it: its events wait, the old run's blocks are gone from the index.
    const replacement = {
      ...makeCorrelationResult({ seed: 3, events: 200, complete: true, failures: 0 }),
      session: result.session,
      ranAt: result.ranAt + 1,
    };
    store.saveRun(replacement);
    expect(store.indexPending(0).pending).toBe(200);
    store.indexPending();
    const oldOnly = result.events[10]?.message.match(/requestId[=":]+([0-9a-f-]{36})/)?.[1] ?? '';
    expect(oldOnly).not.toBe('');
    expect(store.search({ text: oldOnly, limit: 5 })).toEqual([]);
  });

  it('indexes in the background, a step per event-loop turn, when enabled', async () => {
    const { store } = createMemoryStore({ backgroundIndex: true });
    store.saveRun(makeCorrelationResult({ seed: 4, events: 5000 }));
    expect(store.indexPending(0).pending).toBeGreaterThan(0);
    for (let turn = 0; turn < 1000 && store.indexPending(0).pending > 0; turn += 1) await nextTurn();
    expect(store.indexPending(0).pending).toBe(0);
  });
});
