import { Sha256 } from '@aws-crypto/sha256-js';
import {
  DescribeLogGroupsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { KEY, client, failure, waitForQuery } from './helpers';

const LIMITED = { accessKeyId: 'AKIDLIMITED000001', secretAccessKey: 'limited-secret', deny: ['StartQuery'] };
const T0 = Date.UTC(2024, 0, 24, 12, 0, 0);
const window = { logGroupName: '/f/api', startTime: Math.floor(T0 / 1000), endTime: Math.floor(T0 / 1000) + 60 };

let emu: RunningEmulator;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY, LIMITED], queryLatency: { baseMs: 0 } });
  logs = client(emu);
  emu.putEvents('/f/api', 's', [{ timestamp: T0, message: 'hello' }]);
});

afterAll(async () => {
  logs.destroy();
  await emu.stop();
});

/** Signs a request with the SDK's signer, so tests can then tamper with it. */
async function signed(
  body: string,
  opts: { secret?: string; date?: Date; target?: string; applyChecksum?: boolean } = {},
): Promise<{ headers: Record<string, string>; body: string }> {
  const url = new URL(emu.url);
  const signer = new SignatureV4({
    credentials: { accessKeyId: KEY.accessKeyId, secretAccessKey: opts.secret ?? KEY.secretAccessKey },
    region: 'us-east-1',
    service: 'logs',
    sha256: Sha256,
    applyChecksum: opts.applyChecksum ?? true,
  });
  const req = new HttpRequest({
    method: 'POST',
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': opts.target ?? 'Logs_20140328.DescribeLogGroups',
    },
    body,
  });
  const s = await signer.sign(req, opts.date === undefined ? {} : { signingDate: opts.date });
  return { headers: s.headers, body };
}

async function post(r: {
  headers: Record<string, string>;
  body: string;
}): Promise<{ status: number; json: { __type?: string; message?: string } }> {
  const res = await fetch(emu.url, { method: 'POST', headers: r.headers, body: r.body });
  return { status: res.status, json: (await res.json()) as { __type?: string; message?: string } };
}

describe('SigV4 verification', () => {
  it('accepts a correctly signed raw request', async () => {
    expect(await post(await signed('{}'))).toMatchObject({ status: 200 });
  });

  it('rejects an unknown key, a wrong secret, a tampered body, a skewed clock and no signature', async () => {
    expect(
      await failure(
        client(emu, { credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' } }).send(new DescribeLogGroupsCommand({})),
      ),
    ).toMatchObject({ name: 'UnrecognizedClientException', status: 400 });
    const wrong = await failure(
      client(emu, { credentials: { ...KEY, secretAccessKey: 'not-the-secret' } }).send(new DescribeLogGroupsCommand({})),
    );
    expect(wrong).toMatchObject({ name: 'InvalidSignatureException', status: 400 });
    expect(wrong.message).not.toContain(KEY.secretAccessKey);
    const tampered = await signed('{"limit":5}');
    tampered.body = '{"limit":6}';
    expect((await post(tampered)).json.__type).toBe('InvalidSignatureException');
    const tamperedNoHash = await signed('{"limit":5}', { applyChecksum: false });
    expect(tamperedNoHash.headers['x-amz-content-sha256']).toBeUndefined();
    tamperedNoHash.body = '{"limit":6}';
    expect((await post(tamperedNoHash)).json.__type).toBe('InvalidSignatureException');
    const old = await post(await signed('{}', { date: new Date(Date.now() - 20 * 60_000) }));
    expect(old.json).toMatchObject({ __type: 'InvalidSignatureException', message: expect.stringContaining('Signature expired') });
    const unsigned = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.DescribeLogGroups' },
      body: '{}',
    });
    expect(((await unsigned.json()) as { __type: string }).__type).toBe('MissingAuthenticationTokenException');
  });

  it('answers AccessDeniedException for an operation the key is denied, and only that one', async () => {
    const limited = client(emu, { credentials: LIMITED });
    const denied = await failure(limited.send(new StartQueryCommand({ ...window, queryString: 'fields @message' })));
    expect(denied).toMatchObject({ name: 'AccessDeniedException', status: 400 });
    expect(denied.message).toContain('logs:StartQuery');
    expect((await limited.send(new DescribeLogGroupsCommand({}))).logGroups!.length).toBeGreaterThan(0);
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow(/non-loopback/);
  });
});

