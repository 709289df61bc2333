import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CacheStore } from '../../../main/services/cache/cache-types';
import type { CorrelationResult, Level, LogEvent } from '../../../shared/domain/correlation';
import type { EventFilter, RunRef } from '../../../shared/domain/session-view';
import { timelineDomain } from '../../../shared/domain/timeline';
import { neighbourContext } from '../../../renderer/src/lib/context';
import { emptyFilter } from '../../../renderer/src/lib/filter-events';
import { sessionIdFor } from '../../support/cache-fixtures/correlation-results';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';
import { event } from '../renderer/events';

// The event list's filters, facets and timeline bars, worked out in the cache (the renderer holds
// only what is on screen): each filter, alone and combined, and the bars adding up to the list.

const START = 1_700_000_000_000;

function runOf(events: LogEvent[], seed = 1): CorrelationResult {
  return {
    session: { id: sessionIdFor(seed), start: START, end: START + 7_200_000 },
    window: { from: START - 600_000, to: START + 7_500_000 },
    stats: { bytesScanned: 0, recordsScanned: 0, recordsMatched: events.length, costUsd: 0, queries: 1 },
    groups: [],
    events,
    failures: [],
    complete: true,
    connections: [{ id: 'c1', name: 'production', logGroups: ['/ecs/api'] }],
    ranAt: START + 8_000_000,
  };
}

function stored(events: LogEvent[], seed = 1): { store: CacheStore; run: RunRef } {
  const { store } = createMemoryStore();
  const result = runOf(events, seed);
  const { runId } = store.saveRun(result);
  return { store, run: { sessionId: result.session.id, runId } };
}

const offsets = (store: CacheStore, run: RunRef, filter: Partial<EventFilter>) =>
  store.eventPage({ run, filter: { ...emptyFilter, ...filter }, offset: 0, limit: 500, withTotal: true });

const events = [
  event(10, 'error', { message: 'TypeError: boom', fingerprint: 'f1' }),
  event(20, 'info', { message: 'GET /cart 200', logGroup: '/ecs/web' }),
  event(30, 'warn', { message: 'slow query', connection: 'staging' }),
  event(90, 'error', { message: 'TypeError: boom again', fingerprint: 'f1', logStream: 'Worker-7' }),
];

describe('filters applied in the cache', () => {
  const { store, run } = stored(events);
  const shown = (filter: Partial<EventFilter>) => offsets(store, run, filter).events.map((e) => e.offsetMs);

  it('returns every event, in time order, when no filter is active', () => {
    expect(offsets(store, run, {})).toMatchObject({ total: 4 });
    expect(shown({})).toEqual([10, 20, 30, 90]);
  });

  it('filters by level, log group, connection and fingerprint', () => {
    expect(shown({ levels: ['error', 'warn'] })).toEqual([10, 30, 90]);
    expect(shown({ logGroups: ['/ecs/web'] })).toEqual([20]);
    expect(shown({ connections: ['staging'] })).toEqual([30]);
    expect(shown({ fingerprint: 'f1' })).toEqual([10, 90]);
  });

  it('matches text case-insensitively in the message and the stream name', () => {
    expect(shown({ text: 'typeerror' })).toHaveLength(2);
    expect(shown({ text: 'worker-7' })).toEqual([90]);
    expect(shown({ text: 'nothing like this' })).toEqual([]);
    expect(shown({ text: '  BOOM  ' })).toEqual([10, 90]);
  });

  it('selects exactly the events the clicked timeline bin counted', () => {
    const bin = { domain: { fromMs: 0, toMs: 100 }, count: 4, index: 0 };
    expect(shown({ bin })).toEqual([10, 20]);
    expect(shown({ bin: { ...bin, index: 3 } })).toEqual([90]);
  });

  it('combines filters with AND', () => {
    expect(shown({ levels: ['error'], text: 'again' })).toEqual([90]);
  });

  it('counts every level, log group and connection for the filter bar', () => {
    const { facets, eventCount } = store.runView(run);
    expect(eventCount).toBe(4);
    expect(new Map(facets.levels).get('error')).toBe(2);
    expect(new Map(facets.logGroups).get('/ecs/api')).toBe(3);
    expect(new Map(facets.connections).get('staging')).toBe(1);
  });

  it('counts interleaved values alike', () => {
    const { store: other, run: ref } = stored(
      ['a', 'a', 'b', 'a', 'c', 'c'].map((logGroup, i) => event(i, 'info', { logGroup, connection: i % 2 ? 'x' : 'y' })),
      2,
    );
    const { facets } = other.runView(ref);
    expect(Object.fromEntries(facets.logGroups)).toEqual({ a: 3, b: 1, c: 2 });
    expect(Object.fromEntries(facets.connections)).toEqual({ y: 3, x: 3 });
    expect(Object.fromEntries(facets.levels)).toEqual({ info: 6 });
  });
});

