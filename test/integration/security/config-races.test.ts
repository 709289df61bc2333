import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCoreServices } from '../../../main/services/app/core-services';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { JOURNAL_FILE } from '../../../main/services/connections/secret-journal';
import { defaultSecretStore } from '../../../main/services/keychain/secret-store';
import { createSettingsStore } from '../../../main/services/settings/settings-store';
import { defaultSettings } from '../../../shared/domain/settings';
import { NODE, ROOT, freshSecret, runNode, secretToolLookup, tempDataDir } from '../connections/support';

// Read-modify-write of the config files, in one process and across processes (the app and the
// CLI share the data directory), and a process killed between the keychain and the file write.
// Real files, the real keychain (scripts/with-keyring.sh), real child processes killed for real.

const CHILD = 'test/integration/security/config-child.ts';

function child(
  dataDir: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { process: ChildProcess; lines: string[]; next: (line: string) => Promise<void>; exit: Promise<number | null> } {
  const proc = spawn(NODE, ['--import', 'tsx', CHILD, ...args], {
    cwd: ROOT,
    env: { ...process.env, ORCW_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let buffer = '';
  proc.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf('\n'); i !== -1; i = buffer.indexOf('\n')) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.line === line)) waiter.resolve();
    }
  });
  let stderr = '';
  proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  const next = (line: string) =>
    lines.includes(line)
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => waiters.push({ line, resolve })),
          exit.then((code) => {
            throw new Error(`child exited (${code}) before "${line}": ${stderr}`);
          }),
        ]);
  return { process: proc, lines, next, exit };
}

const service = (dataDir: string) => new ConnectionService({ store: new ConnectionStore(dataDir), secrets: defaultSecretStore() });

async function outcome(task: Promise<unknown>): Promise<string> {
  return task.then(
    () => 'ok',
    (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
  );
}

describe('a corrupt connections.json', () => {
  it('is moved aside exactly once, and every concurrent reader gets the same CONFIG_CORRUPT', async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, 'connections.json'), '{"version": 1, "connections": [');
    const answers = await Promise.all([
      outcome(new ConnectionStore(dataDir).read()),
      outcome(new ConnectionStore(dataDir).read()),
      outcome(service(dataDir).list()),
      outcome(service(dataDir).getConnection('c-1')),
    ]);
    expect(answers[0]).toMatch(/^CONFIG_CORRUPT: connections\.json could not be read \(it is not valid JSON\); it was moved to /);
    expect(new Set(answers)).toEqual(new Set([answers[0]]));
    expect((await readdir(dataDir)).filter((name) => name.startsWith('connections.json.corrupt-'))).toHaveLength(1);
    expect(await new ConnectionStore(dataDir).read()).toEqual([]);
  });
});

describe('settings updates', () => {
  it('in one process, concurrent updates each keep the others’ fields', async () => {
    const dataDir = await tempDataDir();
    const store = createSettingsStore(dataDir);
    const other = createSettingsStore(dataDir);
    await Promise.all([
      store.update({ marginMinutes: 11 }),
      other.update({ contextEvents: 7 }),
      store.update({ contextSeconds: 3 }),
      other.update({ theme: 'dark' }),
      store.update({ pricePerGb: 0.0071 }),
    ]);
    const file = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(file.settings).toEqual({
      ...defaultSettings,
      marginMinutes: 11,
      contextEvents: 7,
      contextSeconds: 3,
      theme: 'dark',
      pricePerGb: 0.0071,
    });
  });

  it('across processes (the CLI beside the app), none is lost', async () => {
    const dataDir = await tempDataDir();
    const patches = [{ marginMinutes: 12 }, { contextEvents: 9 }, { contextSeconds: 4 }, { theme: 'light' }, { pricePerGb: 0.0042 }];
    const children = patches.map((patch) => child(dataDir, ['settings', JSON.stringify(patch)]));
    const inProcess = createSettingsStore(dataDir).update({ cacheCapBytes: 64 * 1024 * 1024 });
    expect(await Promise.all(children.map((c) => c.exit))).toEqual(patches.map(() => 0));
    await inProcess;
    const file = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8'));
    expect(file.settings).toEqual({ ...defaultSettings, ...Object.assign({}, ...patches), cacheCapBytes: 64 * 1024 * 1024 });
  });
});

