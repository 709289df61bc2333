import { readdir, readFile, writeFile, mkdtemp, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../support/cloudwatch-emulator/index';
import { filesContaining, freshSecret, orcw, secretToolLookup, tempDataDir, transcript } from './support';
import { NODE, ROOT, runNode } from '../connections/support';
import { spawn } from 'node:child_process';

// Spawns bin/orcw.mjs (Node 24 running the dist/cli bundle, as `npx orcw` does), inside
// scripts/with-keyring.sh, against the emulator.

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
let emulator: Emulator;
const KEY_ID = 'AKIDEMULATORCLI01';
const SECRET = freshSecret();

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [{ accessKeyId: KEY_ID, secretAccessKey: SECRET }] });
  const now = Date.now();
  for (let i = 0; i < 60; i += 1)
    emulator.putEvents(`/svc/group-${String(i).padStart(2, '0')}`, 's', [{ timestamp: now, message: 'x'.repeat(2048) }]);
  emulator.putEvents('/ecs/api', 's', [{ timestamp: now, message: 'hello' }]);
});
afterAll(() => emulator.stop());

const lines = (text: string) => text.trim().split('\n');
/** What the data directory holds besides config.lock (an empty SQLite lock shared with other orcw processes). */
const configFiles = async (dataDir: string) => (await readdir(dataDir)).filter((name) => name !== 'config.lock');

