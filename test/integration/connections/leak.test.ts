import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../../main/services/app/compose';
import { createEventEmitter } from '../../../main/services/ipc/events';
import { createRouter, type SenderInfo } from '../../../main/services/ipc/router';
import { startEmulator } from '../../support/cloudwatch-emulator/index';
import { filesContaining, freshSecret, runNode, tempDataDir } from './support';

// After a full run through the real IPC router, the services and the CLI, the secret must be in
// the keychain only: not in the data directory, any IPC answer, event, or CLI output.

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
const KEY_ID = 'AKIDEMULATORLEAK1';
const SECRET = freshSecret();
const TOKEN = `IQoJb3JpZ2luX2Vj${freshSecret()}`;
const WRONG = freshSecret();

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [{ accessKeyId: KEY_ID, secretAccessKey: SECRET }] });
  emulator.putEvents('/ecs/api', 's', [{ timestamp: Date.now(), message: 'hello' }]);
});
afterAll(() => emulator.stop());

describe('secret leak check', () => {
  it('finds the secrets nowhere but the keychain after a full run', async () => {
    const dataDir = await tempDataDir();
    const seen: string[] = [];
    const app = await composeApp({
      dataDir,
      version: 'test',
      electron: false,
      events: createEventEmitter((channel, payload) => seen.push(JSON.stringify({ channel, payload }))),
      openExternal: async () => undefined,
      copyText: () => undefined,
      onRendererReady: () => undefined,
    });
    const origin = 'app://orcw';
    const sender: SenderInfo = { url: `${origin}/index.html`, isMainFrame: true, isOurWindow: true };
    const router = createRouter(app.handlers, origin);
    const call = async (channel: string, payload?: unknown) => {
      const result = await router.dispatch(channel, payload, sender);
      seen.push(JSON.stringify(result));
      return result as { ok: boolean; value?: unknown; error?: { code: string } };
    };

    const created = await call('connections:create', {
      name: 'leaky',
      region: 'us-east-1',
      logGroups: ['/ecs/api'],
      endpoint: emulator.url,
      auth: { kind: 'keys', accessKeyId: KEY_ID, secretAccessKey: SECRET, sessionToken: TOKEN },
    });
    // The key's ID is shown (to tell keys apart); the secret and session token never leave main.
    expect(created).toMatchObject({ ok: true, value: { hasSecret: true, accessKeyId: KEY_ID } });
    const id = (created.value as { id: string }).id;
    expect(await call('connections:list')).toMatchObject({ ok: true });
    expect(await call('connections:get', { id })).toMatchObject({ ok: true });
    expect(await call('connections:test', { id })).toMatchObject({ ok: true, value: { logGroupsVisible: 1 } });
    expect(await call('connections:log-groups', { id, prefix: '/ecs' })).toMatchObject({ ok: true });
    expect(await call('connections:update', { id, auth: { kind: 'keys', accessKeyId: KEY_ID, secretAccessKey: WRONG } })).toMatchObject({
      ok: true,
    });
    expect(await call('connections:test', { id })).toMatchObject({ ok: false, error: { code: 'AWS_BAD_SECRET' } });
    expect(await call('connections:log-groups', { id })).toMatchObject({ ok: false, error: { code: 'AWS_BAD_SECRET' } });
    expect(
      await call('connections:create', {
        name: 'bad',
        region: 'us-east-1',
        auth: { kind: 'keys', accessKeyId: 'lower', secretAccessKey: SECRET },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'IPC_INVALID_PAYLOAD' },
    });
    expect(await call('connections:update', { id, auth: { kind: 'keys', accessKeyId: KEY_ID, secretAccessKey: SECRET } })).toMatchObject({
      ok: true,
    });

    const cli = await Promise.all([
      runNode(['bin/orcw.mjs', 'connections', 'list', '--json'], { env: { ORCW_DATA_DIR: dataDir } }),
      runNode(['bin/orcw.mjs', 'connections', 'test', 'leaky'], { env: { ORCW_DATA_DIR: dataDir } }),
      runNode(['bin/orcw.mjs', 'log-groups', 'leaky', '--json'], { env: { ORCW_DATA_DIR: dataDir } }),
    ]);
    expect(cli.map((r) => r.code)).toEqual([0, 0, 0]);
    seen.push(...cli.map((r) => r.stdout + r.stderr));

    expect(await call('connections:delete', { id })).toMatchObject({ ok: true });
    expect(seen.length).toBeGreaterThan(10);
    for (const secret of [SECRET, TOKEN, WRONG]) {
      expect(seen.filter((payload) => payload.includes(secret))).toEqual([]);
      expect(await filesContaining(dataDir, secret)).toEqual([]);
    }
    app.close();
  });
});
