/**
 * Child process for the crash test (test/integration/cache/crash-safety.test.ts): saves runs in a
 * loop until it is killed. Prints "open" once the cache is open, "saving <seed>" before each save
 * and the bare seed right after saveRun returns (its transaction committed), so the parent knows
 * what must survive and which run was in flight when it was killed. Between saves it builds part
 * of the full-text index (its own transactions, between "indexing" and "indexed"), which the
 * kills hit as well.
 * Usage: node --import tsx crash-writer.ts <dataDir> <firstSeed>
 */
import { openCache } from '../../../main/cache/cache-store';
import { BLOCK_EVENTS } from '../../../main/cache/schema';
import { crashRunFor } from './crash-runs';

const [dataDir, firstSeed] = process.argv.slice(2);
if (!dataDir || !firstSeed) throw new Error('usage: crash-writer.ts <dataDir> <firstSeed>');

const { store, warning } = openCache({ dataDir });
if (warning) process.stdout.write(`warning ${warning.code}\n`);
process.stdout.write('open\n');
for (let seed = Number(firstSeed); ; seed += 1) {
  process.stdout.write(`saving ${seed}\n`);
  store.saveRun(crashRunFor(seed));
  process.stdout.write(`${seed}\n`);
  // Index some of the backlog too, so kills also land inside full-text index transactions.
  process.stdout.write('indexing\n');
  store.indexPending(BLOCK_EVENTS * (seed % 7));
  process.stdout.write('indexed\n');
}
