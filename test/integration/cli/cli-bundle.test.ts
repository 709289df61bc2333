import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runNode, type RunResult } from '../connections/support';

// bin/orcw.mjs runs the esbuild bundle in dist/cli. Each test works on a copy of the package
// (bin/, dist/cli/ and the sources, timestamps kept), so breaking or rebuilding it there cannot
// disturb the other CLI tests that use the real one.

const copies: string[] = [];

function copyPackage(opts: { withBuildTooling?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'orcw-pkg-'));
  copies.push(root);
  for (const dir of ['bin', 'dist/cli', 'main', 'shared', ...(opts.withBuildTooling ? ['scripts'] : [])]) {
    cpSync(join(ROOT, dir), join(root, dir), { recursive: true, preserveTimestamps: true });
  }
  // Only the build needs node_modules (esbuild); the copy that runs the CLI has none at all.
  if (opts.withBuildTooling) symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

const run = (root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> => runNode(args, { cwd: root, env });

const lines = (text: string) => text.trim().split('\n');
const later = (path: string) => {
  const future = new Date(Date.now() + 60_000);
  utimesSync(path, future, future);
};

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'orcw-data-'));
});
afterAll(() => {
  for (const dir of [...copies, dataDir]) rmSync(dir, { recursive: true, force: true });
});

describe('the orcw CLI bundle', () => {
  it('runs with no node_modules and no TypeScript toolchain in reach, loading command chunks on demand', async () => {
    const root = copyPackage();
    const help = await run(root, ['bin/orcw.mjs', '--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('orcw correlate');
    // `cache list` loads the cache chunk (node:sqlite and all): the bundle carries what it needs.
    const list = await run(root, ['bin/orcw.mjs', 'cache', 'list'], { ORCW_DATA_DIR: dataDir });
    expect(list).toMatchObject({ code: 0, stderr: '' });
    expect(list.stdout).toContain('The cache is empty.');
  });

  it('refuses to run a bundle older than a source file, or one built from a file since removed', async () => {
    const root = copyPackage();
    later(join(root, 'main/cli/help.ts'));
    const stale = await run(root, ['bin/orcw.mjs', '--help']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('');
    expect(lines(stale.stderr)).toEqual([
      'error: the orcw CLI bundle is older than main/cli/help.ts',
      `hint: run "npm run build:cli" in ${root} (it takes a few seconds; npm install does it too)`,
    ]);

    const other = copyPackage();
    rmSync(join(other, 'main/cli/format.ts'));
    expect(lines((await run(other, ['bin/orcw.mjs', 'connections', 'list'])).stderr)[0]).toBe(
      'error: the orcw CLI bundle is older than main/cli/format.ts',
    );
  });

  it('says the CLI is not built when the bundle is missing', async () => {
    const root = copyPackage();
    rmSync(join(root, 'dist/cli/orcw.mjs'));
    const missing = await run(root, ['bin/orcw.mjs', '--help']);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)[0]).toBe('error: the orcw CLI is not built (dist/cli/orcw.mjs is missing)');
    expect(lines(missing.stderr)[1]).toMatch(/^hint: run "npm run build:cli"/);
  });

  it('build-cli --if-stale leaves a fresh bundle alone and rebuilds a stale one', { timeout: 120_000 }, async () => {
    const root = copyPackage({ withBuildTooling: true });
    const entry = join(root, 'dist/cli/orcw.mjs');
    const before = statSync(entry).mtimeMs;
    const untouched = await run(root, ['scripts/build-cli.mjs', '--if-stale']);
    expect(untouched).toMatchObject({ code: 0, stdout: '' });
    expect(statSync(entry).mtimeMs).toBe(before);

    later(join(root, 'main/cli/help.ts'));
    expect((await run(root, ['bin/orcw.mjs', '--help'])).code).toBe(1);
    const rebuilt = await run(root, ['scripts/build-cli.mjs', '--if-stale']);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/^built dist\/cli from \d+ source files in \d+ ms\n$/);
    const { inputs } = JSON.parse(readFileSync(join(root, 'dist/cli/build-info.json'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(inputs)).toContain('main/cli/main.ts');
    expect(Object.keys(inputs).every((file) => !file.includes('node_modules'))).toBe(true);
    // A file stamped a minute ahead (clock skew) is fresh once built from: no endless rebuilds.
    expect((await run(root, ['bin/orcw.mjs', '--help'])).code).toBe(0);
    expect((await run(root, ['scripts/build-cli.mjs', '--if-stale'])).stdout).toBe('');
  });
});
