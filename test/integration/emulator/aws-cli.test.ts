import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
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

function aws(args: string[], secret = KEY.secretAccessKey): Promise<CliResult> {
  // No user configuration may leak in: private HOME, empty config, explicit key and region.
  const env = {
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
    execFile(AWS, ['--endpoint-url', emu.url, '--output', 'json', 'logs', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function ok(args: string[]): Promise<Record<string, unknown>> {
  const r = await aws(args);
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
    const put = await ok(['put-log-events', '--log-group-name', '/cli/app', '--log-stream-name', 'web-1', '--log-events', JSON.stringify(events)]);
    expect(put['nextSequenceToken']).toMatch(/^\d+$/);
    const got = (await ok(['get-log-events', '--log-group-name', '/cli/app', '--log-stream-name', 'web-1', '--start-from-head'])) as { events: { message: string }[]; nextForwardToken: string };
    expect(got.events.map((e) => e.message)).toEqual(events.map((e) => e.message));
    expect(got.nextForwardToken).toMatch(/^f\//);
    const filtered = (await ok(['filter-log-events', '--log-group-name', '/cli/app', '--filter-pattern', 'ERROR'])) as { events: { message: string; logStreamName: string }[] };
    expect(filtered.events).toEqual([expect.objectContaining({ logStreamName: 'web-1', message: events[1]!.message })]);
  });

  it('describes groups across pages (the CLI follows nextToken)', async () => {
    for (const g of ['/cli/p/e', '/cli/p/a', '/cli/p/d', '/cli/p/b', '/cli/p/c']) emu.putEvents(g, 's', [{ timestamp: now, message: 'x' }]);
    const before = emu.metrics.operations['DescribeLogGroups'] ?? 0;
    const out = (await ok(['describe-log-groups', '--log-group-name-prefix', '/cli/p/', '--page-size', '2'])) as { logGroups: { logGroupName: string }[] };
    expect(out.logGroups.map((g) => g.logGroupName)).toEqual(['/cli/p/a', '/cli/p/b', '/cli/p/c', '/cli/p/d', '/cli/p/e']);
    expect(emu.metrics.operations['DescribeLogGroups']).toBe(before + 3);
  });

  it('runs start-query and get-query-results', async () => {
    const start = await ok([
      'start-query',
      '--log-group-names', '/cli/app',
      '--start-time', String(Math.floor((now - 60_000) / 1000)),
      '--end-time', String(Math.floor(now / 1000)),
      '--query-string', 'fields @timestamp, @message | filter @message like /openReplaySession\\.id=2618307011354435587([^0-9]|$)/ | sort @timestamp asc',
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
    const malformed = await aws(['start-query', '--log-group-name', '/cli/app', '--start-time', '0', '--end-time', '1', '--query-string', 'fields @message | dedup @message']);
    expect(malformed.stderr).toContain('MalformedQueryException');
  });
});
