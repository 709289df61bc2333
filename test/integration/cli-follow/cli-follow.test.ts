import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { NODE, ROOT, tempDataDir } from '../connections/support';
import { orcw, removeAllConnections } from '../cli/support';
import { sessionIdAt } from '../correlation/support';

// `orcw follow` end to end: bin/orcw.mjs as a child process, keys in the real keychain, the real
// cache, the real SDK's StartLiveTail against the emulator; the test appends lines while it runs.

const GROUPS = ['/follow/api', '/follow/worker'];
let emulator: RunningEmulator;
let dataDir: string;

beforeAll(async () => {
  emulator = await startEmulator();
  for (const g of GROUPS) emulator.putEvents(g, 'boot', [{ timestamp: Date.now() - 60_000, message: 'started' }]);
  dataDir = await tempDataDir();
  const add = await orcw(
    [
      'connections',
      'add',
      '--name',
      'emu',
      '--region',
      'us-east-1',
      ...GROUPS.flatMap((g) => ['--log-group', g]),
      '--endpoint',
      emulator.url,
      '--access-key-id',
      DEFAULT_CREDENTIAL.accessKeyId,
      '--secret-access-key-stdin',
    ],
    { dataDir, input: `${DEFAULT_CREDENTIAL.secretAccessKey}\n` },
  );
  expect(add.code).toBe(0);
});

afterAll(async () => {
  await removeAllConnections(dataDir);
  await emulator.stop();
});

describe('orcw follow', () => {
  it('prints each appended line of the session in order, terminal-safe, until Ctrl-C stops the tail; the lines are cached', async () => {
    const id = sessionIdAt(Date.now() - 2 * 60_000, 3);
    const child = spawn(NODE, ['bin/orcw.mjs', 'follow', id], {
      cwd: ROOT,
      env: { ...process.env, ORCW_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<number | null>((done) => child.on('close', done));
    const waitFor = async (what: () => boolean, label: string, ms = 10_000) => {
      const until = Date.now() + ms;
      while (!what()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${label}\nstdout: ${stdout}\nstderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    await waitFor(() => stderr.includes('following session'), 'the follow to start');
    expect(emulator.liveTail.sessions()).toHaveLength(1);
    const lines = [
      `GET /cart 200 openReplaySession.id=${id}`,
      `[openReplaySessionToken=${BigInt(id).toString(36)}.3az.lrraavgc.Sig1] charge started`,
      `evil \u001b]52;c;aGk=\u0007 clipboard write openReplaySession.id=${id}`,
      `POST /pay 500 openReplaySession.id=${id}`,
    ];
    for (const [i, message] of lines.entries()) {
      emulator.putEvents(GROUPS[i % 2]!, 'app/1', [{ timestamp: Date.now(), message }]);
      // A line of another session and an untagged one in between: never printed.
      emulator.putEvents(GROUPS[0]!, 'app/1', [
        { timestamp: Date.now(), message: `openReplaySession.id=${id}1 someone else` },
        { timestamp: Date.now(), message: 'health ok' },
      ]);
      const shown = message.replace('\u001b', '␛').replace('\u0007', '␇');
      await waitFor(() => stdout.includes(shown), `line ${i}`);
    }
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    const printed = stdout
      .split('\n')
      .filter((l) => l.startsWith('  '))
      .map((l) => l.slice(2));
    expect(printed).toEqual(lines.map((l) => l.replace('\u001b', '␛').replace('\u0007', '␇')));
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('someone else');
    expect(stderr).toMatch(/stopped after \d+ s \(stopped\); 4 line\(s\) of the session in the cache/);
    await new Promise((r) => setTimeout(r, 200));
    expect(emulator.liveTail.sessions()).toEqual([]);
    const cached = await orcw(['correlate', id, '--offline', '--json'], { dataDir });
    const saved = JSON.parse(cached.stdout) as { events: { message: string }[]; complete: boolean; failures: { message: string }[] };
    expect(saved.events.map((e) => e.message)).toEqual(lines);
    // Only the followed minutes were searched: the rest of the window is named as missing.
    expect(saved.complete).toBe(false);
    expect(cached.code).toBe(1);
    expect(saved.failures[0]!.message).toMatch(/^Followed live only: .* was not searched$/);
  });

  it('refuses a session whose window has passed, unless --any-time', async () => {
    const old = sessionIdAt(Date.now() - 6 * 3_600_000, 4);
    const refused = await orcw(['follow', old], { dataDir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('window ended');
    expect(emulator.liveTail.sessions()).toEqual([]);
  });
});
