import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimiter } from '../../../main/services/async/tasks';
import { contextForGroups, withContext } from '../../../main/services/correlation/context/context-for-groups';
import { fetchContextLines } from '../../../main/services/correlation/context/fetch-context-lines';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import type { RowBatch } from '../../../main/services/correlation/rows/row-batch';
import { TraceTails } from '../../../main/services/correlation/trace-tails/trace-tails';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';

// The network stages of a run, each given what the stage before returned, with the real SDK
// against the emulator: they return new rows and new groups and leave their input as it was.

const GROUP = '/ecs/api';
const T = Date.UTC(2024, 0, 24, 4, 27, 39, 324);
const TAG = '[openReplaySessionToken=jw4wdfpgqhoj.3az.lrraavgc.5KJp7z9wQbUe4rXc2YtG8hNfDs] ';
const SOURCE = { connectionId: 'c1', connection: 'prod', logGroups: [GROUP] };
const insightsTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

let emulator: RunningEmulator;
let client: CloudWatchLogsClient;

/** A tagged error line per stream, followed by its untagged trace, and a line before it for context. */
function seed(stream: string, error: string): void {
  emulator.putEvents(GROUP, stream, [
    { timestamp: T - 5, message: `GET /checkout ${stream}` },
    { timestamp: T, message: `${TAG}ERROR:api.views:${error}` },
    { timestamp: T + 1, message: 'Traceback (most recent call last):' },
    { timestamp: T + 1, message: `  File "/app/api/${stream}.py", line 9, in checkout` },
    { timestamp: T + 1, message: `KeyError: '${stream}'` },
  ]);
}

function taggedRow(stream: string, error: string): RowBatch['rows'][number] {
  return {
    '@timestamp': insightsTime(T),
    '@message': `${TAG}ERROR:api.views:${error}`,
    '@logStream': stream,
    '@log': `123456789012:${GROUP}`,
  };
}

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [{ ...DEFAULT_CREDENTIAL }] });
  seed('api/i-1', 'checkout failed');
  seed('api/i-2', 'refund failed');
  seed('api/i-3', 'export failed');
  client = new CloudWatchLogsClient({ region: 'eu-west-1', endpoint: emulator.url, credentials: DEFAULT_CREDENTIAL, maxAttempts: 1 });
});

afterAll(async () => {
  client?.destroy();
  await emulator?.stop();
});

describe('the trace tails stage', () => {
  it('returns new rows with the trace appended and leaves the page it was given as read', async () => {
    const page: RowBatch = { source: SOURCE, rows: [taggedRow('api/i-1', 'checkout failed')] };
    const before = structuredClone(page);
    const tails = new TraceTails(() => client, { limit: createLimiter(2) });
    const out = [await tails.attach(page), ...(await tails.flush())];
    const rows = out.flatMap((batch) => batch.rows);
    expect(rows.map((row) => row['@message'])).toEqual([
      `${TAG}ERROR:api.views:checkout failed\nTraceback (most recent call last):\n  File "/app/api/api/i-1.py", line 9, in checkout\nKeyError: 'api/i-1'`,
    ]);
    expect(page).toStrictEqual(before);
    expect(rows[0]).not.toBe(page.rows[0]);
  });
});

describe('the context stage', () => {
  it('returns context by fingerprint, merged into fresh groups; the groups it was given are untouched', async () => {
    const page: RowBatch = {
      source: SOURCE,
      rows: ['api/i-1', 'api/i-2', 'api/i-3'].map((s, i) => taggedRow(s, ['checkout failed', 'refund failed', 'export failed'][i]!)),
    };
    const tails = new TraceTails(() => client, { limit: createLimiter(2) });
    const batches = [await tails.attach(page), ...(await tails.flush())];
    const { events, groups } = processRows(batches, { sessionStart: T - 60_000 });
    expect(groups).toHaveLength(3);
    const given = structuredClone(groups);
    const sampleOf = (fingerprint: string) => events.find((e) => e.fingerprint === fingerprint);

    const patches = await contextForGroups(groups, sampleOf, () => client, fetchContextLines, {
      events: 5,
      seconds: 5,
      limit: createLimiter(2),
      maxGroups: 2,
    });
    const merged = withContext(groups, patches);

    expect(groups).toStrictEqual(given);
    expect(merged.slice(0, 2).map((g) => g.contextBefore.map((line) => line.message))).toEqual(
      groups.slice(0, 2).map((g) => [`GET /checkout ${g.logStream}`]),
    );
    expect(merged.slice(0, 2).every((g) => g.contextPending === undefined)).toBe(true);
    expect(merged[2]).toStrictEqual({ ...groups[2], contextPending: true });
    merged.forEach((group, i) => expect(group).not.toBe(groups[i]));
  });

  it('leaves every group pending, without throwing, when the run is cancelled before its context lines', async () => {
    const { events, groups } = processRows([{ source: SOURCE, rows: [taggedRow('api/i-1', 'checkout failed')] }], {
      sessionStart: T - 60_000,
    });
    const controller = new AbortController();
    controller.abort();
    const patches = await contextForGroups(
      groups,
      (f) => events.find((e) => e.fingerprint === f),
      () => client,
      fetchContextLines,
      {
        events: 5,
        seconds: 5,
        limit: createLimiter(2),
        signal: controller.signal,
      },
    );
    expect(withContext(groups, patches).map((g) => g.contextPending)).toEqual([true]);
  });
});
