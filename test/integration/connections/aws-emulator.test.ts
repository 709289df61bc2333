import { GetLogEventsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mapAwsError } from '../../../main/services/aws/aws-errors';
import { createLogsClient, errorContextOf } from '../../../main/services/aws/client-factory';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { defaultSecretStore } from '../../../main/services/keychain/secret-store';
import type { ConnectionDraft } from '../../../shared/domain/connection';
import { invokeChannels } from '../../../shared/ipc/contract';
import { startEmulator } from '../../support/cloudwatch-emulator/index';
import { tempDataDir } from './support';

// Real SDK → real HTTP → the CloudWatch Logs emulator (SigV4 checked); keys in the real keychain.

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
const KEY_ID = 'AKIDEMULATOR0001';
const SECRET = 'emulator-secret';
const DENIED_KEY_ID = 'AKIDEMULATORDENY1';
const DENIED_SECRET = 'denied-secret';

beforeAll(async () => {
  emulator = await startEmulator({
    credentials: [
      { accessKeyId: KEY_ID, secretAccessKey: SECRET },
      { accessKeyId: DENIED_KEY_ID, secretAccessKey: DENIED_SECRET, deny: ['DescribeLogGroups'] },
    ],
  });
  const now = Date.now();
  for (let i = 0; i < 120; i += 1) {
    emulator.putEvents(`/app/svc-${String(i).padStart(3, '0')}`, 'main', [
      { timestamp: now - i * 1000, message: `line ${i} `.repeat(i + 1) },
    ]);
  }
  emulator.putEvents('/ecs/api', 'task-1', [{ timestamp: now, message: 'hello' }]);
});
afterAll(() => emulator.stop());

const created: Array<{ service: ConnectionService; id: string }> = [];
afterEach(async () => {
  emulator.setFaults({});
  // Keep the test keyring clean between tests.
  for (const { service, id } of created.splice(0)) await service.delete({ id }).catch(() => undefined);
});

async function newService(clientOptions: { maxAttempts?: number; requestTimeoutMs?: number } = {}) {
  const service = new ConnectionService({ store: new ConnectionStore(await tempDataDir()), secrets: defaultSecretStore(), clientOptions });
  return service;
}

async function add(service: ConnectionService, overrides: Partial<ConnectionDraft> = {}) {
  const view = await service.create({
    name: `c-${created.length}-${Math.random().toString(36).slice(2, 8)}`,
    region: 'us-east-1',
    logGroups: ['/ecs/api'],
    endpoint: emulator.url,
    auth: { kind: 'keys', accessKeyId: KEY_ID, secretAccessKey: SECRET },
    ...overrides,
  });
  created.push({ service, id: view.id });
  return view;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as { code: string; message: string; hint: string },
  );

