import { describe, expect, it } from 'vitest';
import { mergeTail } from '../../../main/services/correlation/merge-runs';
import { INGESTION_SLACK_MS, QUIET_BEFORE_SPLIT_MS, planRefresh } from '../../../main/services/correlation/refresh-plan';
import type { Connection } from '../../../shared/domain/connection';
import type { CorrelationResult, ErrorGroup, LogEvent } from '../../../shared/domain/correlation';

const START = Date.UTC(2025, 0, 10, 12, 0, 0);
const MIN = 60_000;
const conn: Connection = { id: 'c1', name: 'prod', region: 'us-east-1', logGroups: ['/a', '/b'], auth: { kind: 'keys' } };

function event(id: string, timestamp: number, fingerprint?: string): LogEvent {
  return {
    id,
    timestamp,
    offsetMs: timestamp - START,
    connectionId: 'c1',
    connection: 'prod',
    logGroup: '/a',
    logStream: 's',
    level: fingerprint ? 'error' : 'info',
    message: id,
    ...(fingerprint ? { fingerprint } : {}),
  };
}

function group(fingerprint: string, times: number[], extra: Partial<ErrorGroup> = {}): ErrorGroup {
  return {
    fingerprint,
    title: fingerprint,
    type: 'Error',
    level: 'error',
    count: times.length,
    firstSeen: times[0]!,
    lastSeen: times.at(-1)!,
    firstOffsetMs: times[0]! - START,
    offsetsMs: times.map((t) => t - START),
    sampleEventId: `${fingerprint}-0`,
    connection: 'prod',
    logGroup: '/a',
    logStream: 's',
    frames: [],
    contextBefore: [],
    contextAfter: [],
    ...extra,
  };
}

function run(
  window: { from: number; to: number },
  ranAt: number,
  events: LogEvent[],
  groups: ErrorGroup[],
  extra: Partial<CorrelationResult> = {},
): CorrelationResult {
  return {
    session: { id: '1', start: START, end: START + 120 * MIN },
    window,
    events,
    groups,
    failures: [],
    complete: true,
    ranAt,
    stats: { bytesScanned: 100, recordsScanned: 10, recordsMatched: events.length, costUsd: 0, queries: 1 },
    connections: [{ id: 'c1', name: 'prod', logGroups: ['/b', '/a'] }],
    ...extra,
  };
}

/** A cached run as planning sees it: its header, and its events only through the time of the last before a point. */
function cachedRun(result: CorrelationResult) {
  const stamps = result.events.map((e) => e.timestamp);
  return {
    ...result,
    lastEventBefore: (time: number) =>
      stamps.filter((t) => t < time).reduce<number | undefined>((a, b) => (a === undefined ? b : Math.max(a, b)), undefined),
  };
}

describe('planRefresh', () => {
  const cachedWindow = { from: START - 5 * MIN, to: START + 40 * MIN };
  const cached = run(cachedWindow, START + 40 * MIN, [event('a', START + 10 * MIN)], []);

  it('re-reads only the tail, from before the ingestion slack', () => {
    const plan = planRefresh(cachedRun(cached), [conn], { from: cachedWindow.from, to: START + 90 * MIN });
    expect(plan).toEqual({ kind: 'tail', boundary: START + 40 * MIN - INGESTION_SLACK_MS });
  });

  it('moves the split back to a quiet point so no trace straddles it', () => {
    const busy = run(cachedWindow, START + 40 * MIN, [event('x', START + 35 * MIN - 10_500), event('y', START + 35 * MIN - 25_000)], []);
    const plan = planRefresh(cachedRun(busy), [conn], { from: cachedWindow.from, to: START + 90 * MIN });
    expect(plan.kind).toBe('tail');
    const boundary = (plan as { boundary: number }).boundary;
    expect(boundary % 1000).toBe(0);
    expect(boundary).toBeLessThanOrEqual(START + 35 * MIN - 25_000);
    expect(busy.events.filter((e) => e.timestamp < boundary && e.timestamp >= boundary - QUIET_BEFORE_SPLIT_MS)).toEqual([]);
  });

  it('says covered when the cached run reaches past the window with room for late events', () => {
    const old = run(cachedWindow, START + 2 * 24 * 60 * MIN, [], []);
    expect(planRefresh(cachedRun(old), [conn], cachedWindow)).toEqual({ kind: 'covered' });
  });

  it('runs in full when the cached run cannot be extended', () => {
    const wider = { from: cachedWindow.from - MIN, to: START + 90 * MIN };
    expect(planRefresh(cachedRun(cached), [conn], wider)).toEqual({ kind: 'full' });
    expect(planRefresh(cachedRun({ ...cached, complete: false }), [conn], { ...cachedWindow, to: START + 90 * MIN })).toEqual({
      kind: 'full',
    });
    expect(planRefresh(cachedRun(cached), [{ ...conn, logGroups: ['/a'] }], { ...cachedWindow, to: START + 90 * MIN })).toEqual({
      kind: 'full',
    });
    expect(planRefresh(cachedRun(cached), [conn, { ...conn, id: 'c2' }], { ...cachedWindow, to: START + 90 * MIN })).toEqual({
      kind: 'full',
    });
    // New session-ID field names find lines the cached run could not: even a covered run is redone.
    const old = run(cachedWindow, START + 2 * 24 * 60 * MIN, [], []);
    expect(planRefresh(cachedRun(old), [{ ...conn, sessionIdFields: ['sessionId'] }], cachedWindow)).toEqual({ kind: 'full' });
    const named = run(cachedWindow, START + 2 * 24 * 60 * MIN, [], [], {
      connections: [{ id: 'c1', name: 'prod', logGroups: ['/a', '/b'], sessionIdFields: ['sessionId'] }],
    });
    expect(planRefresh(cachedRun(named), [{ ...conn, sessionIdFields: ['SESSIONID'] }], cachedWindow)).toEqual({ kind: 'covered' });
    expect(planRefresh(cachedRun(named), [conn], cachedWindow)).toEqual({ kind: 'full' });
  });
});

describe('mergeTail', () => {
  it('spans both windows and merges groups by fingerprint: counts and offsets from each side of the boundary', () => {
    const boundary = START + 30 * MIN;
    const t = (m: number) => START + m * MIN;
    const cached = run(
      { from: t(-5), to: t(40) },
      t(40),
      [event('k-0', t(5), 'k'), event('k-1', t(35), 'k'), event('info', t(36))],
      [group('k', [t(5), t(35)], { contextBefore: [{ timestamp: t(5) - 1, logStream: 's', message: 'before' }] })],
    );
    const fresh = run(
      { from: boundary, to: t(90) },
      t(90),
      [event('k-1', t(35), 'k'), event('info', t(36)), event('n-0', t(60), 'n'), event('k-2', t(70), 'k')],
      [group('k', [t(35), t(70)]), group('n', [t(60)])],
      {
        stats: { bytesScanned: 7, recordsScanned: 3, recordsMatched: 4, costUsd: 0, queries: 1 },
      },
    );
    const merged = mergeTail(cached, fresh, boundary);
    expect(merged.window).toEqual({ from: t(-5), to: t(90) });
    const k = merged.groups.find((g) => g.fingerprint === 'k')!;
    expect(k).toMatchObject({ count: 3, firstSeen: t(5), lastSeen: t(70), sampleEventId: 'k-0', contextBefore: [{ message: 'before' }] });
    expect(k.offsetsMs).toEqual([5 * MIN, 35 * MIN, 70 * MIN]);
    expect(merged.groups.map((g) => g.fingerprint)).toEqual(['k', 'n']);
  });
});
