import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CREDENTIAL,
  startEmulator,
  type EmulatorManifest,
  type ManifestSession,
  type RunningEmulator,
} from '../../support/cloudwatch-emulator/index';
import { NODE, ROOT, tempDataDir } from '../connections/support';
import { orcw, removeAllConnections } from '../cli/support';

// `orcw correlate` and `orcw cache …` end to end: bin/orcw.mjs under Node 24 as a child process,
// keys fed on stdin into the real keychain (run inside scripts/with-keyring.sh), the real cache
// file in a temporary data directory, the real SDK against the emulator.

let emulator: RunningEmulator;
let manifest: EmulatorManifest;
let dataDir: string;
let session: ManifestSession;

beforeAll(async () => {
  emulator = await startEmulator();
  manifest = emulator.generate({ sessions: 6, seed: 8, rate: 3 });
  session = manifest.sessions.find((s) => s.token !== undefined && s.errors.length > 0)!;
  dataDir = await tempDataDir();
  const add = await orcw(
    [
      'connections',
      'add',
      '--name',
      'emu',
      '--region',
      'us-east-1',
      ...manifest.logGroups.flatMap((g) => ['--log-group', g]),
      '--endpoint',
      emulator.url,
      '--access-key-id',
      DEFAULT_CREDENTIAL.accessKeyId,
      '--secret-access-key-stdin',
      '--openreplay-url',
      'https://app.openreplay.com',
      '--project-id',
      '7',
    ],
    { dataDir, input: `${DEFAULT_CREDENTIAL.secretAccessKey}\n` },
  );
  expect(add.code).toBe(0);
});
afterAll(async () => {
  await removeAllConnections(dataDir);
  await emulator.stop();
});

