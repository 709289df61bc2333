import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { cliDataPathWithQueryPaging } from './aws-cli-model';
import { KEY } from './helpers';

/** Debian's AWS CLI v2: an independent client (botocore's signer and parsers), not our SDK. */
const AWS = '/usr/bin/aws';

let emu: RunningEmulator;
let home: string;

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY], queryLatency: { baseMs: 0 } });
  home = mkdtempSync(join(tmpdir(), 'orcw-awscli-'));
  writeFileSync(join(home, 'config'), '');
});

afterAll(async () => {
  await emu.stop();
  rmSync(home, { recursive: true, force: true });
});

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function aws(args: string[], secret = KEY.secretAccessKey, extraEnv: Record<string, string> = {}): Promise<CliResult> {
  // No user configuration may leak in: private HOME, empty config, explicit key and region.
  const env = {
    ...extraEnv,
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'config'),
    AWS_ACCESS_KEY_ID: KEY.accessKeyId,
    AWS_SECRET_ACCESS_KEY: secret,
    AWS_DEFAULT_REGION: 'eu-central-1',
    AWS_PAGER: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  return new Promise((resolve) => {
    execFile(
      AWS,
      ['--endpoint-url', emu.url, '--output', 'json', 'logs', ...args],
      { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function ok(args: string[], extraEnv: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const r = await aws(args, KEY.secretAccessKey, extraEnv);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.trim() === '' ? {} : (JSON.parse(r.stdout) as Record<string, unknown>);
}

// Each CLI call starts a Python interpreter: allow for a loaded machine.
describe('the emulator serves the AWS CLI', { timeout: 180_000 }, () => {
  const now = Date.now();

  it('creates a group and stream, puts events and reads them back', async () => {
    await ok(['create-log-group', '--log-group-name', '/cli/app']);
    await ok(['create-log-stream', '--log-group-name', '/cli/app', '--log-stream-name', 'web-1']);
    const events = [
      { timestamp: now - 3000, message: 'INFO boot' },
      { timestamp: now - 2000, message: 'ERROR openReplaySession.id=2618307011354435587 boom' },
      { timestamp: now - 1000, message: 'INFO done' },
    ];
    const put = await ok([
      'put-log-events',
      '--log-group-name',
      '/cli/app',
      '--log-stream-name',
      'web-1',
      '--log-events',
      JSON.stringify(events),
    ]);
    expect(put['nextSequenceToken']).toMatch(/^\d+$/);
    const got = (await ok(['get-log-events', '--log-group-name', '/cli/app', '--log-stream-name', 'web-1', '--start-from-head'])) as {
      events: { message: string }[];
      nextForwardToken: string;
    };
    expect(got.events.map((e) => e.message)).toEqual(events.map((e) => e.message));
    expect(got.nextForwardToken).toMatch(/^f\//);
    const filtered = (await ok(['filter-log-events', '--log-group-name', '/cli/app', '--filter-pattern', 'ERROR'])) as {
      events: { message: string; logStreamName: string }[];
    };
    expect(filtered.events).toEqual([expect.objectContaining({ logStreamName: 'web-1', message: events[1]!.message })]);
  });

  it('describes groups across pages (the CLI follows nextToken)', async () => {
    for (const g of ['/cli/p/e', '/cli/p/a', '/cli/p/d', '/cli/p/b', '/cli/p/c']) emu.putEvents(g, 's', [{ timestamp: now, message: 'x' }]);
    const before = emu.metrics.operations['DescribeLogGroups'] ?? 0;
    const out = (await ok(['describe-log-groups', '--log-group-name-prefix', '/cli/p/', '--page-size', '2'])) as {
      logGroups: { logGroupName: string }[];
    };
    expect(out.logGroups.map((g) => g.logGroupName)).toEqual(['/cli/p/a', '/cli/p/b', '/cli/p/c', '/cli/p/d', '/cli/p/e']);
    expect(emu.metrics.operations['DescribeLogGroups']).toBe(before + 3);
  });

  it('reports storedBytes as an all-time query scans them, and the retention put-retention-policy sets', async () => {
    emu.putEvents('/cli/stored', 's', [
      { timestamp: now - 2000, message: 'INFO héllo' },
      { timestamp: now - 1000, message: 'ERROR boom' },
    ]);
    expect(await ok(['put-retention-policy', '--log-group-name', '/cli/stored', '--retention-in-days', '30'])).toEqual({});
    const described = (await ok(['describe-log-groups', '--log-group-name-prefix', '/cli/stored'])) as {
      logGroups: { retentionInDays?: number; storedBytes: number }[];
    };
    expect(described.logGroups).toEqual([expect.objectContaining({ logGroupName: '/cli/stored', retentionInDays: 30 })]);
    const start = await ok([
      'start-query',
      '--log-group-names',
      '/cli/stored',
      '--start-time',
      String(Math.floor((now - 86_400_000) / 1000)),
      '--end-time',
      String(Math.ceil(now / 1000)),
      '--query-string',
      'fields @message',
    ]);
    let res: { status: string; statistics: { bytesScanned: number } };
    do res = (await ok(['get-query-results', '--query-id', start['queryId'] as string])) as typeof res;
    while (res.status === 'Scheduled' || res.status === 'Running');
    expect(described.logGroups[0]!.storedBytes).toBe(res.statistics.bytesScanned);
    const refused = await aws(['put-retention-policy', '--log-group-name', '/cli/stored', '--retention-in-days', '2']);
    expect(refused.stderr).toContain('InvalidParameterException');
    await ok(['delete-retention-policy', '--log-group-name', '/cli/stored']);
    const kept = (await ok(['describe-log-groups', '--log-group-name-prefix', '/cli/stored'])) as {
      logGroups: { retentionInDays?: number }[];
    };
    expect(kept.logGroups[0]!.retentionInDays).toBeUndefined();
  });

  it('runs start-query and get-query-results', async () => {
    const start = await ok([
      'start-query',
      '--log-group-names',
      '/cli/app',
      '--start-time',
      String(Math.floor((now - 60_000) / 1000)),
      '--end-time',
      String(Math.floor(now / 1000)),
      '--query-string',
      'fields @timestamp, @message | filter @message like /openReplaySession\\.id=2618307011354435587([^0-9]|$)/ | sort @timestamp asc',
    ]);
    const queryId = start['queryId'] as string;
    let res: { status: string; results: { field: string; value: string }[][]; statistics: Record<string, number> };
    do res = (await ok(['get-query-results', '--query-id', queryId])) as typeof res;
    while (res.status === 'Scheduled' || res.status === 'Running');
    expect(res.status).toBe('Complete');
    expect(res.results).toHaveLength(1);
    expect(res.results[0]!.find((f) => f.field === '@message')!.value).toContain('boom');
    expect(res.statistics).toMatchObject({ recordsMatched: 1, recordsScanned: 3 });
  });

  it('rejects a wrong secret and a malformed query', async () => {
    const wrong = await aws(['describe-log-groups'], 'wrong-secret');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('InvalidSignatureException');
    const malformed = await aws([
      'start-query',
      '--log-group-name',
      '/cli/app',
      '--start-time',
      '0',
      '--end-time',
      '1',
      '--query-string',
      'fields @message | dedup @message',
    ]);
    expect(malformed.stderr).toContain('MalformedQueryException');
  });
});

// StartQuery `limit` (1..100,000) and GetQueryResults paging, seen by the CLI. Debian's CLI 2.9
// predates paging: its get-query-results has no --max-items/--next-token (the operation has no
// paginator, so the generic --page-size/--starting-token do not apply either).
describe('query limits and result paging through the AWS CLI', { timeout: 300_000 }, () => {
  const T0 = Date.UTC(2024, 0, 24, 12, 0, 0);
  const ROWS = 25_000;
  const range = ['--start-time', String(T0 / 1000), '--end-time', String(T0 / 1000 + 3600)];
  let queryId: string;
  let pagingEnv: Record<string, string>;

  beforeAll(async () => {
    emu.putEvents(
      '/cli/big',
      'big-1',
      Array.from({ length: ROWS }, (_, i) => ({ timestamp: T0 + i * 20, message: `event-${String(i).padStart(5, '0')}` })),
    );
    pagingEnv = { AWS_DATA_PATH: cliDataPathWithQueryPaging(join(home, 'data')) };
    const started = await ok([
      'start-query',
      '--log-group-name',
      '/cli/big',
      ...range,
      '--query-string',
      'fields @message | sort @timestamp asc',
      '--limit',
      '100000',
    ]);
    queryId = started['queryId'] as string;
    let res: { status: string };
    do res = (await ok(['get-query-results', '--query-id', queryId, '--max-items', '1'], pagingEnv)) as typeof res;
    while (res.status === 'Scheduled' || res.status === 'Running');
  });

  it('sends --limit up to 100,000; the emulator refuses 100,001 with the service message, the CLI refuses 0 itself', async () => {
    const over = await aws([
      'start-query',
      '--log-group-name',
      '/cli/big',
      ...range,
      '--query-string',
      'fields @message',
      '--limit',
      '100001',
    ]);
    expect(over.code).toBe(254);
    expect(over.stderr).toContain(
      "InvalidParameterException) when calling the StartQuery operation: 1 validation error detected: Value '100001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100000",
    );
    const zero = await aws(['start-query', '--log-group-name', '/cli/big', ...range, '--query-string', 'fields @message', '--limit', '0']);
    expect(zero.code).toBe(252);
    expect(zero.stderr).toContain('valid min value: 1');
  });

  it('CLI 2.9 as installed: no paging options, the first 10,000 rows and no token in its output', async () => {
    const unknown = await aws(['get-query-results', '--query-id', queryId, '--max-items', '10']);
    expect(unknown.code).toBe(252);
    expect(unknown.stderr).toContain('Unknown options: --max-items');
    const out = (await ok(['get-query-results', '--query-id', queryId])) as { results: unknown[]; statistics: Record<string, number> };
    expect(out.results).toHaveLength(10_000);
    expect(Object.keys(out)).toEqual(['results', 'statistics', 'status']);
    expect(out.statistics['recordsMatched']).toBe(ROWS);
  });

  it('with the paging members in its model, --max-items/--next-token read every row once, in order', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let token: string | undefined;
    do {
      const page = (await ok(
        ['get-query-results', '--query-id', queryId, '--max-items', '10000', ...(token === undefined ? [] : ['--next-token', token])],
        pagingEnv,
      )) as { results: { field: string; value: string }[][]; nextToken?: string };
      sizes.push(page.results.length);
      seen.push(...page.results.map((row) => row.find((f) => f.field === '@message')!.value));
      token = page.nextToken;
    } while (token !== undefined);
    expect(sizes).toEqual([10_000, 10_000, 5_000]);
    expect(seen).toEqual(Array.from({ length: ROWS }, (_, i) => `event-${String(i).padStart(5, '0')}`));
    const tooMany = await aws(['get-query-results', '--query-id', queryId, '--max-items', '10001'], KEY.secretAccessKey, pagingEnv);
    expect(tooMany.stderr).toContain(
      "Value '10001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
  });

  it('gets the service errors for a garbled token and for one past its hour', async () => {
    const first = (await ok(['get-query-results', '--query-id', queryId, '--max-items', '5'], pagingEnv)) as { nextToken: string };
    const garbled = await aws(
      ['get-query-results', '--query-id', queryId, '--next-token', `${first.nextToken}x`],
      KEY.secretAccessKey,
      pagingEnv,
    );
    expect(garbled.stderr).toContain(
      '(InvalidParameterException) when calling the GetQueryResults operation: The specified nextToken is invalid.',
    );
    emu.clock.advance(60 * 60 * 1000 + 1000);
    const expired = await aws(
      ['get-query-results', '--query-id', queryId, '--next-token', first.nextToken],
      KEY.secretAccessKey,
      pagingEnv,
    );
    expect(expired.stderr).toContain(
      '(InvalidParameterException) when calling the GetQueryResults operation: The specified nextToken has expired.',
    );
  });
});
