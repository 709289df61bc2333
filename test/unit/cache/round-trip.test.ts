import { describe, expect, it } from 'vitest';
import type { CorrelationResult } from '../../../shared/domain/correlation';
import { makeCorrelationResult, sessionIdFor } from '../../support/cache-fixtures/correlation-results';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';

/** An event without its parts, to give it others. */
function bare(event: CorrelationResult['events'][number]): CorrelationResult['events'][number] {
  const { summary: _summary, summarySpan: _span, jsonAt: _jsonAt, fields: _fields, exception: _exception, ...rest } = event;
  return rest;
}

describe('saveRun → openSession round trip', () => {
  it.each([1, 2, 3, 17, 99])('returns exactly the saved result (seed %i)', (seed) => {
    const { store } = createMemoryStore();
    const result = makeCorrelationResult({ seed, events: 300 });
    store.saveRun(result);
    expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
  });

  it('keeps optional fields absent, edge values, and each kind of part (summary, span, fields, exception)', () => {
    const { store } = createMemoryStore();
    const base = makeCorrelationResult({ seed: 5, events: 3 });
    const [a, b, c] = base.events as [
      CorrelationResult['events'][number],
      CorrelationResult['events'][number],
      CorrelationResult['events'][number],
    ];
    const result: CorrelationResult = {
      ...base,
      session: { id: base.session.id, start: base.session.start, end: base.session.end },
      stats: { bytesScanned: 0, recordsScanned: 0, recordsMatched: 0, costUsd: 0.000_001_5, queries: 0 },
      events: [
        { ...bare(a), message: '{"a":1}', jsonAt: 0, summary: 'a', offsetMs: -1.5, timestamp: 1.25 },
        {
          ...bare(b),
          message: 'prefix {"nested":{"x":[1,"two",null,true]}}',
          summarySpan: [0, 6],
          fields: { pod: 'api-7d9', 'label.app': 'ünï"' },
        },
        {
          ...bare(c),
          message: 'emoji 🚀 and "quotes" and \\ and 日本語\nsecond line',
          fingerprint: 'f'.repeat(128),
          exception: {
            type: 'E',
            message: '日本語',
            frames: [{ raw: 'at f (a.js:1:2)', function: 'f', file: 'a.js', line: 1, column: 2, app: true }],
            omittedFrames: 3,
            causes: [{ type: 'C', message: '', frames: [], relation: 'cause' }],
          },
        },
      ],
      groups: [],
      failures: [],
      connections: [],
    };
    store.saveRun(result);
    expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
  });

  it('keeps the count of rows left out for want of a timestamp, in the result and in the view the renderer gets', () => {
    const { store } = createMemoryStore();
    const base = makeCorrelationResult({ seed: 6, events: 4 });
    const result: CorrelationResult = { ...base, stats: { ...base.stats, rowsWithoutTimestamp: 3 } };
    store.saveRun(result);
    expect(store.openSession(result.session.id)?.result.stats).toStrictEqual(result.stats);
    expect(store.openView(result.session.id)?.view.stats.rowsWithoutTimestamp).toBe(3);
  });

  it('round-trips a run with no events, groups or connections', () => {
    const { store } = createMemoryStore();
    const result = { ...makeCorrelationResult({ seed: 8, events: 0 }), groups: [], connections: [] };
    store.saveRun(result);
    expect(store.openSession(result.session.id)?.result).toStrictEqual(result);
  });

  it('returns null for a session that is not cached', () => {
    const { store } = createMemoryStore();
    expect(store.openSession(sessionIdFor(12345))).toBeNull();
  });

  it('refuses a run whose session ID is not a decimal OpenReplay ID', () => {
    const { store } = createMemoryStore();
    const result = makeCorrelationResult({ seed: 3, events: 1 });
    expect(() => store.saveRun({ ...result, session: { ...result.session, id: '1; DROP TABLE runs' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });
});

describe('which run a session shows', () => {
  const sessionId = sessionIdFor(40);
  const run = (seed: number, complete: boolean, ranAt: number) =>
    makeCorrelationResult({ seed, sessionId, events: 20, complete, failures: complete ? 0 : 1, ranAt });

  it('shows the latest complete run, even when a newer incomplete run exists', () => {
    const { store, tick } = createMemoryStore();
    const complete = run(1, true, 1000);
    const { runId } = store.saveRun(complete);
    tick();
    store.saveRun(run(2, false, 2000));
    const opened = store.openSession(sessionId);
    expect(opened?.runId).toBe(runId);
    expect(opened?.result).toStrictEqual(complete);
  });

  it('shows the latest run when no run is complete, and a later complete run replaces it', () => {
    const { store } = createMemoryStore();
    store.saveRun(run(1, false, 1000));
    const newer = run(2, false, 2000);
    store.saveRun(newer);
    expect(store.openSession(sessionId)?.result).toStrictEqual(newer);
    const complete = run(3, true, 3000);
    store.saveRun(complete);
    expect(store.openSession(sessionId)?.result).toStrictEqual(complete);
  });

  it('keeps the newer run when an older one arrives later (e.g. an imported export)', () => {
    const { store } = createMemoryStore();
    const newer = run(1, true, 5000);
    store.saveRun(newer);
    store.saveRun(run(2, true, 1000));
    expect(store.openSession(sessionId)?.result).toStrictEqual(newer);
  });

  it('reports cachedAt as the save time and marks the session viewed on open', () => {
    const { store, tick } = createMemoryStore();
    const savedAt = tick();
    store.saveRun(run(1, true, 1000));
    const viewedAt = tick(60_000);
    expect(store.openSession(sessionId)?.cachedAt).toBe(savedAt);
    expect(store.listSessions()[0]).toMatchObject({ cachedAt: savedAt, lastViewedAt: viewedAt });
  });

  it('lists the windows of every cached run for refreshing only the uncovered part', () => {
    const { store } = createMemoryStore();
    store.saveRun({ ...run(1, true, 1000), window: { from: 100, to: 200 } });
    store.saveRun({ ...run(2, false, 2000), window: { from: 50, to: 150 } });
    expect(store.coveredWindows(sessionId)).toEqual([
      { from: 50, to: 150, complete: false },
      { from: 100, to: 200, complete: true },
    ]);
    expect(store.coveredWindows(sessionIdFor(41))).toEqual([]);
  });
});
