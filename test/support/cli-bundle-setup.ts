import { spawnSync } from 'node:child_process';

/**
 * Vitest global setup: the CLI tests spawn bin/orcw.mjs as users run it, which runs dist/cli. Build
 * that bundle first when it is missing or older than its sources (the same check bin/orcw.mjs makes),
 * so the tests exercise the code under test, never yesterday's bundle.
 */
export default function buildCliBundleIfStale(): void {
  const result = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`scripts/build-cli.mjs --if-stale failed (${result.status ?? result.signal})`);
}
