/**
 * CLI start-up: wall time of `orcw --help` (bin/orcw.mjs running the dist/cli bundle) against a
 * bare `node -e 0` measured in the same run, median of N runs each, interleaved so both see the
 * same machine load. Target: < 10× the bare start. For reference it also times what the CLI did
 * before the bundle (tsx transpiling main/cli at every start) and the first start with an empty
 * V8 compile cache.
 * Run: npm run bench cli-startup
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = 21;
const NODE = process.execPath;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

interface Probe {
  label: string;
  args: string[];
  /** Output a run must print, so a broken command cannot pass as a fast one. */
  expect?: string;
}

const cacheDir = mkdtempSync(join(tmpdir(), 'orcw-compile-cache-'));
const env = { ...process.env, NODE_COMPILE_CACHE: cacheDir };

function timeOnce(probe: Probe, extraEnv: NodeJS.ProcessEnv = env): number {
  const started = performance.now();
  const result = spawnSync(NODE, probe.args, { env: extraEnv, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0 || (probe.expect !== undefined && !result.stdout.includes(probe.expect))) {
    throw new Error(`${probe.label} failed (exit ${result.status}): ${result.stderr.slice(0, 500)}`);
  }
  return ms;
}

const built = spawnSync(NODE, ['scripts/build-cli.mjs', '--if-stale'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('could not build the CLI bundle');

const bare: Probe = { label: 'node -e 0', args: ['-e', '0'] };
const bundle: Probe = { label: 'orcw --help (bundle)', args: ['bin/orcw.mjs', '--help'], expect: 'orcw correlate' };
const viaTsx: Probe = {
  label: 'orcw --help via tsx (before)',
  args: [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    "const { runCli } = await import('./main/cli/main.ts'); process.exitCode = await runCli(['--help']);",
  ],
  expect: 'orcw correlate',
};

// The very first start compiles the bundle and fills the (empty) compile cache.
const coldMs = timeOnce(bundle);
const samples = new Map<Probe, number[]>([bare, bundle, viaTsx].map((p) => [p, []]));
for (let i = 0; i < RUNS; i++) for (const [probe, times] of samples) times.push(timeOnce(probe));
rmSync(cacheDir, { recursive: true, force: true });

const bareMs = median(samples.get(bare)!);
const bundleMs = median(samples.get(bundle)!);
const tsxMs = median(samples.get(viaTsx)!);
const ratio = bundleMs / bareMs;
console.log(`cli start-up, median of ${RUNS} interleaved runs each (Node ${process.versions.node})`);
console.log(`  node -e 0 (baseline)           ${bareMs.toFixed(0)} ms`);
console.log(
  `  orcw --help                    ${bundleMs.toFixed(0)} ms  = ${ratio.toFixed(1)}× baseline   target < 10× [${verdict(ratio < 10)}]`,
);
console.log(`  orcw --help, first start       ${coldMs.toFixed(0)} ms  (empty V8 compile cache, one run)`);
console.log(
  `  orcw --help via tsx (before)   ${tsxMs.toFixed(0)} ms  = ${(tsxMs / bareMs).toFixed(1)}× baseline; the bundle is ${(tsxMs / bundleMs).toFixed(1)}× faster`,
);