describe('fault injection', () => {
  afterAll(() => emu.setFaults({}));

  it('throttles, answers 503 and drops connections per operation', async () => {
    emu.setFaults({ throttle: { DescribeLogGroups: 1 } });
    expect(await failure(logs.send(new DescribeLogGroupsCommand({})))).toMatchObject({ name: 'ThrottlingException', status: 400 });
    emu.setFaults({ unavailable: { DescribeLogGroups: 1 } });
    expect(await failure(logs.send(new DescribeLogGroupsCommand({})))).toMatchObject({ name: 'ServiceUnavailableException', status: 503 });
    emu.setFaults({ drop: { '*': 1 } });
    const dropped = await failure(logs.send(new DescribeLogGroupsCommand({})));
    expect(dropped.status).toBeUndefined();
    emu.setFaults({ throttle: { StartQuery: 1 } });
    expect((await logs.send(new DescribeLogGroupsCommand({}))).logGroups).toBeDefined();
  });

  it('lets the SDK retry throttling and counts every attempt', async () => {
    emu.setFaults({ throttle: { DescribeLogGroups: 1 } });
    const before = emu.metrics.operations['DescribeLogGroups'] ?? 0;
    const retrying = client(emu, { maxAttempts: 3 });
    expect((await failure(retrying.send(new DescribeLogGroupsCommand({})))).name).toBe('ThrottlingException');
    expect(emu.metrics.operations['DescribeLogGroups']).toBe(before + 3);
  });

  it('replays the same fault sequence for the same seed', async () => {
    const run = async (): Promise<string[]> => {
      emu.setFaults({ seed: 42, throttle: { DescribeLogGroups: 0.5 } });
      const out: string[] = [];
      for (let i = 0; i < 12; i++)
        out.push(
          await logs.send(new DescribeLogGroupsCommand({})).then(
            () => 'ok',
            (e: Error) => e.name,
          ),
        );
      return out;
    };
    const first = await run();
    expect(first).toContain('ok');
    expect(first).toContain('ThrottlingException');
    expect(await run()).toEqual(first);
  });

  it('forces query outcomes: the next N, or those whose text matches', async () => {
    emu.setFaults({
      queryOutcome: [
        { status: 'Failed', count: 1 },
        { status: 'Timeout', match: 'TIMEOUT_ME' },
      ],
    });
    const start = async (q: string): Promise<string> => (await logs.send(new StartQueryCommand({ ...window, queryString: q }))).queryId!;
    const failed = await waitForQuery(logs, await start('fields @message'));
    expect(failed).toMatchObject({ status: 'Failed', results: [] });
    expect((await waitForQuery(logs, await start('fields @message'))).status).toBe('Complete');
    expect((await waitForQuery(logs, await start('fields @message # TIMEOUT_ME'))).status).toBe('Timeout');
    expect((await waitForQuery(logs, await start('fields @message # TIMEOUT_ME again'))).status).toBe('Timeout');
    emu.setFaults({ queryOutcome: [{ status: 'Cancelled' }] });
    expect((await waitForQuery(logs, await start('fields @message'))).status).toBe('Cancelled');
  });

  it('answers LimitExceededException for the next N StartQuery calls', async () => {
    emu.setFaults({ limitExceeded: { count: 2 } });
    const q = new StartQueryCommand({ ...window, queryString: 'fields @message' });
    expect((await failure(logs.send(q))).name).toBe('LimitExceededException');
    expect((await failure(logs.send(q))).name).toBe('LimitExceededException');
    expect((await logs.send(q)).queryId).toBeDefined();
  });
});

describe('concurrent query quota and metrics', () => {
  it('refuses a query beyond maxConcurrentQueries until one stops', async () => {
    const small = await startEmulator({ credentials: [KEY], maxConcurrentQueries: 2, queryLatency: { baseMs: 60_000 } });
    const c = client(small);
    try {
      small.putEvents('/f/api', 's', [{ timestamp: T0, message: 'hello' }]);
      const q = new StartQueryCommand({ ...window, queryString: 'fields @message' });
      const a = await c.send(q);
      await c.send(q);
      expect(await failure(c.send(q))).toMatchObject({ name: 'LimitExceededException', message: expect.stringContaining('[2]') });
      await c.send(new StopQueryCommand({ queryId: a.queryId }));
      expect((await c.send(q)).queryId).toBeDefined();
      expect(small.metrics.queriesStarted).toBe(3);
      const m = small.metrics.queries;
      expect(m.map((x) => x.status)).toEqual(['Cancelled', 'Scheduled', 'Scheduled']);
      expect(m[0]).toMatchObject({
        logGroups: ['/f/api'],
        startTime: window.startTime,
        endTime: window.endTime,
        bytesScanned: 5 + 26,
        queryString: 'fields @message',
      });
      expect(small.metrics.operations).toMatchObject({ StartQuery: 4, StopQuery: 1 });
      expect((await c.send(new GetQueryResultsCommand({ queryId: a.queryId }))).status).toBe('Cancelled');
    } finally {
      c.destroy();
      await small.stop();
    }
  });
});