describe('connections across processes and crashes', () => {
  it('two processes creating connections at once both keep theirs', async () => {
    const dataDir = await tempDataDir();
    const secret = freshSecret();
    const children = ['alpha', 'beta', 'gamma'].map((name) => child(dataDir, ['create', name], { CHILD_SECRET: secret }));
    expect(await Promise.all(children.map((c) => c.exit))).toEqual([0, 0, 0]);
    const all = await service(dataDir).list();
    expect(all.map((c) => c.name).sort()).toEqual(['alpha', 'beta', 'gamma']);
    expect(all.every((c) => c.hasSecret)).toBe(true);
    for (const c of all) await service(dataDir).delete({ id: c.id });
  });

  it('a process killed between the keychain write and the file write leaves no orphan secret once orcw starts again', async () => {
    const dataDir = await tempDataDir();
    const secret = freshSecret();
    const crashing = child(dataDir, ['crash-before-file', 'doomed'], { CHILD_SECRET: secret });
    await crashing.next('keychain written');
    const journal = JSON.parse(await readFile(join(dataDir, JOURNAL_FILE), 'utf8')) as { ids: string[] };
    expect(journal.ids).toHaveLength(1);
    const [id] = journal.ids as [string];
    crashing.process.kill('SIGKILL');
    await crashing.exit;
    // The crash left exactly what the issue describes: a keychain entry for a connection nobody has.
    expect(JSON.parse((await secretToolLookup(id)) ?? 'null')).toMatchObject({ secretAccessKey: secret });
    await expect(stat(join(dataDir, 'connections.json'))).rejects.toMatchObject({ code: 'ENOENT' });

    const core = await createCoreServices({ dataDir, emitProgress: () => undefined });
    core.close();
    expect(await secretToolLookup(id)).toBeNull();
    await expect(stat(join(dataDir, JOURNAL_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    // And the lock the killed process held is free: a new connection goes through at once.
    const created = await service(dataDir).create({
      name: 'after',
      region: 'us-east-1',
      logGroups: [],
      auth: { kind: 'keys', accessKeyId: 'AKIDEMULATOR0001', secretAccessKey: secret },
    });
    expect(created.hasSecret).toBe(true);
    await service(dataDir).delete({ id: created.id });
  });

  it('a process killed after the file write keeps its (now complete) connection and secret', async () => {
    const dataDir = await tempDataDir();
    const secret = freshSecret();
    const crashing = child(dataDir, ['crash-after-file', 'kept'], { CHILD_SECRET: secret });
    await crashing.next('file written');
    crashing.process.kill('SIGKILL');
    await crashing.exit;
    const [view] = await service(dataDir).list();
    expect(view).toMatchObject({ name: 'kept', hasSecret: true });
    expect(JSON.parse((await secretToolLookup(view!.id)) ?? 'null')).toMatchObject({ secretAccessKey: secret });
    await expect(stat(join(dataDir, JOURNAL_FILE))).rejects.toMatchObject({ code: 'ENOENT' });
    await service(dataDir).delete({ id: view!.id });
  });

  it('a process holding the lock makes the others wait, and frees it when killed', async () => {
    const dataDir = await tempDataDir();
    const holder = child(dataDir, ['hold-lock']);
    await holder.next('holding');
    let done = false;
    const update = createSettingsStore(dataDir)
      .update({ marginMinutes: 3 })
      .then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(done).toBe(false);
    holder.process.kill('SIGKILL');
    await holder.exit;
    await update;
    expect(done).toBe(true);
  });
});

// A smoke check that the child script itself runs (a broken import would fail every test above oddly).
it('the child helper runs', async () => {
  const dataDir = await tempDataDir();
  expect((await runNode(['--import', 'tsx', CHILD, 'settings', '{"theme":"dark"}'], { env: { ORCW_DATA_DIR: dataDir } })).stdout).toBe(
    'done\n',
  );
});
