import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runQueries } from '../../../main/services/correlation/queries/run-queries';
import { buildSessionQuery } from '../../../shared/session/query';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { fastTuning, reference, sessionIdAt, target, tracker } from './support';

// Real SDK → real HTTP → the CloudWatch Logs emulator. Events are planted with putEvents, so each
// test knows exactly which rows must come back.

let emulator: RunningEmulator;
const START = Date.UTC(2025, 2, 10, 9, 0, 0, 250);
const SESSION = sessionIdAt(START);
/** Shares the first digits with SESSION: a digit boundary must keep it out. */
const DECOY = `${SESSION}7`.slice(0, 20);
const ref = reference(SESSION, START + 86_400_000);
const query = buildSessionQuery(ref);
const window = { from: START - 300_000, to: START + 7_500_000 };
const GROUPS = Array.from({ length: 60 }, (_, i) => `/svc/g${String(i).padStart(2, '0')}`);

beforeAll(async () => {
  emulator = await startEmulator();
  GROUPS.forEach((group, i) => {
    emulator.putEvents(group, 'task-1', [
      { timestamp: START + i * 1000, message: `openReplaySession.id=${SESSION} GET /api/${i}` },
      { timestamp: START + i * 1000 + 1, message: `openReplaySession.id=${DECOY} GET /api/decoy` },
      { timestamp: START + i * 1000 + 2, message: `untagged noise ${i}` },
    ]);
  });
  // 25,000 tagged lines in one group: more than two full pages of 10,000.
  const heavy = Array.from({ length: 25_000 }, (_, i) => ({
    timestamp: START + 60_000 + i * 20,
    message: `openReplaySession.id=${SESSION} tick ${i}`,
  }));
  emulator.putEvents('/svc/heavy', 'task-9', heavy);
  // 10,005 tagged lines within one millisecond: no time split can bring them under the cap.
  const burst = Array.from({ length: 10_005 }, (_, i) => ({
    timestamp: START + 3_600_000,
    message: `openReplaySession.id=${SESSION} burst ${i}`,
  }));
  emulator.putEvents('/svc/burst', 'task-5', burst);
});
afterAll(() => emulator.stop());
afterEach(() => {
  emulator.setFaults({});
  emulator.queryLatency = { baseMs: 40, bytesPerSecond: 2_000_000_000 };
});

const messages = (batches: { rows: Record<string, string | undefined>[] }[]) => batches.flatMap((b) => b.rows.map((r) => r['@message']!));

describe('runQueries against the emulator', () => {
  it('queries 60 log groups in batches of ≤ 50 over the whole window in seconds, and finds only this session', async () => {
    const before = emulator.metrics.queries.length;
    const result = await runQueries([target(emulator, 'prod', GROUPS)], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: fastTuning,
    });
    expect(result.failures).toEqual([]);
    const found = messages(result.batches);
    expect(found).toHaveLength(60);
    expect(found.every((m) => m.startsWith(`openReplaySession.id=${SESSION} GET`))).toBe(true);
    const started = emulator.metrics.queries.slice(before);
    expect(started.map((q) => q.logGroups.length).sort()).toEqual([10, 50]);
    for (const q of started) {
      expect(q.startTime).toBe(Math.floor(window.from / 1000));
      expect(q.endTime).toBe(Math.ceil(window.to / 1000));
    }
    expect(result.stats).toMatchObject({ queries: 2, recordsMatched: 60 });
    expect(result.stats.bytesScanned).toBe(started.reduce((n, q) => n + q.bytesScanned, 0));
    expect(result.stats.costUsd).toBeCloseTo((result.stats.bytesScanned / 1e9) * 0.005, 15);
  });

  it('never returns a capped result: queries the rest of the range until every row is in (limit 10,000)', async () => {
    const before = emulator.metrics.queries.length;
    const result = await runQueries([target(emulator, 'prod', ['/svc/heavy'])], {
      queryString: query,
      window: { from: START, to: START + 1_000_000 },
      tracker: tracker(),
      tuning: { ...fastTuning, limit: 10_000 },
    });
    expect(result.failures).toEqual([]);
    const found = messages(result.batches);
    expect(found).toHaveLength(25_000);
    expect(new Set(found).size).toBe(25_000);
    const started = emulator.metrics.queries.slice(before);
    // 25,000 rows at 10,000 per query: the earliest 10,000, then the rest twice more.
    expect(started.length).toBe(3);
    expect(result.stats.queries).toBe(started.length);
    expect(result.stats.bytesScanned).toBe(started.reduce((n, q) => n + q.bytesScanned, 0));
  });

  it('reports the second it could not split below the cap, and keeps what it got', async () => {
    const result = await runQueries([target(emulator, 'prod', ['/svc/burst'])], {
      queryString: query,
      window: { from: START + 3_590_000, to: START + 3_610_000 },
      tracker: tracker(),
      tuning: { ...fastTuning, limit: 10_000 },
    });
    expect(result.failures).toHaveLength(1);
    const [failure] = result.failures;
    expect(failure).toMatchObject({ connection: 'prod', code: 'RESULTS_TRUNCATED', logGroups: ['/svc/burst'] });
    const second = Math.floor((START + 3_600_000) / 1000);
    // The failure names the seconds that hold the burst, and how many events matched there.
    const [, from, to] = /(\S+Z)–(\S+Z)\)$/.exec(failure!.message)!;
    expect(Date.parse(from!) / 1000).toBeLessThanOrEqual(second);
    expect(Date.parse(to!) / 1000).toBeGreaterThanOrEqual(second + 1);
    expect(Date.parse(to!) / 1000 - Date.parse(from!) / 1000).toBeLessThanOrEqual(2);
    expect(failure!.message).toContain('10,005 matching events');
    expect(messages(result.batches)).toHaveLength(10_000);
  });
});
