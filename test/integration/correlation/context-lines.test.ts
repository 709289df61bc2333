import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchContextLines } from '../../../main/services/correlation/context/fetch-context-lines';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import { AppError } from '../../../shared/errors';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';

// Context lines are read with the real SDK, SigV4-signed, over HTTP from the emulator's
// GetLogEvents (ms times, start inclusive, end exclusive, the same token back at the end).

const GROUP = '/ecs/api';
const STREAM = 'api/i-1';
const T = Date.UTC(2024, 0, 24, 4, 27, 39, 324);
const TAG = '[openReplaySessionToken=jw4wdfpgqhoj.3az.lrraavgc.5KJp7z9wQbUe4rXc2YtG8hNfDs] ';
const DENIED = { accessKeyId: 'AKIDNOGETLOGEVENTS', secretAccessKey: 'denied-secret', deny: ['GetLogEvents'] };

let emulator: RunningEmulator;
let client: CloudWatchLogsClient;

function clientWith(credentials: { accessKeyId: string; secretAccessKey: string }): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ region: 'eu-west-1', endpoint: emulator.url, credentials, maxAttempts: 1 });
}

/** One line every 100 ms from T − 10 s to T + 10 s (except at T), named by offset. */
function steadyLines(): { timestamp: number; message: string }[] {
  const lines = [];
  for (let offset = -10_000; offset <= 10_000; offset += 100) {
    if (offset !== 0) lines.push({ timestamp: T + offset, message: `line ${offset}` });
  }
  return lines;
}

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [{ ...DEFAULT_CREDENTIAL }, DENIED] });
  const target = { timestamp: T, message: `${TAG}ERROR:api.views:checkout failed` };
  emulator.putEvents(GROUP, STREAM, [
    ...steadyLines().filter((l) => l.timestamp < T),
    target,
    ...steadyLines().filter((l) => l.timestamp > T),
  ]);
  emulator.putEvents(GROUP, 'api/i-2', [{ timestamp: T + 50, message: 'other stream' }]);
  // Three lines in the target's millisecond, the target in the middle; then a split trace.
  emulator.putEvents(GROUP, 'api/same-ms', [
    { timestamp: T - 1, message: 'just before' },
    { timestamp: T, message: 'same ms, before' },
    { timestamp: T, message: `${TAG}Traceback (most recent call last):` },
    { timestamp: T, message: `${TAG}${TAG}  File "/app/api/views.py", line 9, in checkout` },
    { timestamp: T, message: '    total = cart.total()' },
    { timestamp: T, message: 'unrelated line of another request' },
    { timestamp: T + 1, message: `${TAG}${TAG}KeyError: 'sku'` },
    { timestamp: T + 2, message: 'just after' },
  ]);
  const busy = [];
  for (let i = 0; i < 3_000; i++) busy.push({ timestamp: T - 1_500 + i, message: `busy ${i}` });
  emulator.putEvents(GROUP, 'api/busy', busy);
  client = clientWith(DEFAULT_CREDENTIAL);
});

afterAll(async () => {
  client?.destroy();
  await emulator?.stop();
});

