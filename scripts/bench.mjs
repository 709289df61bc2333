// Runs every benchmark (test/bench/*.bench.ts) in turn, each in its own Node 24 process so one
// bench's heap and caches cannot skew the next. Each bench prints its figures, targets and
// ratios against a baseline measured in the same run.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const only = process.argv.slice(2);
const benches = readdirSync('test/bench')
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();

let failed = 0;
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('test/bench', name)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    console.log(`!!! ${name} exited with ${result.status ?? result.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
