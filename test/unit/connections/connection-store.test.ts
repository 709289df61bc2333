import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import type { Connection } from '../../../shared/domain/connection';
import { AppError } from '../../../shared/errors';

const sample: Connection = {
  id: 'c-0123456789abcdef',
  name: 'prod',
  region: 'eu-west-1',
  logGroups: ['/ecs/api'],
  auth: { kind: 'profile', profile: 'prod' },
};

async function storeIn(): Promise<{ dir: string; store: ConnectionStore }> {
  const dir = await mkdtemp(join(tmpdir(), 'orcw-store-'));
  return { dir, store: new ConnectionStore(dir) };
}

async function readError(store: ConnectionStore): Promise<AppError> {
  const error = await store.read().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ConnectionStore', () => {
  it('reads nothing before the first write and round-trips what it wrote, with a version field', async () => {
    const { store } = await storeIn();
    expect(await store.read()).toEqual([]);
    await store.write([sample]);
    expect(await store.read()).toEqual([sample]);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toEqual({ version: 1, connections: [sample] });
  });

  it.each([
    ['not JSON', '{"version": 1, "connections": ['],
    ['a wrong shape', '{"version": 1, "connections": [{"id": "c-1", "name": ""}]}'],
    ['duplicate ids', JSON.stringify({ version: 1, connections: [sample, { ...sample, name: 'other' }] })],
    ['no version', JSON.stringify({ connections: [sample] })],
  ])('moves a file with %s aside byte-for-byte and reports where it went', async (_label, content) => {
    const { dir, store } = await storeIn();
    await writeFile(store.path, content);
    const error = await readError(store);
    expect(error.code).toBe('CONFIG_CORRUPT');
    const aside = (await readdir(dir)).filter((name) => name.startsWith('connections.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(error.message).toContain(aside[0]);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(content);
    // The app carries on empty, and new writes do not touch the moved file.
    expect(await store.read()).toEqual([]);
    await store.write([sample]);
    expect(await readFile(join(dir, aside[0]!), 'utf8')).toBe(content);
  });

  it('leaves a file from a newer orcw in place instead of discarding it', async () => {
    const { dir, store } = await storeIn();
    const content = JSON.stringify({ version: 2, connections: [], somethingNew: true });
    await writeFile(store.path, content);
    const error = await readError(store);
    expect(error.code).toBe('CONFIG_CORRUPT');
    expect(error.hint).toMatch(/update orcw/i);
    expect(await readdir(dir)).toEqual(['connections.json']);
    expect(await readFile(store.path, 'utf8')).toBe(content);
  });

  it('reports an unreadable data directory as a clear error, not a crash', async () => {
    const { dir } = await storeIn();
    await writeFile(join(dir, 'not-a-dir'), 'x');
    const store = new ConnectionStore(join(dir, 'not-a-dir'));
    const error = await readError(store);
    expect(error.message).toContain('Could not read');
    await expect(store.write([sample])).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('Could not save') });
  });
});