describe('orcw CLI', () => {
  it('prints help with exit 0 and rejects unknown commands with exit 2', async () => {
    const dataDir = await tempDataDir();
    const help = await orcw(['--help'], { dataDir });
    expect(help.code).toBe(0);
    for (const name of ['connections add', 'connections edit', 'connections list', 'connections test', 'connections remove', 'log-groups'])
      expect(help.stdout).toContain(`orcw ${name}`);
    const addHelp = await orcw(['connections', 'add', '--help'], { dataDir });
    expect(addHelp).toMatchObject({ code: 0, stdout: expect.stringContaining('--secret-access-key-stdin') });
    const unknown = await orcw(['frobnicate'], { dataDir });
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr).filter((l) => l.startsWith('error: ') || l.startsWith('hint: '))).toHaveLength(2);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('runs a whole session: add (secret on stdin) → list → test → log-groups → remove', async () => {
    const dataDir = await tempDataDir();
    const add = await orcw(
      [
        'connections',
        'add',
        '--name',
        'emu',
        '--region',
        'us-east-1',
        '--log-group',
        '/ecs/api',
        '--log-group',
        '/svc/group-07',
        '--endpoint',
        emulator.url,
        '--access-key-id',
        KEY_ID,
        '--secret-access-key-stdin',
        '--openreplay-url',
        'https://app.openreplay.com',
        '--project-id',
        '12',
      ],
      { dataDir, input: `${SECRET}\n` },
    );
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(
      /Added connection "emu" \(c-[0-9a-f]{16}\): us-east-1, 2 log group\(s\), secret stored in the OS keychain\./,
    );

    const list = await orcw(['connections', 'list', '--json'], { dataDir });
    expect(list.code).toBe(0);
    const [view] = JSON.parse(list.stdout);
    expect(view).toMatchObject({
      name: 'emu',
      hasSecret: true,
      endpoint: emulator.url,
      openReplay: { baseUrl: 'https://app.openreplay.com', projectId: '12' },
    });
    expect(JSON.parse((await secretToolLookup(view.id)) ?? 'null')).toEqual({ accessKeyId: KEY_ID, secretAccessKey: SECRET });
    expect(await filesContaining(dataDir, SECRET)).toEqual([]);
    const table = await orcw(['connections', 'list'], { dataDir });
    expect(table.stdout).toMatch(/^NAME +ID +REGION +AUTH +LOG GROUPS/);
    expect(table.stdout).toMatch(/emu +c-[0-9a-f]+ +us-east-1 +keys \(keychain\) +\/ecs\/api, \/svc\/group-07/);

    const test = await orcw(['connections', 'test', 'EMU'], { dataDir });
    expect(test).toMatchObject({
      code: 0,
      stdout: 'ok: Connected to CloudWatch Logs in us-east-1: 61 log groups visible; all 2 configured log groups found.\n',
    });

    const groups = await orcw(['log-groups', 'emu', '--json'], { dataDir });
    expect(groups.code).toBe(0);
    const all = JSON.parse(groups.stdout) as Array<{ name: string; storedBytes?: number }>;
    expect(all).toHaveLength(61);
    expect(all.find((g) => g.name === '/svc/group-07')?.storedBytes).toBeGreaterThan(2000);
    const prefixed = await orcw(['log-groups', 'emu', '--prefix', '/svc/group-5'], { dataDir });
    expect(prefixed.code).toBe(0);
    expect(lines(prefixed.stdout)[0]).toMatch(/^ *NAME +STORED +RETENTION$/);
    expect(lines(prefixed.stdout).filter((l) => l.includes('/svc/group-5'))).toHaveLength(10);

    const remove = await orcw(['connections', 'remove', 'emu'], { dataDir });
    expect(remove).toMatchObject({ code: 0, stdout: 'Removed connection "emu" and its keychain entry.\n' });
    expect(await secretToolLookup(view.id)).toBeNull();
    expect(JSON.parse((await orcw(['connections', 'list', '--json'], { dataDir })).stdout)).toEqual([]);
  });

  it('reports AWS failures as error/hint with exit 1', async () => {
    const dataDir = await tempDataDir();
    const wrong = freshSecret();
    await orcw(
      [
        'connections',
        'add',
        '--name',
        'bad',
        '--region',
        'us-east-1',
        '--endpoint',
        emulator.url,
        '--access-key-id',
        KEY_ID,
        '--secret-access-key-stdin',
      ],
      {
        dataDir,
        input: wrong,
      },
    );
    const test = await orcw(['connections', 'test', 'bad'], { dataDir });
    expect(test.code).toBe(1);
    expect(lines(test.stderr)).toEqual([
      'error: The secret access key does not match the access key ID.',
      expect.stringMatching(/^hint: Paste the secret access key again/),
    ]);
    expect(test.stdout + test.stderr).not.toContain(wrong);
    const missing = await orcw(['connections', 'test', 'nobody'], { dataDir });
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/^error: No connection "nobody"\.\nhint: /) });
    await orcw(['connections', 'remove', 'bad'], { dataDir });
  });

  it('treats a bad command line as exit 2 and never echoes a secret put in argv', async () => {
    const dataDir = await tempDataDir();
    const leaked = freshSecret();
    const inArgv = await orcw(
      ['connections', 'add', '--name', 'x', '--region', 'us-east-1', '--access-key-id', KEY_ID, `--secret-access-key=${leaked}`],
      { dataDir },
    );
    expect(inArgv.code).toBe(2);
    expect(inArgv.stderr).toMatch(/^error: secrets are never accepted as arguments/);
    const positional = await orcw(
      ['connections', 'add', '--name', 'x', '--region', 'us-east-1', '--access-key-id', KEY_ID, '--secret-access-key-stdin', leaked],
      { dataDir },
    );
    expect(positional).toMatchObject({ code: 2, stderr: expect.stringMatching(/^error: this command takes no positional arguments/) });
    for (const run of [inArgv, positional]) expect(run.stdout + run.stderr).not.toContain(leaked);

    const noStdin = await orcw(['connections', 'add', '--name', 'x', '--region', 'us-east-1', '--access-key-id', KEY_ID], { dataDir });
    expect(noStdin).toMatchObject({ code: 2, stderr: expect.stringContaining('--secret-access-key-stdin') });
    const both = await orcw(['connections', 'add', '--name', 'x', '--region', 'us-east-1', '--access-key-id', KEY_ID, '--profile', 'p'], {
      dataDir,
    });
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('exactly one of --access-key-id') });
    const region = await orcw(['connections', 'add', '--name', 'x', '--region', 'Frankfurt', '--profile', 'p'], { dataDir });
    expect(region).toMatchObject({ code: 2, stderr: expect.stringContaining('region: Region must look like us-east-1') });
    const group = await orcw(['connections', 'add', '--name', 'x', '--region', 'us-east-1', '--profile', 'p', '--log-group', 'has space'], {
      dataDir,
    });
    expect(group).toMatchObject({ code: 2, stderr: expect.stringContaining('Log group names may contain only') });
    const huge = await orcw(['connections', 'add', '--name', 'n'.repeat(50_000), '--region', 'us-east-1', '--profile', 'p'], { dataDir });
    expect(huge).toMatchObject({ code: 2, stderr: expect.stringContaining('Name is longer than 100 characters') });
    const emptyName = await orcw(['connections', 'add', '--name', '', '--region', 'us-east-1', '--profile', 'p'], { dataDir });
    expect(emptyName).toMatchObject({ code: 2, stderr: expect.stringContaining('Name is empty') });
    const emptySecret = await orcw(
      ['connections', 'add', '--name', 'x', '--region', 'us-east-1', '--access-key-id', KEY_ID, '--secret-access-key-stdin'],
      { dataDir, input: '\n' },
    );
    expect(emptySecret).toMatchObject({ code: 2, stderr: expect.stringContaining('No secret access key on stdin') });
    expect(await readdir(dataDir)).toEqual([]);

    expect((await orcw(['connections', 'add', '--name', 'dup', '--region', 'us-east-1', '--profile', 'p'], { dataDir })).code).toBe(0);
    const dup = await orcw(['connections', 'add', '--name', 'DUP', '--region', 'us-east-1', '--profile', 'q'], { dataDir });
    expect(dup).toMatchObject({ code: 1, stderr: expect.stringContaining('A connection named "dup" already exists') });
  });

  it('edits a connection: session ID field names, rename, endpoint, new credentials; keeps what is left out', async () => {
    const dataDir = await tempDataDir();
    const add = await orcw(
      [
        'connections',
        'add',
        '--name',
        'ed',
        '--region',
        'us-east-1',
        '--profile',
        'p',
        '--log-group',
        '/ecs/api',
        '--session-id-field',
        'sessionId',
        '--json',
      ],
      { dataDir },
    );
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ sessionIdFields: ['sessionId'] });
    const stored = async () => JSON.parse(await readFile(join(dataDir, 'connections.json'), 'utf8')) as unknown;
    expect(JSON.stringify(await stored())).toContain('"sessionIdFields":["sessionId"]');

    const edit = await orcw(
      [
        'connections',
        'edit',
        'ED',
        '--session-id-field',
        'or_session',
        '--session-id-field',
        'ctx.sid',
        '--rename',
        'edited',
        '--endpoint',
        emulator.url,
      ],
      { dataDir },
    );
    expect(edit).toMatchObject({
      code: 0,
      stdout:
        'Updated connection "edited" (' +
        JSON.parse(add.stdout).id +
        '): us-east-1, 1 log group(s), session ID also under or_session, ctx.sid.\n',
    });
    const [view] = JSON.parse((await orcw(['connections', 'list', '--json'], { dataDir })).stdout);
    expect(view).toMatchObject({
      name: 'edited',
      logGroups: ['/ecs/api'],
      endpoint: emulator.url,
      auth: { kind: 'profile', profile: 'p' },
      sessionIdFields: ['or_session', 'ctx.sid'],
    });

    const keys = await orcw(
      ['connections', 'edit', 'edited', '--access-key-id', KEY_ID, '--secret-access-key-stdin', '--no-endpoint', '--json'],
      { dataDir, input: `${SECRET}\n` },
    );
    expect(keys.code).toBe(0);
    expect(JSON.parse(keys.stdout)).toMatchObject({ auth: { kind: 'keys' }, hasSecret: true, sessionIdFields: ['or_session', 'ctx.sid'] });
    expect(JSON.parse(keys.stdout)).not.toHaveProperty('endpoint');
    expect(await filesContaining(dataDir, SECRET)).toEqual([]);

    const bad = await orcw(['connections', 'edit', 'edited', '--session-id-field', 'a"|b'], { dataDir });
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('Each field name must be letters, digits, _ . -') });
    const both = await orcw(['connections', 'edit', 'edited', '--session-id-field', 'a', '--no-session-id-fields'], { dataDir });
    expect(both).toMatchObject({ code: 2, stderr: expect.stringContaining('exclude each other') });
    const nothing = await orcw(['connections', 'edit', 'edited'], { dataDir });
    expect(nothing).toMatchObject({ code: 2, stderr: expect.stringContaining('nothing to change') });
    const cleared = await orcw(['connections', 'edit', 'edited', '--no-session-id-fields', '--json'], { dataDir });
    expect(JSON.parse(cleared.stdout)).not.toHaveProperty('sessionIdFields');
    expect(JSON.stringify(await stored())).not.toContain('sessionIdFields');
    await orcw(['connections', 'remove', 'edited'], { dataDir });
  });

  it('reads an optional session token from the second stdin line', async () => {
    const dataDir = await tempDataDir();
    const token = `FwoGZXIvYXdz${freshSecret()}`;
    const add = await orcw(
      [
        'connections',
        'add',
        '--name',
        'tmp',
        '--region',
        'us-east-1',
        '--endpoint',
        emulator.url,
        '--access-key-id',
        KEY_ID,
        '--secret-access-key-stdin',
        '--json',
      ],
      {
        dataDir,
        input: `${SECRET}\r\n${token}\r\n`,
      },
    );
    expect(add.code).toBe(0);
    const view = JSON.parse(add.stdout);
    expect(JSON.parse((await secretToolLookup(view.id)) ?? 'null')).toEqual({
      accessKeyId: KEY_ID,
      secretAccessKey: SECRET,
      sessionToken: token,
    });
    // The emulator ignores session tokens, so the same call still succeeds.
    expect((await orcw(['connections', 'test', 'tmp'], { dataDir })).code).toBe(0);
    expect(add.stdout).not.toContain(token);
    await orcw(['connections', 'remove', 'tmp'], { dataDir });
  });

  it('asks for the secret on a terminal without echoing it (a real pty, through util-linux script)', async () => {
    const dataDir = await tempDataDir();
    const typed = freshSecret();
    const command = `${NODE} bin/orcw.mjs connections add --name tty --region us-east-1 --endpoint ${emulator.url} --access-key-id ${KEY_ID} --json`;
    const { code, output } = await onTerminal(command, dataDir, [
      ['Secret access key: ', `${typed}\r`],
      ['Session token (Enter for none): ', '\r'],
    ]);
    expect(code).toBe(0);
    expect(output).not.toContain(typed);
    const view = JSON.parse(output.slice(output.indexOf('{')).replace(/\r/g, ''));
    expect(JSON.parse((await secretToolLookup(view.id)) ?? 'null')).toEqual({ accessKeyId: KEY_ID, secretAccessKey: typed });
    await orcw(['connections', 'remove', 'tty'], { dataDir });

    const cancelled = await onTerminal(command, dataDir, [['Secret access key: ', 'abc\u0003']]);
    expect(cancelled.code).toBe(1);
    expect(cancelled.output).toMatch(/error: Cancelled\./);
    expect(await configFiles(dataDir)).toEqual(['connections.json']);
    expect(JSON.parse((await orcw(['connections', 'list', '--json'], { dataDir })).stdout)).toEqual([]);
  });

  it('moves a corrupt connections.json aside, says so, and carries on', async () => {
    const dataDir = await tempDataDir();
    await writeFile(join(dataDir, 'connections.json'), '{"version":1,"connections":[{"id":');
    const first = await orcw(['connections', 'list'], { dataDir });
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(
      /^error: connections\.json could not be read \(it is not valid JSON\); it was moved to .*connections\.json\.corrupt-/,
    );
    const aside = (await readdir(dataDir)).filter((f) => f.startsWith('connections.json.corrupt-'));
    expect(await readFile(join(dataDir, aside[0]!), 'utf8')).toBe('{"version":1,"connections":[{"id":');
    expect(await orcw(['connections', 'list'], { dataDir })).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('No connections yet'),
    });
  });

  it('refuses keys without a keychain (exit 1, clear hint) and writes no file', async () => {
    const dataDir = await tempDataDir();
    const secret = freshSecret();
    const add = await orcw(
      ['connections', 'add', '--name', 'k', '--region', 'us-east-1', '--access-key-id', KEY_ID, '--secret-access-key-stdin'],
      {
        dataDir,
        input: secret,
        env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/orcw-no-bus' },
      },
    );
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/^error: The OS keychain is not available \(.+\)\.\nhint: .*gnome-keyring/);
    expect(add.stderr).not.toContain(secret);
    expect(await configFiles(dataDir)).toEqual([]);
  });

  it('tells an expired SSO login to run aws sso login for that profile', async () => {
    const dataDir = await tempDataDir();
    const home = await mkdtemp(join(tmpdir(), 'orcw-home-'));
    await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    await writeFile(
      join(home, '.aws', 'config'),
      '[profile dev-sso]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = ReadOnly\nregion = us-east-1\n\n' +
        '[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\nsso_registration_scopes = sso:account:access\n',
    );
    // The token cache AWS CLI v2 writes after `aws sso login`, expired an hour ago.
    await writeFile(
      join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`),
      JSON.stringify({
        startUrl: 'https://corp.awsapps.com/start',
        region: 'us-east-1',
        accessToken: 'expired-token',
        expiresAt: new Date(Date.now() - 3_600_000).toISOString(),
      }),
    );
    const env = {
      HOME: home,
      AWS_CONFIG_FILE: join(home, '.aws', 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    };
    expect(
      (
        await orcw(['connections', 'add', '--name', 'sso', '--region', 'us-east-1', '--profile', 'dev-sso', '--endpoint', emulator.url], {
          dataDir,
          env,
        })
      ).code,
    ).toBe(0);
    const test = await orcw(['connections', 'test', 'sso'], { dataDir, env });
    expect(test.code).toBe(1);
    expect(lines(test.stderr)).toEqual([
      'error: The SSO session of profile "dev-sso" has expired or is missing.',
      'hint: Run: aws sso login --profile dev-sso',
    ]);
  });

  it('says how to get Node 24 when started by an older Node', async () => {
    const script = "Object.defineProperty(process.versions, 'node', { value: '20.11.0' }); await import('./bin/orcw.mjs');";
    const old = await runNode(['--input-type=module', '-e', script]);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/needs Node\.js 24 or newer[\s\S]*npx orcw/);
  });

  it('leaks no secret into any output of this file', () => {
    expect(transcript.length).toBeGreaterThan(20);
    const everything = transcript.map((r) => r.stdout + r.stderr).join('\n');
    expect(everything).not.toContain(SECRET);
  });
});

/** Runs a command on a pseudo-terminal and answers each prompt once it has been shown. */
function onTerminal(
  command: string,
  dataDir: string,
  answers: Array<[prompt: string, reply: string]>,
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: ROOT, env: { ...process.env, ORCW_DATA_DIR: dataDir } });
    let output = '';
    let next = 0;
    let searchFrom = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const answer = answers[next];
      const at = answer ? output.indexOf(answer[0], searchFrom) : -1;
      if (answer && at >= 0) {
        next += 1;
        searchFrom = at + answer[0].length;
        child.stdin.write(answer[1]);
      }
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}
