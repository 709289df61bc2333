/**
 * Run in a fresh process by test/bench/cache.bench.ts. Mode `cache`: opens a cached session the
 * way a just-started app does (first import of the cache code, open the database, read the
 * session). Mode `json`, the baseline: reads and parses the same session exported as JSON.
 * Usage: node --import tsx cold-open.ts cache <dataDir> <sessionId> | json <file>
 * Prints one JSON line: { importMs, openMs, events }.
 */
import { readFileSync } from 'node:fs';

const [mode, first, second] = process.argv.slice(2);

async function openFromCache(dataDir: string, sessionId: string) {
  const t0 = performance.now();
  const { openCache } = await import('../../../main/services/cache/cache-store');
  const t1 = performance.now();
  const { store } = openCache({ dataDir });
  const opened = store.openSession(sessionId);
  const t2 = performance.now();
  store.close();
  if (!opened) throw new Error(`session ${sessionId} is not cached`);
  return { importMs: t1 - t0, openMs: t2 - t1, events: opened.result.events.length };
}

function openFromJson(file: string) {
  const t0 = performance.now();
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { result: { events: unknown[] } };
  return { importMs: 0, openMs: performance.now() - t0, events: parsed.result.events.length };
}

let measured;
if (mode === 'cache' && first && second) measured = await openFromCache(first, second);
else if (mode === 'json' && first) measured = openFromJson(first);
else throw new Error('usage: cold-open.ts cache <dataDir> <sessionId> | json <file>');
process.stdout.write(`${JSON.stringify(measured)}\n`);
