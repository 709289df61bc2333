import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const NODE = join(ROOT, 'node_modules', '.bin', 'node');

export const tempDataDir = () => mkdtemp(join(tmpdir(), 'orcw-data-'));

/** A secret that is unique per test, so a hit can only come from this run. */
export function freshSecret(): string {
  return `wJalrXUtnFEMI/K7MDENG/${randomBytes(12).toString('base64url')}`;
}

/** Looks the entry up with libsecret's own CLI, independently of keytar. */
export function secretToolLookup(account: string): Promise<string | null> {
  return new Promise((done, fail) => {
    execFile('secret-tool', ['lookup', 'service', 'orcw', 'account', account], (error, stdout) => {
      if (!error) done(stdout);
      else if (error.code === 1) done(null);
      else fail(error);
    });
  });
}

/** Every file under `dir` (recursively) whose bytes contain `needle`. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path)).includes(needle)) hits.push(path);
  }
  return hits;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs Node 24 as a child with the given args (in the repository unless `cwd`), feeding `input` on stdin. */
export function runNode(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<RunResult> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    // A child that exits before reading its input (orcw refusing to start, say) closes the pipe:
    // EPIPE on stdin is its answer, not a failure of the run; its exit code tells the test.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') fail(error);
    });
    child.stdin.end(options.input ?? '');
  });
}
