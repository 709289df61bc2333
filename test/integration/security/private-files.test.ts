import { chmod, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices } from '../../../main/services/app/core-services';
import { openCache } from '../../../main/services/cache/cache-store';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { orcw, tempDataDir } from '../cli/support';

// Real files, real modes (stat), under the umask most systems have (022, which alone would give
// 0644 files and 0755 directories): everything orcw keeps must be readable by its user only.

let emulator: RunningEmulator;
let previousUmask: number;
const isPosix = process.platform !== 'win32';

beforeAll(async () => {
  previousUmask = process.umask(0o022);
  emulator = await startEmulator();
});
afterAll(async () => {
  process.umask(previousUmask);
  await emulator.stop();
});

/** Mode (permission bits, octal text) of the directory and of every file under it. */
async function modes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { '.': ((await stat(dir)).mode & 0o777).toString(8) };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length + 1)] = ((await stat(path)).mode & 0o777).toString(8);
  }
  return out;
}

const allPrivate = (found: Record<string, string>) =>
  Object.fromEntries(Object.keys(found).map((name) => [name, name === '.' ? '700' : '600']));

describe.runIf(isPosix)('private files', () => {
  it('a new install: the data directory is 0700 and every file in it 0600 (cache, WAL, config, moved-aside, exports)', async () => {
    const dataDir = join(await tempDataDir(), 'nested', 'orcw');
    const group = '/private/api';
    const sessionStart = Date.parse('2024-01-24T02:27:39.324Z');
    emulator.putEvents(group, 's', [{ timestamp: sessionStart + 60_000, message: 'ERROR boom openReplaySession.id=2618307011354435587' }]);
    const add = await orcw(
      [
        'connections',
        'add',
        '--name',
        'emu',
        '--region',
        'us-east-1',
        '--log-group',
        group,
        '--endpoint',
        emulator.url,
        '--access-key-id',
        DEFAULT_CREDENTIAL.accessKeyId,
        '--secret-access-key-stdin',
      ],
      { dataDir, input: `${DEFAULT_CREDENTIAL.secretAccessKey}\n` },
    );
    expect(add.code).toBe(0);
    const core = await createCoreServices({ dataDir, emitProgress: () => undefined });
    try {
      await core.settings.update({ marginMinutes: 6 });
      // A damaged file the user wrote by hand (a new file: 0644 under this umask) is moved aside.
      await rm(join(dataDir, 'settings.json'));
      await writeFile(join(dataDir, 'settings.json'), '{ damaged');
      const { createSettingsStore } = await import('../../../main/services/settings/settings-store');
      await createSettingsStore(dataDir).get();
      const response = await core.sessions.correlate({ requestId: 'p-1', reference: '2618307011354435587', mode: 'refresh' });
      expect(response.result.eventCount).toBe(1);
      // The run's data is in the WAL until a checkpoint: -wal and -shm exist now.
      const found = await modes(dataDir);
      expect(Object.keys(found)).toEqual(
        expect.arrayContaining(['cache.db', 'cache.db-wal', 'cache.db-shm', 'connections.json', 'config.lock']),
      );
      expect(Object.keys(found).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
      expect(found).toEqual(allPrivate(found));
    } finally {
      core.close();
    }
    const exported = join(dataDir, 'export.json');
    expect((await orcw(['cache', 'export', '2618307011354435587', '--format', 'json', '-o', exported], { dataDir })).code).toBe(0);
    expect(((await stat(exported)).mode & 0o777).toString(8)).toBe('600');
    const after = await modes(dataDir);
    expect(after).toEqual(allPrivate(after));
  });

  it('an existing install with 0644 files and a 0755 directory is fixed on start (app and CLI)', async () => {
    for (const start of ['app', 'cli'] as const) {
      const dataDir = await tempDataDir();
      openCache({ dataDir }).store.close();
      for (const [name, content] of [
        ['settings.json', '{"version":1,"settings":{}}'],
        ['connections.json', '{"version":1,"connections":[]}'],
        ['connections.json.corrupt-1', 'x'],
        ['cache.db-wal', ''],
        ['report.md', '# old export'],
      ]) {
        await writeFile(join(dataDir, name!), content!);
      }
      await mkdir(join(dataDir, 'old-exports'));
      await writeFile(join(dataDir, 'old-exports', 'a.json'), '{}');
      for (const name of await readdir(dataDir, { recursive: true }))
        await chmod(join(dataDir, name), name === 'old-exports' ? 0o755 : 0o644);
      await chmod(dataDir, 0o755);
      const before = await modes(dataDir);
      expect(before['cache.db']).toBe('644');
      if (start === 'app') (await createCoreServices({ dataDir, emitProgress: () => undefined })).close();
      else expect((await orcw(['cache', 'list'], { dataDir })).code).toBe(0);
      const after = await modes(dataDir);
      expect([start, after]).toEqual([start, { ...allPrivate(after), 'old-exports': '700' }]);
    }
  });
});
