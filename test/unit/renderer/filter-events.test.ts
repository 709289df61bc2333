import { describe, expect, it } from 'vitest';
import { emptyFilter, facets, filterEvents, isFilterActive, toggle } from '../../../renderer/src/lib/filter-events';
import { event } from './events';

const events = [
  event(10, 'error', { message: 'TypeError: boom', fingerprint: 'f1' }),
  event(20, 'info', { message: 'GET /cart 200', logGroup: '/ecs/web' }),
  event(30, 'warn', { message: 'slow query', connection: 'staging' }),
  event(90, 'error', { message: 'TypeError: boom again', fingerprint: 'f1', logStream: 'Worker-7' }),
];

describe('filterEvents', () => {
  it('returns the same array when no filter is active', () => {
    expect(filterEvents(events, emptyFilter)).toBe(events);
    expect(isFilterActive(emptyFilter)).toBe(false);
    expect(isFilterActive({ ...emptyFilter, text: '   ' })).toBe(false);
  });

  it('filters by level, log group, connection and fingerprint', () => {
    expect(filterEvents(events, { ...emptyFilter, levels: ['error', 'warn'] }).map((e) => e.offsetMs)).toEqual([10, 30, 90]);
    expect(filterEvents(events, { ...emptyFilter, logGroups: ['/ecs/web'] }).map((e) => e.offsetMs)).toEqual([20]);
    expect(filterEvents(events, { ...emptyFilter, connections: ['staging'] }).map((e) => e.offsetMs)).toEqual([30]);
    expect(filterEvents(events, { ...emptyFilter, fingerprint: 'f1' }).map((e) => e.offsetMs)).toEqual([10, 90]);
  });

  it('matches text case-insensitively in the message and the stream name', () => {
    expect(filterEvents(events, { ...emptyFilter, text: 'typeerror' })).toHaveLength(2);
    expect(filterEvents(events, { ...emptyFilter, text: 'worker-7' }).map((e) => e.offsetMs)).toEqual([90]);
    expect(filterEvents(events, { ...emptyFilter, text: 'nothing like this' })).toEqual([]);
  });

  it('selects exactly the events the clicked timeline bin counted', () => {
    const bin = { domain: { fromMs: 0, toMs: 100 }, count: 4, index: 0 };
    expect(filterEvents(events, { ...emptyFilter, bin }).map((e) => e.offsetMs)).toEqual([10, 20]);
    expect(filterEvents(events, { ...emptyFilter, bin: { ...bin, index: 3 } }).map((e) => e.offsetMs)).toEqual([90]);
  });

  it('combines filters with AND', () => {
    expect(filterEvents(events, { ...emptyFilter, levels: ['error'], text: 'again' }).map((e) => e.offsetMs)).toEqual([90]);
  });
});

describe('facets and toggle', () => {
  it('counts every level, log group and connection', () => {
    const f = facets(events);
    expect(f.levels.get('error')).toBe(2);
    expect(f.logGroups.get('/ecs/api')).toBe(3);
    expect(f.connections.get('staging')).toBe(1);
  });

  it('counts runs and interleaved values alike', () => {
    const f = facets(['a', 'a', 'b', 'a', 'c', 'c'].map((logGroup, i) => event(i, 'info', { logGroup, connection: i % 2 ? 'x' : 'y' })));
    expect(Object.fromEntries(f.logGroups)).toEqual({ a: 3, b: 1, c: 2 });
    expect(Object.fromEntries(f.connections)).toEqual({ y: 3, x: 3 });
    expect(Object.fromEntries(f.levels)).toEqual({ info: 6 });
  });

  it('adds a missing value and removes a present one', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});