describe('fetchContextLines against the emulator', () => {
  it('returns the 20 nearest lines on each side by default, in stream order', async () => {
    const { before, after } = await fetchContextLines(client, { logGroup: GROUP, logStream: STREAM, timestamp: T });
    expect(before.map((l) => l.message)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${-2_000 + i * 100}`));
    expect(after.map((l) => l.message)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${100 + i * 100}`));
    expect(before.every((l) => l.logStream === STREAM && l.timestamp < T)).toBe(true);
    expect(after[0]).toEqual({ timestamp: T + 100, logStream: STREAM, message: 'line 100' });
  });

  it('stops at ±S seconds before ±N lines', async () => {
    const { before, after } = await fetchContextLines(
      client,
      { logGroup: GROUP, logStream: STREAM, timestamp: T },
      { events: 50, seconds: 1 },
    );
    expect(before.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${-1_000 + i * 100}`));
    expect(after.map((l) => l.message)).toEqual(Array.from({ length: 10 }, (_, i) => `line ${100 + i * 100}`));
  });

  it('includes lines exactly S seconds away on both sides (end time is exclusive on the wire)', async () => {
    const { before, after } = await fetchContextLines(
      client,
      { logGroup: GROUP, logStream: STREAM, timestamp: T },
      { events: 100, seconds: 2 },
    );
    expect(before[0]?.timestamp).toBe(T - 2_000);
    expect(after.at(-1)?.timestamp).toBe(T + 2_000);
  });

  it('follows nextForwardToken across pages and gives the same answer as one page', async () => {
    const target = { logGroup: GROUP, logStream: 'api/busy', timestamp: T };
    const onePage = await fetchContextLines(client, target, { events: 20, seconds: 5 });
    const calls = emulator.metrics.operations.GetLogEvents ?? 0;
    const paged = await fetchContextLines(client, target, { events: 20, seconds: 5, pageSize: 97 });
    expect(paged).toEqual(onePage);
    expect(onePage.before.at(-1)?.message).toBe('busy 1499');
    expect(onePage.after.map((l) => l.message)).toEqual(Array.from({ length: 20 }, (_, i) => `busy ${1_501 + i}`));
    // 1,521 lines up to the 20th after the target at 97 a page; it stops once it has them.
    expect((emulator.metrics.operations.GetLogEvents ?? 0) - calls).toBe(16);
  });

  it('stops when the same token comes back at the end of the stream', async () => {
    const calls = emulator.metrics.operations.GetLogEvents ?? 0;
    const { before, after } = await fetchContextLines(
      client,
      { logGroup: GROUP, logStream: 'api/i-2', timestamp: T },
      { events: 20, pageSize: 10 },
    );
    expect(before).toEqual([]);
    expect(after.map((l) => l.message)).toEqual(['other stream']);
    expect((emulator.metrics.operations.GetLogEvents ?? 0) - calls).toBe(2);
  });

  it('bounds the number of pages on a busy stream', async () => {
    const calls = emulator.metrics.operations.GetLogEvents ?? 0;
    const { before, after } = await fetchContextLines(
      client,
      { logGroup: GROUP, logStream: 'api/busy', timestamp: T },
      { pageSize: 10, maxPages: 3 },
    );
    expect((emulator.metrics.operations.GetLogEvents ?? 0) - calls).toBe(3);
    expect(before.map((l) => l.message)).toEqual(Array.from({ length: 20 }, (_, i) => `busy ${10 + i}`));
    expect(after).toEqual([]);
  });

  it('without the target message, lines in the target millisecond are left out', async () => {
    const { before, after } = await fetchContextLines(client, { logGroup: GROUP, logStream: 'api/same-ms', timestamp: T });
    expect(before.map((l) => l.message)).toEqual(['just before']);
    expect(after.map((l) => l.message)).toEqual([`${TAG}${TAG}KeyError: 'sku'`, 'just after']);
  });

  it('with the message of a joined trace, splits its millisecond around it and skips the trace’s own lines', async () => {
    const rows = [
      {
        '@timestamp': '2024-01-24 04:27:39.324',
        '@message': `${TAG}Traceback (most recent call last):`,
        '@logStream': 'api/same-ms',
        '@log': `123456789012:${GROUP}`,
      },
      {
        '@timestamp': '2024-01-24 04:27:39.324',
        '@message': `${TAG}${TAG}  File "/app/api/views.py", line 9, in checkout`,
        '@logStream': 'api/same-ms',
        '@log': `123456789012:${GROUP}`,
      },
      {
        '@timestamp': '2024-01-24 04:27:39.325',
        '@message': `${TAG}${TAG}KeyError: 'sku'`,
        '@logStream': 'api/same-ms',
        '@log': `123456789012:${GROUP}`,
      },
    ];
    const { events, groups } = processRows([{ source: { connectionId: 'c', connection: 'emu', logGroups: [GROUP] }, rows }], {
      sessionStart: T,
    });
    expect(events).toHaveLength(1);
    const sample = events[0]!;
    const { before, after } = await fetchContextLines(client, {
      logGroup: sample.logGroup,
      logStream: sample.logStream,
      timestamp: sample.timestamp,
      message: sample.message,
    });
    expect(groups[0]?.type).toBe('KeyError');
    expect(before.map((l) => l.message)).toEqual(['just before', 'same ms, before']);
    expect(after.map((l) => l.message)).toEqual(['    total = cart.total()', 'unrelated line of another request', 'just after']);
  });

  it('returns nothing when asked for zero lines, without calling AWS', async () => {
    const calls = emulator.metrics.operations.GetLogEvents ?? 0;
    expect(await fetchContextLines(client, { logGroup: GROUP, logStream: STREAM, timestamp: T }, { events: 0 })).toEqual({
      before: [],
      after: [],
    });
    expect(emulator.metrics.operations.GetLogEvents ?? 0).toBe(calls);
  });

  it('rejects settings outside their bounds', async () => {
    for (const options of [{ events: -1 }, { events: 1.5 }, { seconds: 99_999 }, { pageSize: 0 }, { maxPages: 0 }]) {
      await expect(fetchContextLines(client, { logGroup: GROUP, logStream: STREAM, timestamp: T }, options)).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
    }
  });

  it('reports a missing stream, a denied GetLogEvents and a wrong secret as AppErrors', async () => {
    const missing = fetchContextLines(client, { logGroup: GROUP, logStream: 'no-such-stream', timestamp: T });
    await expect(missing).rejects.toBeInstanceOf(AppError);
    await expect(missing).rejects.toMatchObject({ code: 'AWS_RESOURCE_NOT_FOUND' });
    const denied = clientWith(DENIED);
    await expect(fetchContextLines(denied, { logGroup: GROUP, logStream: STREAM, timestamp: T })).rejects.toMatchObject({
      code: 'AWS_ACCESS_DENIED',
    });
    denied.destroy();
    const wrong = clientWith({ accessKeyId: DEFAULT_CREDENTIAL.accessKeyId, secretAccessKey: 'not-the-secret' });
    const failure = fetchContextLines(wrong, { logGroup: GROUP, logStream: STREAM, timestamp: T });
    await expect(failure).rejects.toMatchObject({ code: 'AWS_BAD_SECRET' });
    await expect(failure).rejects.not.toMatchObject({ message: expect.stringContaining('not-the-secret') });
    wrong.destroy();
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      fetchContextLines(client, { logGroup: GROUP, logStream: STREAM, timestamp: T }, { signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
