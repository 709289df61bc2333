import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DEFAULT_CREDENTIAL, type ManifestSession } from '../../support/cloudwatch-emulator/index';
import { NODE, ROOT, runNode } from '../../integration/connections/support';
import type { EmulatorThread } from './emulator-thread';

/** GNU time: the child's own peak RSS (getrusage's ru_maxrss), in kB, exact whenever it exits. */
const GNU_TIME = '/usr/bin/time';

/**
 * A data directory with one connection to the emulator, made by `orcw connections add` itself.
 * Its credentials come from an AWS profile in a private credentials file, so neither the CLI nor
 * the app needs a keychain here (a bench runs outside scripts/with-keyring.sh).
 */
export interface BenchData {
  dataDir: string;
  /** What a process needs to reach the emulator with this data directory. */
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

export async function benchDataDir(emulator: Pick<EmulatorThread, 'url'>, logGroups: readonly string[]): Promise<BenchData> {
  const dir = await mkdtemp(join(tmpdir(), 'orcw-big-sessions-'));
  const credentials = join(dir, 'aws-credentials');
  await writeFile(
    credentials,
    `[bench]\naws_access_key_id = ${DEFAULT_CREDENTIAL.accessKeyId}\naws_secret_access_key = ${DEFAULT_CREDENTIAL.secretAccessKey}\n`,
    { mode: 0o600 },
  );
  const dataDir = join(dir, 'data');
  const env = { ORCW_DATA_DIR: dataDir, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: join(dir, 'aws-config') };
  await writeFile(env.AWS_CONFIG_FILE, '', { mode: 0o600 });
  const added = await runNode(
    [
      'bin/orcw.mjs',
      'connections',
      'add',
      '--name',
      'bench',
      '--region',
      'us-east-1',
      '--endpoint',
      emulator.url,
      '--profile',
      'bench',
      ...logGroups.flatMap((g) => ['--log-group', g]),
    ],
    { env },
  );
  if (added.code !== 0) throw new Error(`orcw connections add failed (${added.code}): ${added.stderr}`);
  return { dataDir, env, remove: () => rm(dir, { recursive: true, force: true }) };
}

export function buildCliIfStale(): void {
  const built = spawnSync(NODE, ['scripts/build-cli.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('could not build the CLI bundle');
}

/** Peak RSS (kB) of one run of a command that must succeed. */
export function peakRssOf(command: string, args: string[]): number {
  const result = spawnSync(GNU_TIME, ['-f', '%M', command, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return Number(result.stderr.trim().split('\n').at(-1));
}

export interface CliRun {
  peakRssKb: number;
  wallMs: number;
  exitCode: number | null;
  /** StartQuery calls the emulator saw during the run. */
  queries: number;
  /** Rows the query over the first part of the window matched (the earliest query's range). */
  firstPartMatched: number;
  events: number;
  /** UTF-8 bytes of the printed events' messages: the session's log text. */
  logTextBytes: number;
  jsonBytes: number;
  complete: boolean;
  failures: { code: string; message: string }[];
}

/** Indentation of an event's own members in the document (JSON.stringify(…, null, 2)). */
const EVENT_MESSAGE = '      "message": ';
const EVENT_OFFSET = '      "offsetMs": ';
const TAIL = '  "failures": ';

/**
 * `orcw correlate <session> --json` as a user runs it, under GNU time. The document is read as it
 * streams (never held whole): events counted, their messages measured, the tail parsed.
 */
export async function correlateJson(data: BenchData, emulator: EmulatorThread, session: ManifestSession): Promise<CliRun> {
  const rssFile = join(data.dataDir, '..', 'peak-rss');
  const before = (await emulator.queries()).length;
  const started = performance.now();
  // Run as `npx orcw` runs it: the bin file itself (its #! line), the project's Node 24 first on PATH.
  const child = spawn(
    GNU_TIME,
    ['-f', '%M', '-o', rssFile, join(ROOT, 'bin', 'orcw.mjs'), 'correlate', session.token ?? session.sessionId, '--json'],
    {
      cwd: ROOT,
      env: { ...process.env, ...data.env, PATH: `${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let rest = '';
  let tail: string | undefined;
  let events = 0;
  let logTextBytes = 0;
  let jsonBytes = 0;
  const line = (text: string) => {
    if (tail !== undefined) tail += `${text}\n`;
    else if (text.startsWith(EVENT_OFFSET)) events += 1;
    else if (text.startsWith(EVENT_MESSAGE))
      logTextBytes += Buffer.byteLength(JSON.parse(text.slice(EVENT_MESSAGE.length).replace(/,$/, '')) as string, 'utf8');
    else if (text.startsWith(TAIL)) tail = `{${text}\n`;
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    jsonBytes += Buffer.byteLength(chunk, 'utf8');
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const text of lines) line(text);
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = performance.now() - started;
  line(rest);
  if (tail === undefined) throw new Error(`orcw correlate printed no document (exit ${exitCode}): ${stderr}`);
  const end = JSON.parse(tail) as { complete: boolean; failures: { code: string; message: string }[] };
  const peakRssKb = Number((await readFile(rssFile, 'utf8')).trim().split('\n').at(-1));
  const queries = (await emulator.queries()).slice(before);
  const firstPartMatched = [...queries].sort((a, b) => a.startTime - b.startTime || a.endTime - b.endTime)[0]?.recordsMatched ?? 0;
  return {
    peakRssKb,
    wallMs,
    exitCode,
    queries: queries.length,
    firstPartMatched,
    events,
    logTextBytes,
    jsonBytes,
    complete: end.complete,
    failures: end.failures,
  };
}