describe('test connection against the emulator', () => {
  it('succeeds, counts the visible groups and confirms the configured ones', async () => {
    const service = await newService();
    const view = await add(service, { logGroups: ['/ecs/api', '/app/svc-007'] });
    const result = await service.test({ id: view.id });
    expect(invokeChannels['connections:test'].response.parse(result)).toEqual(result);
    expect(result.logGroupsVisible).toBe(121);
    expect(result.message).toMatch(/us-east-1: 121 log groups visible; all 2 configured log groups found/);
  });

  it('shows the stored access key ID and remembers when a test last passed, in connections.json', async () => {
    const dataDir = await tempDataDir();
    let clock = 1_700_000_000_000;
    const service = new ConnectionService({ store: new ConnectionStore(dataDir), secrets: defaultSecretStore(), now: () => clock });
    const view = await add(service);
    expect(view).toMatchObject({ hasSecret: true, accessKeyId: KEY_ID });
    expect(view.lastTestPassedAt).toBeUndefined();
    await service.test({ id: view.id });
    expect(await service.get({ id: view.id })).toMatchObject({ accessKeyId: KEY_ID, lastTestPassedAt: clock });
    // Read back by a fresh store: it is on disk, and the file holds the ID nowhere (it is in the keychain).
    const file = await readFile(join(dataDir, 'connections.json'), 'utf8');
    expect(JSON.parse(file)).toMatchObject({ connections: [{ id: view.id, lastTestPassedAt: clock }] });
    expect(file).not.toContain(SECRET);
    const again = new ConnectionService({ store: new ConnectionStore(dataDir), secrets: defaultSecretStore() });
    expect((await again.get({ id: view.id })).lastTestPassedAt).toBe(clock);

    // A failing test keeps the last success; new keys (or region, endpoint) make it unknown again.
    clock += 60_000;
    await service.update({ id: view.id, auth: { kind: 'keys', accessKeyId: KEY_ID, secretAccessKey: 'rotated-away' } });
    expect((await service.get({ id: view.id })).lastTestPassedAt).toBeUndefined();
    await failure(service.test({ id: view.id }));
    expect((await service.get({ id: view.id })).lastTestPassedAt).toBeUndefined();
    await service.update({ id: view.id, auth: { kind: 'keys', accessKeyId: KEY_ID, secretAccessKey: SECRET } });
    await service.test({ id: view.id });
    await service.update({ id: view.id, name: 'renamed' });
    expect((await service.get({ id: view.id })).lastTestPassedAt).toBe(clock);
  });

  it('names configured log groups that do not exist', async () => {
    const service = await newService();
    const view = await add(service, { logGroups: ['/ecs/api', '/ecs/typo'] });
    expect((await service.test({ id: view.id })).message).toMatch(/not found in us-east-1: \/ecs\/typo/);
  });

  it('maps an unknown access key ID', async () => {
    const service = await newService();
    const view = await add(service, { auth: { kind: 'keys', accessKeyId: 'AKIDNOSUCHKEY0001', secretAccessKey: SECRET } });
    expect(await failure(service.test({ id: view.id }))).toMatchObject({
      code: 'AWS_UNKNOWN_KEY',
      message: 'Access key ID not recognised — check it in IAM.',
    });
  });

  it('maps a wrong secret access key', async () => {
    const service = await newService();
    const view = await add(service, { auth: { kind: 'keys', accessKeyId: KEY_ID, secretAccessKey: 'not-the-secret' } });
    const error = await failure(service.test({ id: view.id }));
    expect(error).toMatchObject({ code: 'AWS_BAD_SECRET', message: expect.stringMatching(/secret access key does not match/) });
    expect(`${error.message}${error.hint}`).not.toContain('not-the-secret');
  });

  it('maps AccessDenied to the permissions the IAM user needs', async () => {
    const service = await newService();
    const view = await add(service, { auth: { kind: 'keys', accessKeyId: DENIED_KEY_ID, secretAccessKey: DENIED_SECRET } });
    expect(await failure(service.test({ id: view.id }))).toMatchObject({
      code: 'AWS_ACCESS_DENIED',
      message: expect.stringContaining(
        'the IAM user needs CloudWatchReadOnlyAccess: logs:DescribeLogGroups, logs:StartQuery, logs:GetQueryResults, logs:StopQuery, logs:GetLogEvents',
      ),
    });
  });

  it('maps throttling (after the SDK gave up retrying) and 5xx', async () => {
    const service = await newService({ maxAttempts: 1 });
    const view = await add(service);
    emulator.setFaults({ throttle: { DescribeLogGroups: 1 } });
    expect(await failure(service.test({ id: view.id }))).toMatchObject({ code: 'AWS_THROTTLED' });
    emulator.setFaults({ unavailable: { DescribeLogGroups: 1 } });
    expect(await failure(service.test({ id: view.id }))).toMatchObject({ code: 'AWS_ERROR', message: expect.stringMatching(/HTTP 5\d\d/) });
  });

  it('maps an unknown region (no CloudWatch host resolves for it)', async () => {
    const service = await newService({ maxAttempts: 1 });
    // No custom endpoint: the SDK derives logs.xx-nowhere-9.amazonaws.com, which no DNS resolves.
    const view = await add(service, { region: 'xx-nowhere-9', endpoint: undefined });
    expect(await failure(service.test({ id: view.id }))).toMatchObject({
      code: 'AWS_UNKNOWN_REGION',
      message: expect.stringContaining('xx-nowhere-9'),
    });
  });

  it('fails fast with AWS_NETWORK on a closed loopback port', async () => {
    const port = await closedPort();
    const service = await newService();
    const view = await add(service, { endpoint: `http://127.0.0.1:${port}` });
    expect(await failure(service.test({ id: view.id }))).toMatchObject({
      code: 'AWS_NETWORK',
      message: expect.stringContaining(`127.0.0.1:${port} could not be reached (ECONNREFUSED)`),
      hint: expect.stringMatching(/endpoint/),
    });
  });

  it('gives up on an endpoint that accepts but never answers, instead of hanging', async () => {
    const silent = await listen(createServer(() => undefined));
    try {
      const service = await newService({ maxAttempts: 1, requestTimeoutMs: 300 });
      const view = await add(service, { endpoint: `http://127.0.0.1:${port(silent)}` });
      expect(await failure(service.test({ id: view.id }))).toMatchObject({
        code: 'AWS_NETWORK',
        message: expect.stringMatching(/did not answer in time/),
      });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('maps an expired session token (answered by a fake server: the emulator does not model session tokens)', async () => {
    // A stand-in that answers exactly as CloudWatch does for an expired STS token, so the SDK's own
    // deserializer builds the exception that the mapping sees.
    const fakeExpiredTokenServer = await fakeCloudWatch(400, {
      __type: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
    });
    try {
      const service = await newService();
      const view = await add(service, {
        endpoint: `http://127.0.0.1:${port(fakeExpiredTokenServer)}`,
        auth: { kind: 'keys', accessKeyId: 'ASIAEMULATOR00001', secretAccessKey: SECRET, sessionToken: 'FwoGZXIvYXdzEExpiredToken' },
      });
      expect(await failure(service.test({ id: view.id }))).toMatchObject({
        code: 'AWS_EXPIRED_TOKEN',
        message: 'The session token has expired.',
      });
    } finally {
      fakeExpiredTokenServer.close();
    }
  });
});

describe('log groups against the emulator', () => {
  it('pages through more than 50 groups with sizes, in AWS order, with no duplicates', async () => {
    const service = await newService();
    const view = await add(service);
    const pages = [];
    let nextToken: string | undefined;
    do {
      const page = await service.listLogGroups({ id: view.id, nextToken });
      expect(invokeChannels['connections:log-groups'].response.parse(page)).toEqual(page);
      pages.push(page);
      nextToken = page.nextToken;
    } while (nextToken);
    expect(pages.map((p) => p.groups.length)).toEqual([50, 50, 21]);
    const names = pages.flatMap((p) => p.groups.map((g) => g.name));
    expect(new Set(names).size).toBe(121);
    expect(names[0]).toBe('/app/svc-000');
    expect(names.at(-1)).toBe('/ecs/api');
    const svc5 = pages[0]!.groups.find((g) => g.name === '/app/svc-005');
    expect(svc5?.storedBytes).toBeGreaterThan(0);
    expect(svc5?.creationTime).toBeGreaterThan(0);
  });

  it('passes retention through (answered by a fake server: the emulator does not model retention)', async () => {
    const fakeServer = await fakeCloudWatch(200, {
      logGroups: [
        { logGroupName: '/kept/30d', retentionInDays: 30, storedBytes: 1234, creationTime: 1700000000000 },
        { logGroupName: '/kept/forever', storedBytes: 0 },
      ],
    });
    try {
      const service = await newService();
      const view = await add(service, { endpoint: `http://127.0.0.1:${port(fakeServer)}` });
      expect(await service.listLogGroups({ id: view.id })).toEqual({
        groups: [
          { name: '/kept/30d', retentionInDays: 30, storedBytes: 1234, creationTime: 1700000000000 },
          { name: '/kept/forever', storedBytes: 0 },
        ],
      });
    } finally {
      fakeServer.close();
    }
  });

  it('searches by prefix', async () => {
    const service = await newService();
    const view = await add(service);
    const page = await service.listLogGroups({ id: view.id, prefix: '/app/svc-11' });
    expect(page.groups.map((g) => g.name)).toEqual(Array.from({ length: 10 }, (_, i) => `/app/svc-11${i}`));
    expect(page.nextToken).toBeUndefined();
    expect((await service.listLogGroups({ id: view.id, prefix: '/nothing/here' })).groups).toEqual([]);
  });
});

describe('profile connections from temp AWS config files', () => {
  const saved = {
    config: process.env.AWS_CONFIG_FILE,
    credentials: process.env.AWS_SHARED_CREDENTIALS_FILE,
    profile: process.env.AWS_PROFILE,
  };
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'orcw-aws-'));
    await writeFile(join(dir, 'config'), '[profile emu]\nregion = us-east-1\n\n[profile emu-denied]\nregion = us-east-1\n');
    await writeFile(
      join(dir, 'credentials'),
      `[emu]\naws_access_key_id = ${KEY_ID}\naws_secret_access_key = ${SECRET}\n\n[emu-denied]\naws_access_key_id = ${DENIED_KEY_ID}\naws_secret_access_key = ${DENIED_SECRET}\n`,
    );
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    delete process.env.AWS_PROFILE;
  });
  afterAll(() => {
    for (const [key, value] of [
      ['AWS_CONFIG_FILE', saved.config],
      ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
      ['AWS_PROFILE', saved.profile],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('signs with the profile keys and stores nothing in the keychain', async () => {
    const service = await newService();
    const view = await add(service, { auth: { kind: 'profile', profile: 'emu' } });
    expect(view.hasSecret).toBe(false);
    expect(await defaultSecretStore().get(view.id)).toBeNull();
    expect((await service.test({ id: view.id })).logGroupsVisible).toBe(121);
  });

  it('maps errors of a profile the same way', async () => {
    const service = await newService();
    const denied = await add(service, { auth: { kind: 'profile', profile: 'emu-denied' } });
    expect(await failure(service.test({ id: denied.id }))).toMatchObject({ code: 'AWS_ACCESS_DENIED' });
  });

  it('reports a profile that does not exist', async () => {
    const service = await newService();
    const view = await add(service, { auth: { kind: 'profile', profile: 'no-such-profile' } });
    expect(await failure(service.test({ id: view.id }))).toMatchObject({
      code: 'AWS_CREDENTIALS_MISSING',
      message: expect.stringContaining('"no-such-profile"'),
    });
  });
});

describe('createLogsClient for the correlation engine', () => {
  it('maps ResourceNotFound and MalformedQuery answered by the emulator', async () => {
    const service = await newService();
    const view = await add(service);
    const connection = await service.getConnection(view.id);
    const client = createLogsClient(connection, { maxAttempts: 1 });
    try {
      const missing = await client
        .send(new GetLogEventsCommand({ logGroupName: '/no/such/group', logStreamName: 's' }))
        .catch((e: unknown) => e);
      expect(mapAwsError(missing, errorContextOf(client))).toMatchObject({ code: 'AWS_RESOURCE_NOT_FOUND' });
      const now = Math.floor(Date.now() / 1000);
      const malformed = await client
        .send(
          new StartQueryCommand({ logGroupNames: ['/ecs/api'], startTime: now - 60, endTime: now, queryString: 'fields @message | | |' }),
        )
        .catch((e: unknown) => e);
      expect(mapAwsError(malformed, errorContextOf(client))).toMatchObject({ code: 'AWS_MALFORMED_QUERY' });
      expect(errorContextOf(client)).toMatchObject({ region: 'us-east-1', endpoint: emulator.url, redact: [KEY_ID, SECRET] });
    } finally {
      client.destroy();
    }
  });
});

/** A stand-in CloudWatch endpoint that gives every request the same awsJson1_1 answer. */
function fakeCloudWatch(status: number, body: unknown): Promise<Server> {
  return listen(
    createServer((req, res) => {
      req.resume().on('end', () => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'fake-1' });
        res.end(JSON.stringify(body));
      });
    }),
  );
}

function listen(server: Server): Promise<Server> {
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

async function closedPort(): Promise<number> {
  const server = await listen(createServer());
  const free = port(server);
  await new Promise((done) => server.close(done));
  return free;
}
