import {
  GetQueryResultsCommand,
  type GetQueryResultsCommandOutput,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type QueryMetric, type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { client, field, KEY } from './helpers';

// The latency model on the emulator's own clock (paused, moved by the test): a query's run time is
// the start cost plus bytes scanned / scan rate, and while it runs its statistics and rows grow.

let emu: RunningEmulator;
let logs: ReturnType<typeof client>;
const T0 = Date.UTC(2024, 0, 24, 12, 0, 0);
const SECOND = 1000;
const TWO_HOURS = 7200;
/** Two events a second for two hours, as a busy service logs around one session. */
const events = Array.from({ length: TWO_HOURS * 2 }, (_, i) => ({
  timestamp: T0 + i * 500,
  message: `GET /api/items/${i} 200 ${'x'.repeat(i % 50)}`,
}));
const LATENCY = { baseMs: 400, bytesPerSecond: 1_000_000 };

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY], queryLatency: LATENCY });
  emu.putEvents('/lat/app', 'app-1', events);
  logs = client(emu);
  emu.clock.pause();
});

afterAll(async () => {
  logs.destroy();
  await emu.stop();
});

beforeEach(() => {
  emu.queryLatency = { ...LATENCY };
});

/** Bytes CloudWatch counts for the events in [from, to] epoch seconds: message bytes + 26 each. */
function bytesIn(fromSec: number, toSec: number): number {
  return events
    .filter((e) => e.timestamp >= fromSec * SECOND && e.timestamp < (toSec + 1) * SECOND)
    .reduce((n, e) => n + Buffer.byteLength(e.message) + 26, 0);
}

async function start(fromSec: number, toSec: number): Promise<{ queryId: string; metric: QueryMetric }> {
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupName: '/lat/app',
      queryString: 'fields @message | sort @timestamp asc',
      startTime: fromSec,
      endTime: toSec,
      limit: 100_000,
    }),
  );
  return { queryId: queryId!, metric: emu.metrics.queries.find((q) => q.queryId === queryId)! };
}

const get = (queryId: string) => logs.send(new GetQueryResultsCommand({ queryId }));

describe('query latency proportional to bytes scanned', () => {
  it('runs for start cost + bytes / rate, so the first 15 minutes of a window end well before all of it', async () => {
    const from = T0 / SECOND;
    const first = await start(from, from + 15 * 60 - 1);
    const whole = await start(from, from + TWO_HOURS - 1);
    for (const { metric, to } of [
      { metric: first.metric, to: from + 15 * 60 - 1 },
      { metric: whole.metric, to: from + TWO_HOURS - 1 },
    ]) {
      expect(metric.bytesScanned).toBe(bytesIn(from, to));
      expect(metric.runMs).toBe(LATENCY.baseMs + Math.ceil((metric.bytesScanned / LATENCY.bytesPerSecond) * 1000));
    }
    // Eight times the time range, about eight times the bytes, and the scan time follows them.
    const bytesRatio = whole.metric.bytesScanned / first.metric.bytesScanned;
    expect(bytesRatio).toBeGreaterThan(7.5);
    expect(Math.abs((whole.metric.runMs - LATENCY.baseMs) / (first.metric.runMs - LATENCY.baseMs) - bytesRatio)).toBeLessThan(0.01);

    emu.clock.advance(first.metric.runMs);
    expect((await get(first.queryId)).status).toBe('Complete');
    expect((await get(whole.queryId)).status).toBe('Running');
    emu.clock.advance(whole.metric.runMs - first.metric.runMs - 1);
    expect((await get(whole.queryId)).status).toBe('Running');
    emu.clock.advance(1);
    expect((await get(whole.queryId)).status).toBe('Complete');
  });

  it('shows growing statistics and rows while Running, the first page only, then every page when Complete', async () => {
    const from = T0 / SECOND;
    const { queryId, metric } = await start(from, from + TWO_HOURS - 1);
    const scanMs = metric.runMs - LATENCY.baseMs;
    const scheduled = await get(queryId);
    expect(scheduled).toMatchObject({
      status: 'Scheduled',
      results: [],
      statistics: { bytesScanned: 0, recordsScanned: 0, recordsMatched: 0 },
    });
    emu.clock.advance(LATENCY.baseMs);
    const shares = [0.25, 0.5, 0.9];
    const steps: GetQueryResultsCommandOutput[] = [];
    let reached = 0;
    for (const share of shares) {
      emu.clock.advance(scanMs * (share - reached));
      reached = share;
      steps.push(await get(queryId));
    }
    expect(steps.map((s) => s.status)).toEqual(['Running', 'Running', 'Running']);
    shares.forEach((share, i) => {
      // Within one unit: the shares are reached by floating-point clock steps.
      expect(Math.abs(steps[i]!.statistics!.bytesScanned! - metric.bytesScanned * share)).toBeLessThanOrEqual(1);
      expect(Math.abs(steps[i]!.statistics!.recordsScanned! - events.length * share)).toBeLessThanOrEqual(1);
      // Rows found so far, but never more than a page, and no token while they still grow.
      expect(Math.abs(steps[i]!.results!.length - Math.min(10_000, events.length * share))).toBeLessThanOrEqual(1);
      expect(steps[i]!.nextToken).toBeUndefined();
    });

    emu.clock.advance(scanMs * (1 - reached));
    const done = await get(queryId);
    expect(done).toMatchObject({
      status: 'Complete',
      statistics: { bytesScanned: metric.bytesScanned, recordsScanned: events.length, recordsMatched: events.length },
    });
    const rest = await logs.send(new GetQueryResultsCommand({ queryId, nextToken: done.nextToken }));
    const all = [...done.results!, ...rest.results!].map((row) => field(row, '@message'));
    expect(all).toEqual(events.map((e) => e.message));
    // What Running showed was the start of the final result.
    expect(steps[0]!.results!.map((row) => field(row, '@message'))).toEqual(all.slice(0, steps[0]!.results!.length));
  });

  it('keeps what a stopped query had scanned, and times a query out after 60 minutes of runtime', async () => {
    const from = T0 / SECOND;
    const stopped = await start(from, from + TWO_HOURS - 1);
    emu.clock.advance(LATENCY.baseMs + (stopped.metric.runMs - LATENCY.baseMs) / 2);
    await logs.send(new StopQueryCommand({ queryId: stopped.queryId }));
    emu.clock.advance(60 * SECOND);
    const cancelled = await get(stopped.queryId);
    expect(cancelled.status).toBe('Cancelled');
    expect(Math.abs(cancelled.statistics!.bytesScanned! - stopped.metric.bytesScanned / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(cancelled.results!.length - events.length / 2)).toBeLessThanOrEqual(1);

    emu.queryLatency = { baseMs: 0, bytesPerSecond: 100 };
    const slow = await start(from, from + TWO_HOURS - 1);
    expect(slow.metric.runMs).toBeGreaterThan(60 * 60 * SECOND);
    emu.clock.advance(60 * 60 * SECOND - 1);
    expect((await get(slow.queryId)).status).toBe('Running');
    emu.clock.advance(1);
    const timedOut = await get(slow.queryId);
    expect(timedOut.status).toBe('Timeout');
    expect(
      Math.abs(timedOut.statistics!.bytesScanned! - slow.metric.bytesScanned * ((60 * 60 * SECOND) / slow.metric.runMs)),
    ).toBeLessThanOrEqual(1);
  });
});
