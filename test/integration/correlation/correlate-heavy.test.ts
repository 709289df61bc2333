import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CorrelationResult } from '../../../shared/domain/correlation';
import { defaultSettings } from '../../../shared/domain/settings';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import { startEmulator, type ManifestSession, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { connection, emulatorClient, fastTuning, correlateCollecting, reference } from './support';

// A session with more tagged lines than one Insights query returns (a limit of 10,000 here): the
// run must keep querying the rest of the window until every row is in, complete and exact.

let emulator: RunningEmulator;
let heavy: ManifestSession;
let result: CorrelationResult;
let queries: { startTime: number; endTime: number; bytesScanned: number }[];

beforeAll(async () => {
  emulator = await startEmulator();
  const manifest = emulator.generate({ sessions: 3, seed: 5, rate: 2, heavySession: 23_000 });
  heavy = manifest.sessions.find((s) => s.heavy)!;
  const now = manifest.timeRange.to + 86_400_000;
  const ref = reference(heavy.token ?? heavy.sessionId, now);
  const before = emulator.metrics.queries.length;
  result = await correlateCollecting({
    reference: ref,
    connections: [connection(emulator, 'emu', manifest.logGroups)],
    window: deriveTimeWindow(ref, { now }),
    settings: defaultSettings,
    clientFor: () => emulatorClient(emulator),
    tuning: { ...fastTuning, limit: 10_000 },
  });
  queries = emulator.metrics.queries.slice(before);
}, 180_000);
afterAll(() => emulator.stop());

it('finds every one of more than 10,000 tagged events, complete', () => {
  expect(heavy.taggedEvents).toBeGreaterThan(20_000);
  expect(result.failures).toEqual([]);
  expect(result.complete).toBe(true);
  expect(result.stats.recordsMatched).toBe(heavy.taggedEvents);
  expect(new Set(result.events.map((e) => e.id)).size).toBe(result.events.length);
});

it('split the window into parts that each came back under the cap and together cover it', () => {
  expect(queries.length).toBeGreaterThanOrEqual(3);
  expect(result.stats.queries).toBe(queries.length);
  const whole = queries[0]!;
  expect(whole).toMatchObject({ startTime: Math.floor(result.window.from / 1000), endTime: Math.ceil(result.window.to / 1000) });
  expect(Math.min(...queries.map((q) => q.startTime))).toBe(whole.startTime);
  expect(Math.max(...queries.map((q) => q.endTime))).toBe(whole.endTime);
  // Every scan is billed, the capped ones included.
  expect(result.stats.bytesScanned).toBe(queries.reduce((n, q) => n + q.bytesScanned, 0));
});

// The generator plants no errors in the heavy session (its manifest says so): a split run must
// not make groups out of its routine lines, nor lose or invent lines at the queries' edges.
it('groups exactly the errors the manifest planted in the heavy session: none', () => {
  expect(heavy.errors).toEqual([]);
  expect(result.groups).toEqual([]);
  expect(result.events.filter((e) => e.fingerprint !== undefined)).toEqual([]);
});

it('returns only the heavy session’s lines: in its log groups, inside its two hours', () => {
  expect(new Set(result.events.map((e) => e.logGroup))).toEqual(new Set(heavy.logGroups));
  expect(result.events.every((e) => e.timestamp >= heavy.start && e.timestamp < heavy.end)).toBe(true);
});
