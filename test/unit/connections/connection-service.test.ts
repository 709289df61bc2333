import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { keychainSecretStore } from '../../../main/services/keychain/secret-store';
import type { ConnectionDraft } from '../../../shared/domain/connection';
import { connectionViewSchema } from '../../../shared/domain/connection';
import { invokeChannels } from '../../../shared/ipc/contract';

/** Profile connections only: none of these touch the keychain (see the integration tests for keys). */
async function service() {
  const dir = await mkdtemp(join(tmpdir(), 'orcw-service-'));
  const store = new ConnectionStore(dir);
  return { dir, store, service: new ConnectionService({ store, secrets: keychainSecretStore() }) };
}

const draft = (overrides: Partial<ConnectionDraft> = {}): ConnectionDraft => ({
  name: 'Prod',
  region: 'eu-west-1',
  logGroups: ['/ecs/api', '/aws/lambda/checkout'],
  auth: { kind: 'profile', profile: 'prod' },
  ...overrides,
});

describe('ConnectionService (profile connections)', () => {
  it('creates, lists, gets and returns exactly the IPC contract types', async () => {
    const { service: s } = await service();
    const created = await s.create(draft({ openReplay: { baseUrl: 'https://app.openreplay.com', projectId: '42' } }));
    expect(created.id).toMatch(/^c-[0-9a-f]{16}$/);
    expect(created).toMatchObject({ name: 'Prod', hasSecret: false, auth: { kind: 'profile', profile: 'prod' } });
    expect(invokeChannels['connections:create'].response.parse(created)).toEqual(created);
    const listed = await s.list();
    expect(invokeChannels['connections:list'].response.parse(listed)).toEqual([created]);
    expect(await s.get({ id: created.id })).toEqual(created);
    expect(await s.findConnection('PROD')).toMatchObject({ id: created.id });
    expect(await s.findConnection(created.id)).toMatchObject({ name: 'Prod' });
  });

  it('rejects names that clash ignoring case, and keeps what was there', async () => {
    const { service: s, store } = await service();
    await s.create(draft());
    await expect(s.create(draft({ name: '  prod ' }))).rejects.toMatchObject({ code: 'DUPLICATE' });
    const other = await s.create(draft({ name: 'staging' }));
    await expect(s.update({ id: other.id, name: 'PROD' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    expect((await store.read()).map((c) => c.name)).toEqual(['Prod', 'staging']);
    // Renaming to itself in another case is not a clash.
    expect((await s.update({ id: other.id, name: 'Staging' })).name).toBe('Staging');
  });

  it.each([
    ['an empty name', { name: '   ' }, /name: Name is empty/],
    ['a huge name', { name: 'x'.repeat(100_000) }, /name: Name is longer than 100/],
    ['an invalid region', { region: 'Europe (Ireland)' }, /region: Region must look like us-east-1/],
    ['a log group with spaces', { logGroups: ['/ecs/my api'] }, /logGroups\.0: Log group names may contain only/],
    ['a huge log group name', { logGroups: ['/a'.repeat(300)] }, /longer than 512/],
    ['an empty log group name', { logGroups: [''] }, /Log group name is empty/],
    ['an endpoint that is not http(s)', { endpoint: 'ftp://example.com' }, /endpoint/],
    ['an empty profile', { auth: { kind: 'profile' as const, profile: '' } }, /auth\.profile/],
    [
      'a malformed access key id',
      { auth: { kind: 'keys' as const, accessKeyId: 'akid lower', secretAccessKey: 's' } },
      /Access key ID must be/,
    ],
  ])('rejects %s with INVALID_INPUT and writes nothing', async (_label, overrides, message) => {
    const { service: s, store } = await service();
    const error = await s.create(draft(overrides as Partial<ConnectionDraft>)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(message) });
    expect(await store.read()).toEqual([]);
  });

  it('never quotes a rejected secret in the error', async () => {
    const { service: s } = await service();
    const secret = `sekrit-${'z'.repeat(2000)}`;
    const error = (await s
      .create(draft({ auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: secret } }))
      .catch((e: unknown) => e)) as Error & { hint: string };
    expect(error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(`${error.message}${error.hint}`).not.toContain('sekrit');
  });

  it('updates fields, clears optional ones with null and de-duplicates log groups', async () => {
    const { service: s, store } = await service();
    const created = await s.create(
      draft({ endpoint: 'http://127.0.0.1:4566', openReplay: { baseUrl: 'https://or.example.com', projectId: 'p1' } }),
    );
    const updated = await s.update({
      id: created.id,
      region: 'us-east-2',
      logGroups: ['/a', '/b', '/a'],
      endpoint: null,
      openReplay: null,
    });
    expect(updated).toMatchObject({ region: 'us-east-2', logGroups: ['/a', '/b'] });
    expect(updated).not.toHaveProperty('endpoint');
    expect(updated).not.toHaveProperty('openReplay');
    expect(connectionViewSchema.parse(updated)).toEqual(updated);
    expect(await store.read()).toEqual([
      { id: created.id, name: 'Prod', region: 'us-east-2', logGroups: ['/a', '/b'], auth: { kind: 'profile', profile: 'prod' } },
    ]);
  });

  it('stores session ID field names, replaces and clears them, and refuses bad ones without storing anything', async () => {
    const { service: s, store } = await service();
    const created = await s.create(draft({ sessionIdFields: ['sessionId', 'ctx.or-session'] }));
    expect(created.sessionIdFields).toEqual(['sessionId', 'ctx.or-session']);
    expect((await store.read())[0]).toMatchObject({ sessionIdFields: ['sessionId', 'ctx.or-session'] });
    expect(await s.update({ id: created.id, sessionIdFields: ['or_session'] })).toMatchObject({ sessionIdFields: ['or_session'] });
    expect(await s.update({ id: created.id, name: 'Prod 2' })).toMatchObject({ sessionIdFields: ['or_session'] });
    expect(await s.update({ id: created.id, sessionIdFields: [] })).not.toHaveProperty('sessionIdFields');
    await s.update({ id: created.id, sessionIdFields: ['a'] });
    expect(await s.update({ id: created.id, sessionIdFields: null })).not.toHaveProperty('sessionIdFields');
    for (const bad of [['a/b'], ['x" or 1'], ['a b'], ['a'.repeat(65)], Array.from({ length: 9 }, (_, i) => `f${i}`), ['id', 'ID']]) {
      await expect(s.create(draft({ name: `n${bad.length}${bad[0]!.length}`, sessionIdFields: bad }))).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
      await expect(s.update({ id: created.id, sessionIdFields: bad })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('sessionIdFields'),
      });
    }
    expect(await store.read()).toHaveLength(1);
    expect((await store.read())[0]).not.toHaveProperty('sessionIdFields');
  });

  it('reports unknown ids as NOT_FOUND for every operation', async () => {
    const { service: s } = await service();
    await expect(s.get({ id: 'c-missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.update({ id: 'c-missing', name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.delete({ id: 'c-missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.test({ id: 'c-missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.listLogGroups({ id: 'c-missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(s.findConnection('nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('deletes only the chosen connection', async () => {
    const { service: s } = await service();
    const a = await s.create(draft({ name: 'a' }));
    const b = await s.create(draft({ name: 'b' }));
    await s.delete({ id: a.id });
    expect((await s.list()).map((c) => c.id)).toEqual([b.id]);
  });

  it('serialises concurrent writes so none is lost', async () => {
    const { service: s } = await service();
    await Promise.all(Array.from({ length: 12 }, (_, i) => s.create(draft({ name: `conn-${i}` }))));
    expect((await s.list()).map((c) => c.name).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `conn-${i}`).sort());
  });

  it('rejects a log-group prefix with characters no log group has', async () => {
    const { service: s } = await service();
    const created = await s.create(draft());
    await expect(s.listLogGroups({ id: created.id, prefix: '/ecs/"api"' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('offers the CloudWatch Logs regions', async () => {
    const { service: s } = await service();
    const regions = await s.listRegions();
    expect(regions).toContain('us-east-1');
    expect(regions).toContain('eu-central-2');
    expect(new Set(regions).size).toBe(regions.length);
    expect(invokeChannels['connections:regions'].response.parse(regions)).toEqual(regions);
  });

  it('keeps connections.json free of anything but the non-secret fields', async () => {
    const { service: s, store } = await service();
    await s.create(draft());
    const file = JSON.parse(await readFile(store.path, 'utf8'));
    expect(Object.keys(file)).toEqual(['version', 'connections']);
    expect(Object.keys(file.connections[0]).sort()).toEqual(['auth', 'id', 'logGroups', 'name', 'region']);
  });
});
