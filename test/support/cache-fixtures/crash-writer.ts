/**
 * Child process for the crash test (test/integration/cache/crash-safety.test.ts): saves runs in a
 * loop until it is killed. Prints "open" once the cache is open, "saving <seed>" before each save
 * and the bare seed right after it returns (committed), so the parent knows what must survive and
 * which run was in flight when it was killed. Even seeds are saved whole (saveRun, one
 * transaction); odd seeds as a run does it, page by page (beginRun, a transaction per page, then
 * finish), so kills also land between the pages of a half-written run. Between saves it builds
 * part of the full-text index (its own transactions, between "indexing" and "indexed"), which the
 * kills hit as well.
 * Usage: node --import tsx crash-writer.ts <dataDir> <firstSeed>
 */
import { openCache } from '../../../main/services/cache/cache-store';
import { BLOCK_EVENTS } from '../../../main/services/cache/schema';
import { crashRunFor } from './crash-runs';

const [dataDir, firstSeed] = process.argv.slice(2);
if (!dataDir || !firstSeed) throw new Error('usage: crash-writer.ts <dataDir> <firstSeed>');

const { store, warning } = openCache({ dataDir });
if (warning) process.stdout.write(`warning ${warning.code}\n`);
process.stdout.write('open\n');
for (let seed = Number(firstSeed); ; seed += 1) {
  process.stdout.write(`saving ${seed}\n`);
  const run = crashRunFor(seed);
  if (seed % 2 === 0) store.saveRun(run);
  else {
    const writer = store.beginRun({ session: run.session, window: run.window, connections: run.connections, ranAt: run.ranAt });
    const page = Math.ceil(run.events.length / 3);
    for (let i = 0; i < run.events.length; i += page) writer.append(run.events.slice(i, i + page));
    writer.finish({
      stats: run.stats,
      groups: run.groups,
      failures: run.failures,
      complete: run.complete,
      covered: run.complete ? [run.window] : [],
    });
  }
  process.stdout.write(`${seed}\n`);
  // Index some of the backlog too, so kills also land inside full-text index transactions.
  process.stdout.write('indexing\n');
  store.indexPending(BLOCK_EVENTS * (seed % 7));
  process.stdout.write('indexed\n');
}
