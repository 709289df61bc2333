import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { defaultSecretStore } from '../../../main/services/keychain/secret-store';
import { filesContaining, freshSecret, runNode, secretToolLookup, tempDataDir } from './support';

// Runs inside scripts/with-keyring.sh: a private D-Bus session with a real, unlocked gnome-keyring.

async function setup() {
  const dataDir = await tempDataDir();
  const store = new ConnectionStore(dataDir);
  return { dataDir, store, service: new ConnectionService({ store, secrets: defaultSecretStore() }) };
}

describe('AWS keys in the real OS keychain', () => {
  it('create puts the secret in the keychain and in no file; delete removes it from both', async () => {
    const { dataDir, service } = await setup();
    const secret = freshSecret();
    const token = `IQoJb3JpZ2luX2VjE${freshSecret()}`;
    const view = await service.create({
      name: 'prod',
      region: 'eu-west-1',
      logGroups: ['/ecs/api'],
      auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: secret, sessionToken: token },
    });
    expect(view).toMatchObject({ hasSecret: true, auth: { kind: 'keys' } });
    expect(JSON.stringify(view)).not.toContain(secret);
    expect(JSON.stringify(await service.list())).not.toContain(secret);

    const stored = await secretToolLookup(view.id);
    expect(JSON.parse(stored ?? 'null')).toEqual({ accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: secret, sessionToken: token });
    expect(await filesContaining(dataDir, secret)).toEqual([]);
    expect(await filesContaining(dataDir, token)).toEqual([]);
    expect(await filesContaining(dataDir, 'AKIDEMULATOR0001')).toEqual([]);

    await service.delete({ id: view.id });
    expect(await secretToolLookup(view.id)).toBeNull();
    expect(await service.list()).toEqual([]);
    expect(await filesContaining(dataDir, secret)).toEqual([]);
  });

  it('update replaces the keys, keeps them when auth is absent, and removes them on a switch to a profile', async () => {
    const { dataDir, service, store } = await setup();
    const first = freshSecret();
    const second = freshSecret();
    const view = await service.create({
      name: 'staging',
      region: 'us-east-1',
      logGroups: [],
      auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: first },
    });
    await service.update({ id: view.id, auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0002', secretAccessKey: second } });
    expect(JSON.parse((await secretToolLookup(view.id)) ?? 'null')).toEqual({ accessKeyId: 'AKIDEMULATOR0002', secretAccessKey: second });

    await service.update({ id: view.id, logGroups: ['/x'] });
    expect(JSON.parse((await secretToolLookup(view.id)) ?? 'null')).toMatchObject({ secretAccessKey: second });

    const switched = await service.update({ id: view.id, auth: { kind: 'profile', profile: 'staging' } });
    expect(switched).toMatchObject({ hasSecret: false, auth: { kind: 'profile', profile: 'staging' } });
    expect(await secretToolLookup(view.id)).toBeNull();
    expect(await store.read()).toEqual([
      { id: view.id, name: 'staging', region: 'us-east-1', logGroups: ['/x'], auth: { kind: 'profile', profile: 'staging' } },
    ]);
    expect(await filesContaining(dataDir, second)).toEqual([]);
  });

  it('reports hasSecret: false when the keychain entry was removed behind its back', async () => {
    const { service } = await setup();
    const view = await service.create({
      name: 'orphan',
      region: 'us-east-1',
      logGroups: [],
      auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: freshSecret() },
    });
    await defaultSecretStore().delete(view.id);
    expect((await service.get({ id: view.id })).hasSecret).toBe(false);
    await expect(service.test({ id: view.id })).rejects.toMatchObject({ code: 'AWS_CREDENTIALS_MISSING' });
  });

  it('without a Secret Service: keys are refused with KEYCHAIN_UNAVAILABLE, never written to a file', async () => {
    const dataDir = await tempDataDir();
    const secret = freshSecret();
    const result = await runNode(['--import', 'tsx', 'test/integration/connections/keychain-child.ts'], {
      env: { ORCW_DATA_DIR: dataDir, CHILD_SECRET: secret, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/orcw-no-bus' },
    });
    expect(result.stderr).not.toContain(secret);
    const outcome = JSON.parse(result.stdout);
    expect(outcome.keys).toMatchObject({
      ok: false,
      code: 'KEYCHAIN_UNAVAILABLE',
      hint: expect.stringMatching(/gnome-keyring|KWallet|Keychain|Credential Manager/),
    });
    expect(outcome.keys.message).not.toContain(secret);
    // Profiles need no keychain, and listing still works so a headless shell can see its setup.
    expect(outcome.profile).toMatchObject({ ok: true, value: { name: 'profile', hasSecret: false } });
    expect(outcome.list).toMatchObject({ ok: true, value: [{ name: 'profile' }] });
    expect(await filesContaining(dataDir, secret)).toEqual([]);
    const file = JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8'));
    expect(file.connections.map((c: { name: string }) => c.name)).toEqual(['profile']);
  });

  it('a keytar that fails to load is reported as KEYCHAIN_UNAVAILABLE, not a crash at startup', async () => {
    const dataDir = await tempDataDir();
    const result = await runNode(
      ['--import', './test/integration/connections/break-keytar.mjs', '--import', 'tsx', 'test/integration/connections/keychain-child.ts'],
      { env: { ORCW_DATA_DIR: dataDir, CHILD_SECRET: freshSecret() } },
    );
    const outcome = JSON.parse(result.stdout);
    expect(outcome.keys).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', message: expect.stringContaining('fake broken build') });
    expect(outcome.profile).toMatchObject({ ok: true });
  });

  it('without a Secret Service: deleting a keys connection fails and keeps it, so no secret is orphaned', async () => {
    const { dataDir, service } = await setup();
    const secret = freshSecret();
    const view = await service.create({
      name: 'keep-me',
      region: 'us-east-1',
      logGroups: [],
      auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: secret },
    });
    const result = await runNode(['--import', 'tsx', 'test/integration/connections/keychain-child.ts'], {
      env: {
        ORCW_DATA_DIR: dataDir,
        CHILD_SECRET: freshSecret(),
        CHILD_DELETE_ID: view.id,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/orcw-no-bus',
      },
    });
    expect(JSON.parse(result.stdout).deleteKeys).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
    expect((await service.get({ id: view.id })).hasSecret).toBe(true);
    expect(JSON.parse((await secretToolLookup(view.id)) ?? 'null')).toMatchObject({ secretAccessKey: secret });
    await service.delete({ id: view.id });
  });
});