describe('orcw correlate', () => {
  it('prints one JSON object with the documented fields, then answers from the cache', async () => {
    const before = emulator.metrics.queries.length;
    const run = await orcw(['correlate', session.token!, '--json'], { dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['session', 'window', 'stats', 'groups', 'events', 'failures', 'complete']));
    expect(json.session).toMatchObject({
      id: session.sessionId,
      token: session.token,
      start: new Date(session.start).toISOString(),
      replayUrl: `https://app.openreplay.com/7/session/${session.sessionId}`,
    });
    expect(json.window).toEqual({ from: expect.stringMatching(/Z$/), to: expect.stringMatching(/Z$/) });
    expect(Object.keys(json.stats).sort()).toEqual(['bytesScanned', 'costUsd', 'queries', 'recordsMatched', 'recordsScanned']);
    expect(json.stats.recordsMatched).toBe(session.taggedEvents);
    expect(json.complete).toBe(true);
    expect(json.failures).toEqual([]);
    expect(json.source).toBe('network');
    expect(json.groups.length).toBe(new Set(session.errors.map((e) => e.groupKey)).size);
    for (const group of json.groups) {
      expect(Object.keys(group)).toEqual(
        expect.arrayContaining([
          'fingerprint',
          'title',
          'type',
          'level',
          'count',
          'firstSeen',
          'lastSeen',
          'firstOffsetMs',
          'contextBefore',
          'contextAfter',
        ]),
      );
    }
    for (const event of json.events) {
      expect(Object.keys(event)).toEqual(
        expect.arrayContaining(['timestamp', 'offsetMs', 'connection', 'logGroup', 'logStream', 'level', 'message']),
      );
    }
    // One query per part of the window (the first 15 minutes after the start, then the rest).
    expect(emulator.metrics.queries.length - before).toBe(2);

    const again = await orcw(['correlate', session.sessionId], { dataDir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Session ${session.sessionId}`);
    expect(again.stdout).toMatch(/Note: +cached \d{4}-/);
    expect(again.stdout).toMatch(/\d+ error groups?:/);
    expect(emulator.metrics.queries.length - before).toBe(2);

    const markdown = await orcw(['correlate', session.sessionId, '--markdown'], { dataDir });
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toMatch(/^#/);
    expect(markdown.stdout).toContain(session.sessionId);
  });

  it('refuses bad command lines with exit 2', async () => {
    for (const args of [
      ['correlate', session.sessionId, '--json', '--markdown'],
      ['correlate', session.sessionId, '--refresh', '--offline'],
      ['correlate', session.sessionId, '--from', 'yesterday'],
      ['correlate'],
    ]) {
      const result = await orcw(args, { dataDir });
      expect([args.join(' '), result.code]).toEqual([args.join(' '), 2]);
      expect(result.stdout).toBe('');
    }
    const bad = await orcw(['correlate', 'not-a-session'], { dataDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: .*\nhint: /);
  });

  it('--offline uses only the cache', async () => {
    const other = manifest.sessions.find((s) => s !== session)!;
    const before = emulator.metrics.queries.length;
    const missing = await orcw(['correlate', other.sessionId, '--offline'], { dataDir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Session ${other.sessionId} is not in the local cache.`);
    const cached = await orcw(['correlate', session.sessionId, '--offline', '--json'], { dataDir });
    expect(JSON.parse(cached.stdout)).toMatchObject({ source: 'cache', complete: true });
    expect(emulator.metrics.queries.length).toBe(before);
  });

  it('Ctrl-C stops the running queries and exits 130', async () => {
    const target = manifest.sessions.find((s) => s !== session && s.token !== undefined)!;
    emulator.queryLatency = { baseMs: 60_000, bytesPerSecond: 2_000_000_000 };
    const stops = emulator.metrics.operations.StopQuery ?? 0;
    const before = emulator.metrics.queries.length;
    try {
      const child = spawn(NODE, ['bin/orcw.mjs', 'correlate', target.token!, '--json'], {
        cwd: ROOT,
        env: { ...process.env, ORCW_DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      // Both parts of the window (the first 15 minutes, the rest) are queried at once.
      while (emulator.metrics.queries.length - before < 2) await new Promise((resolve) => setTimeout(resolve, 20));
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stdout).toBe('');
      expect(stderr).toContain('Cancelled');
      expect(emulator.metrics.queries.slice(before).map((q) => q.status)).toEqual(['Cancelled', 'Cancelled']);
      expect((emulator.metrics.operations.StopQuery ?? 0) - stops).toBe(2);
    } finally {
      emulator.queryLatency = { baseMs: 40, bytesPerSecond: 2_000_000_000 };
    }
  });
});

describe('orcw cache', () => {
  it('lists, searches, exports, clears and imports', async () => {
    const list = await orcw(['cache', 'list', '--json'], { dataDir });
    expect(list.code).toBe(0);
    const { sessions, stats } = JSON.parse(list.stdout);
    expect(sessions.map((s: { sessionId: string }) => s.sessionId)).toContain(session.sessionId);
    expect(stats.sessions).toBeGreaterThanOrEqual(1);
    const table = await orcw(['cache', 'list'], { dataDir });
    expect(table.stdout).toMatch(/^SESSION +STARTED +CACHED/);

    const error = session.errors[0]!;
    const word = error.type.split('.').at(-1)!;
    const search = await orcw(['cache', 'search', word, '--session', session.token!, '--json'], { dataDir });
    expect(search.code).toBe(0);
    const hits = JSON.parse(search.stdout) as { sessionId: string; message: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.sessionId === session.sessionId && h.message.includes(word))).toBe(true);
    expect((await orcw(['cache', 'search', word, '--level', 'loud'], { dataDir })).code).toBe(2);

    const file = join(dataDir, 'export.json');
    const exported = await orcw(['cache', 'export', session.sessionId, '--format', 'json', '-o', file], { dataDir });
    expect(exported.code).toBe(0);
    const md = await orcw(['cache', 'export', session.sessionId, '--format', 'md'], { dataDir });
    expect(md.stdout).toContain(session.sessionId);
    const shown = await orcw(['cache', 'show', session.sessionId, '--json'], { dataDir });
    const before = JSON.parse(shown.stdout);

    const cleared = await orcw(['cache', 'clear'], { dataDir });
    expect(cleared.stdout).toMatch(/^Cleared the cache: \d+ session/);
    const gone = await orcw(['cache', 'show', session.sessionId], { dataDir });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('not in the local cache');

    const imported = await orcw(['cache', 'import', file], { dataDir });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`Imported session ${session.sessionId}`);
    const back = JSON.parse((await orcw(['cache', 'show', session.sessionId, '--json'], { dataDir })).stdout);
    expect(back.events).toEqual(before.events);
    expect(back.groups).toEqual(before.groups);
    expect(JSON.parse(await readFile(file, 'utf8'))).toBeTypeOf('object');
  });

  it('reviews a cached session offline: the network is gone, the cache answers and says so', async () => {
    const offline = await startEmulator();
    const m = offline.generate({ sessions: 2, seed: 9, rate: 1 });
    const s = m.sessions.find((x) => x.token !== undefined) ?? m.sessions[0]!;
    const dir = await tempDataDir();
    await orcw(
      [
        'connections',
        'add',
        '--name',
        'off',
        '--region',
        'us-east-1',
        ...m.logGroups.flatMap((g) => ['--log-group', g]),
        '--endpoint',
        offline.url,
        '--access-key-id',
        DEFAULT_CREDENTIAL.accessKeyId,
        '--secret-access-key-stdin',
      ],
      { dataDir: dir, input: `${DEFAULT_CREDENTIAL.secretAccessKey}\n` },
    );
    try {
      const ref = s.token ?? s.sessionId;
      expect((await orcw(['correlate', ref], { dataDir: dir })).code).toBe(0);
      await offline.stop();
      // A window wider than the cached one, so --refresh has to reach the (stopped) endpoint.
      const from = new Date(s.start - 3_600_000).toISOString();
      const run = await orcw(['correlate', ref, '--refresh', '--from', from], { dataDir: dir });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Note: +offline — showing cached results from \d{4}-/);
      const json = await orcw(['correlate', ref, '--refresh', '--from', from, '--json'], { dataDir: dir });
      expect(JSON.parse(json.stdout)).toMatchObject({ source: 'cache', offline: { code: 'OFFLINE' } });
      expect(json.stderr).toMatch(/^note: offline — showing cached results/);
    } finally {
      const list = await orcw(['connections', 'list', '--json'], { dataDir: dir });
      for (const c of JSON.parse(list.stdout) as { id: string }[]) await orcw(['connections', 'remove', c.id], { dataDir: dir });
    }
  });
});
