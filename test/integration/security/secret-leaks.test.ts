import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices } from '../../../main/services/app/core-services';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { defaultSecretStore } from '../../../main/services/keychain/secret-store';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { flakeId, makeToken } from '../../support/cloudwatch-emulator/generator/tokens';
import { filesContaining, tempDataDir } from '../connections/support';

// Profile connections leak through paths stored keys do not: the SDK resolves their keys, and a
// failing credential_process reports its command line and stderr. Real AWS config files, a real
// helper script, the real SDK; a hostile endpoint (a loopback server that echoes every request
// header back in its error, as a misconfigured proxy does) stands in for whoever echoes a request.

// Shaped like nothing the patterns know: only the per-connection redaction list can catch them.
const PROFILE_KEY_ID = 'QXPROFKEY7731Z';
const PROFILE_SECRET = 'ps-Qx7Kv2Lm9Rz4-Wn8Jp3';
const PROFILE_TOKEN = 'pt-Hb5Ty8Uc1Vd6-Xe2Zf9';
const HELPER_SECRET = 'hs-Ma4Nb7Oc2Pd5-Qe8Rf1';
const ARGUMENT_SECRET = 'as-Sg3Th6Ui9Vj2-Wk5Xl8';

let echo: Server;
let echoUrl: string;
let emulator: RunningEmulator;
let dir: string;
const saved = {
  config: process.env.AWS_CONFIG_FILE,
  credentials: process.env.AWS_SHARED_CREDENTIALS_FILE,
  profile: process.env.AWS_PROFILE,
};

/** Every piece (8+ characters) of `secret` found in `text`. */
const pieces = (text: string, secret: string) => {
  const found: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i += 1) if (text.includes(secret.slice(i, i + 8))) found.push(secret.slice(i, i + 8));
  return found;
};
const secrets = [PROFILE_KEY_ID, PROFILE_SECRET, PROFILE_TOKEN, HELPER_SECRET, ARGUMENT_SECRET];
const leaks = (text: string) => secrets.flatMap((secret) => pieces(text, secret));

beforeAll(async () => {
  echo = createServer((request, response) => {
    // The credential-bearing headers first, so the 300-character cut of the message cannot hide them.
    const first = (name: string) => (name === 'authorization' || name === 'x-amz-security-token' ? 0 : 1);
    const headers = Object.entries(request.headers)
      .sort(([a], [b]) => first(a) - first(b))
      .map(([name, value]) => `${name}: ${String(value)}`)
      .join('; ');
    response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'EchoException' });
    response.end(JSON.stringify({ __type: 'EchoException', message: `request was ${headers}` }));
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  emulator = await startEmulator();
  emulator.putEvents('/sec/api', 'web-1', [{ timestamp: Date.now() - 3_000_000, message: 'hello' }]);

  dir = await mkdtemp(join(tmpdir(), 'orcw-aws-'));
  const failing = join(dir, 'failing-helper.sh');
  await writeFile(failing, `#!/bin/sh\necho "token for $1: ${HELPER_SECRET}" >&2\nexit 3\n`);
  const working = join(dir, 'working-helper.sh');
  await writeFile(
    working,
    `#!/bin/sh\nprintf '{"Version":1,"AccessKeyId":"%s","SecretAccessKey":"%s"}' ${DEFAULT_CREDENTIAL.accessKeyId} ${DEFAULT_CREDENTIAL.secretAccessKey}\n`,
  );
  await chmod(failing, 0o700);
  await chmod(working, 0o700);
  await writeFile(
    join(dir, 'config'),
    [
      '[profile keys]',
      'region = us-east-1',
      '',
      '[profile failing]',
      'region = us-east-1',
      `credential_process = ${failing} --token ${ARGUMENT_SECRET}`,
      '',
      '[profile working]',
      'region = us-east-1',
      `credential_process = ${working}`,
      '',
    ].join('\n'),
  );
  await writeFile(
    join(dir, 'credentials'),
    `[keys]\naws_access_key_id = ${PROFILE_KEY_ID}\naws_secret_access_key = ${PROFILE_SECRET}\naws_session_token = ${PROFILE_TOKEN}\n`,
  );
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  delete process.env.AWS_PROFILE;
});
afterAll(async () => {
  for (const [key, value] of [
    ['AWS_CONFIG_FILE', saved.config],
    ['AWS_SHARED_CREDENTIALS_FILE', saved.credentials],
    ['AWS_PROFILE', saved.profile],
  ] as const) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  await new Promise((resolve) => echo.close(resolve));
  await emulator.stop();
});