describe('timeline bars counted in the cache', () => {
  it('counts totals, errors (error + fatal) and warnings per bin', () => {
    const { store, run } = stored([event(1, 'error'), event(2, 'fatal'), event(3, 'warn'), event(55), event(99, 'debug')]);
    const bins = store.timeline({ run, filter: emptyFilter, domain: { fromMs: 0, toMs: 100 }, count: 10 });
    expect(bins).toHaveLength(10);
    expect(bins[0]).toMatchObject({ total: 3, errors: 2, warnings: 1 });
    expect(bins[5]).toMatchObject({ total: 1, errors: 0 });
    expect(bins[9]).toMatchObject({ total: 1 });
  });

  it('loses no event and no error, and a bar filters to exactly its count, whatever the offsets and bin count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -600_000, max: 7_200_000 }), fc.constantFrom<Level>('error', 'info', 'fatal', 'warn')), {
          maxLength: 120,
        }),
        fc.integer({ min: 1, max: 300 }),
        (rows, count) => {
          const list = rows.map(([offset, level], i) => event(offset, level, { message: `line ${i}` }));
          const { store, run } = stored(list);
          const domain = timelineDomain(list, 7_200_000);
          const bins = store.timeline({ run, filter: emptyFilter, domain, count });
          expect(bins).toHaveLength(count);
          expect(bins.reduce((n, b) => n + b.total, 0)).toBe(list.length);
          expect(bins.reduce((n, b) => n + b.errors, 0)).toBe(list.filter((e) => e.level === 'error' || e.level === 'fatal').length);
          const busy = bins.find((b) => b.total > 0);
          if (busy) expect(offsets(store, run, { bin: { domain, count, index: busy.index } }).total).toBe(busy.total);
          store.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('pages, lookups and neighbours', () => {
  const many = Array.from({ length: 1_234 }, (_, i) =>
    event(i * 10, i % 7 === 0 ? 'error' : 'info', { message: `line ${i}`, logStream: i % 2 ? 'odd' : 'even' }),
  );
  const { store, run } = stored(many, 3);

  it('reads a run page by page, in time order, with the total asked once', () => {
    const pages = [0, 500, 1_000].map((offset) =>
      store.eventPage({ run, filter: emptyFilter, offset, limit: 500, withTotal: offset === 0 }),
    );
    expect(pages[0]!.total).toBe(1_234);
    expect(pages[1]!.total).toBeUndefined();
    expect(pages.flatMap((p) => p.events.map((e) => e.message))).toEqual(many.map((e) => e.message));
  });

  it('finds an event and where a filter lists it', () => {
    const target = many[700]!;
    expect(store.findEvent({ run, eventId: target.id })?.event).toEqual(target);
    expect(store.findEvent({ run, eventId: target.id, timestamp: target.timestamp, filter: { ...emptyFilter, text: 'line' } })?.index).toBe(
      700,
    );
    expect(store.findEvent({ run, eventId: target.id, filter: { ...emptyFilter, logGroups: ['/nowhere'] } })).toEqual({ event: target });
    expect(store.findEvent({ run, eventId: 'e-missing' })).toBeNull();
  });

  it('takes the lines around an event from the same stream only', () => {
    const list = [event(1), event(2, 'info', { logStream: 'other' }), event(3), event(4, 'error'), event(5), event(6)];
    const { store: small, run: ref } = stored(list, 4);
    const around = small.neighbours({ run: ref, eventId: list[3]!.id, radius: 1 });
    const rows = neighbourContext(around, list[3]!);
    expect(rows.map((r) => [r.timestamp - START, r.current ?? false])).toEqual([
      [3, false],
      [4, true],
      [5, false],
    ]);
  });

  it('refuses a run of another session', () => {
    expect(() =>
      store.eventPage({ run: { ...run, sessionId: sessionIdFor(99) }, filter: emptyFilter, offset: 0, limit: 1, withTotal: false }),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
