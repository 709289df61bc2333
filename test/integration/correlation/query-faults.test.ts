import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runQueries } from '../../../main/services/correlation/queries/run-queries';
import type { QueriesResult } from '../../../main/services/correlation/queries/types';
import { buildSessionQuery } from '../../../shared/session/query';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { MAX_ATTEMPTS, fastTuning, reference, sessionIdAt, target, tracker } from './support';

// Injected faults against the real SDK (maxAttempts = MAX_ATTEMPTS, so the SDK's own retries run
// out quickly and ours are exercised): every result is either complete and equal to the
// fault-free one, or says exactly which part is missing.

let emulator: RunningEmulator;
const START = Date.UTC(2025, 4, 2, 14, 0, 0, 0);
const SESSION = sessionIdAt(START);
const query = buildSessionQuery(reference(SESSION, START + 86_400_000));
const window = { from: START - 300_000, to: START + 7_500_000 };
const GROUPS = Array.from({ length: 8 }, (_, i) => `/app/svc-${i}`);

beforeAll(async () => {
  emulator = await startEmulator();
  GROUPS.forEach((group, g) => {
    emulator.putEvents(
      group,
      'main',
      Array.from({ length: 30 }, (_, i) => ({
        timestamp: START + i * 60_000 + g,
        message: `openReplaySession.id=${SESSION} ${group} step ${i}`,
      })),
    );
  });
  emulator.putEvents('/other/api', 'main', [{ timestamp: START + 5, message: `openReplaySession.id=${SESSION} other account` }]);
});
afterAll(() => emulator.stop());
afterEach(() => {
  emulator.setFaults({});
  emulator.queryLatency = { baseMs: 40, bytesPerSecond: 2_000_000_000 };
});

const sorted = (result: QueriesResult) => result.batches.flatMap((b) => b.rows.map((r) => r['@message']!)).sort();
const run = (targets = [target(emulator, 'prod', GROUPS)], signal?: AbortSignal, seen?: Parameters<typeof tracker>[0]) =>
  runQueries(targets, { queryString: query, window, tracker: tracker(seen), signal, tuning: { ...fastTuning, concurrency: 4 } });

let baseline: string[];
beforeAll(async () => {
  baseline = sorted(await run([target(emulator, 'prod', GROUPS.slice(0, 4)), target(emulator, 'prod-b', GROUPS.slice(4))]));
  expect(baseline).toHaveLength(240);
});

describe('query faults', () => {
  it('waits out LimitExceededException beyond the SDK retries and completes', async () => {
    expect(MAX_ATTEMPTS).toBeLessThan(6);
    emulator.setFaults({ limitExceeded: { count: 6 } });
    const before = emulator.metrics.operations.StartQuery ?? 0;
    const result = await run([target(emulator, 'prod', GROUPS.slice(0, 4)), target(emulator, 'prod-b', GROUPS.slice(4))]);
    expect(result.failures).toEqual([]);
    expect(sorted(result)).toEqual(baseline);
    expect((emulator.metrics.operations.StartQuery ?? 0) - before).toBe(2 + 6);
  });

  it('rides out throttling and 503s on every operation with the same result', async () => {
    emulator.setFaults({ seed: 7, throttle: { '*': 0.3 }, unavailable: { '*': 0.2 } });
    const result = await run([target(emulator, 'prod', GROUPS.slice(0, 4)), target(emulator, 'prod-b', GROUPS.slice(4))]);
    expect(result.failures).toEqual([]);
    expect(sorted(result)).toEqual(baseline);
  });

  it('re-runs a query that ended Failed once, and reports one that keeps failing', async () => {
    emulator.setFaults({ queryOutcome: [{ status: 'Failed', count: 1 }] });
    const once = await run();
    expect(once.failures).toEqual([]);
    expect(sorted(once)).toEqual(baseline);
    expect(once.stats.queries).toBe(2);

    emulator.setFaults({ queryOutcome: [{ status: 'Failed', match: 'replay[._-]?session' }] });
    const always = await run();
    expect(always.batches).toEqual([]);
    expect(always.failures).toEqual([
      expect.objectContaining({
        connection: 'prod',
        code: 'AWS_QUERY_FAILED',
        logGroups: GROUPS,
        message: expect.stringContaining('8 log groups'),
      }),
    ]);
  });

  it('reports a query that timed out in CloudWatch and keeps the other connection', async () => {
    // The emulator forces the outcome of the next query started: the first batch's.
    emulator.setFaults({ queryOutcome: [{ status: 'Timeout', count: 1 }] });
    const result = await run([target(emulator, 'slow', GROUPS.slice(0, 4)), target(emulator, 'fine', GROUPS.slice(4))]);
    expect(result.failures).toEqual([
      expect.objectContaining({ connection: 'slow', code: 'AWS_QUERY_TIMEOUT', logGroups: GROUPS.slice(0, 4) }),
    ]);
    expect(sorted(result)).toEqual(baseline.filter((m) => GROUPS.slice(4).some((g) => m.includes(`${g} `))));
  });

  it('keeps a working connection when another has a wrong secret or a missing log group', async () => {
    const result = await run([
      target(emulator, 'bad-key', GROUPS.slice(0, 2), { accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: 'wrong-secret' }),
      target(emulator, 'typo', ['/does/not/exist']),
      target(emulator, 'good', GROUPS.slice(2)),
    ]);
    expect(result.failures).toEqual([
      expect.objectContaining({ connection: 'bad-key', code: 'AWS_BAD_SECRET' }),
      expect.objectContaining({ connection: 'typo', code: 'AWS_RESOURCE_NOT_FOUND', logGroups: ['/does/not/exist'] }),
    ]);
    expect(JSON.stringify(result.failures)).not.toContain('wrong-secret');
    expect(sorted(result)).toEqual(baseline.filter((m) => GROUPS.slice(2).some((g) => m.includes(`${g} `))));
  });

  it('stops every running query on cancel', async () => {
    emulator.queryLatency = { baseMs: 30_000, bytesPerSecond: 2_000_000_000 };
    const controller = new AbortController();
    const before = emulator.metrics.queries.length;
    const stopsBefore = emulator.metrics.operations.StopQuery ?? 0;
    const running = run([target(emulator, 'a', GROUPS.slice(0, 4)), target(emulator, 'b', GROUPS.slice(4))], controller.signal);
    while (emulator.metrics.queries.length - before < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    const started = emulator.metrics.queries.slice(before);
    expect(started).toHaveLength(2);
    expect(started.map((q) => q.status)).toEqual(['Cancelled', 'Cancelled']);
    expect((emulator.metrics.operations.StopQuery ?? 0) - stopsBefore).toBe(2);
  });
});