async function profileConnection(dataDir: string, profile: string, endpoint: string) {
  const service = new ConnectionService({
    store: new ConnectionStore(dataDir),
    secrets: defaultSecretStore(),
    clientOptions: { maxAttempts: 1 },
  });
  const view = await service.create({
    name: profile,
    region: 'us-east-1',
    logGroups: ['/sec/api'],
    auth: { kind: 'profile', profile },
    endpoint,
  });
  return { service, view };
}

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string; hint: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: string; message: string; hint: string };
  }
  throw new Error('expected a failure');
}

describe('profile connections', () => {
  it('an endpoint echoing the request (key ID, session token, signature) gets none of it into the error', async () => {
    const { service, view } = await profileConnection(await tempDataDir(), 'keys', echoUrl);
    const error = await failure(service.test({ id: view.id }));
    expect(error.code).toBe('AWS_ERROR');
    expect(error.message).toContain(
      'EchoException: request was x-amz-security-token: [redacted]; authorization: AWS4-HMAC-SHA256 Credential=[redacted]/',
    );
    expect(leaks(`${error.message}\n${error.hint}`)).toEqual([]);
  });

  it('a failing credential_process: exit status and a hint, never its command line or stderr', async () => {
    const { service, view } = await profileConnection(await tempDataDir(), 'failing', emulator.url);
    const error = await failure(service.test({ id: view.id }));
    expect(error).toMatchObject({
      code: 'AWS_CREDENTIALS_MISSING',
      message: expect.stringContaining('the credential_process of AWS profile "failing" failed (exit status 3)'),
    });
    expect(error.hint).toContain('Run the credential_process command of profile "failing"');
    expect(leaks(`${error.message}\n${error.hint}`)).toEqual([]);
    expect(`${error.message}${error.hint}`).not.toContain('failing-helper.sh');
  });

  it('a working credential_process signs real requests', async () => {
    const { service, view } = await profileConnection(await tempDataDir(), 'working', emulator.url);
    expect((await service.test({ id: view.id })).logGroupsVisible).toBeGreaterThanOrEqual(0);
  });

  it('a correlation run keeps both failures out of the window, the cache file and the exports', async () => {
    const dataDir = await tempDataDir();
    await profileConnection(dataDir, 'keys', echoUrl);
    await profileConnection(dataDir, 'failing', emulator.url);
    // One connection that works, so the run has data and is cached with its failures.
    await profileConnection(dataDir, 'working', emulator.url);
    const core = await createCoreServices({ dataDir, emitProgress: () => undefined });
    try {
      const start = Date.now() - 3_600_000;
      const id = flakeId(start, 1, 1);
      const response = await core.sessions.correlate({
        requestId: 'leak-1',
        reference: makeToken(id, start + 7_200_000, 4),
        mode: 'refresh',
      });
      expect(response.result.failures.map((f) => f.code).sort()).toEqual(['AWS_CREDENTIALS_MISSING', 'AWS_ERROR']);
      expect(leaks(JSON.stringify(response))).toEqual([]);
      const exported = [
        core.cache.exportSession(id.toString(), 'json').content,
        core.cache.exportSession(id.toString(), 'md').content,
      ].join('\n');
      expect(exported).toContain('EchoException');
      expect(leaks(exported)).toEqual([]);
    } finally {
      core.close();
    }
    for (const secret of secrets) expect([secret, await filesContaining(dataDir, secret.slice(0, 12))]).toEqual([secret, []]);
    expect(leaks(await readFile(join(dataDir, 'connections.json'), 'utf8'))).toEqual([]);
  });
});
