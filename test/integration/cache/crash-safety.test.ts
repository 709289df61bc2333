import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache } from '../../../main/services/cache/cache-store';
import { BLOCK_EVENTS } from '../../../main/services/cache/schema';
import { crashRunFor } from '../../support/cache-fixtures/crash-runs';
import { sessionIdFor } from '../../support/cache-fixtures/correlation-results';
import { createRng } from '../../support/cache-fixtures/prng';

const writer = fileURLToPath(new URL('../../support/cache-fixtures/crash-writer.ts', import.meta.url));
const KILLS = 60;
const dataDir = mkdtempSync(join(tmpdir(), 'orcw-cache-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface KillPlan {
  /** Kill this many ms after the Nth commit was reported (N = afterCommits), or after spawn if null. */
  afterCommits: number | null;
  delayMs: number;
}

/** Starts the writer, SIGKILLs it as planned, and returns the seeds it reported as committed. */
interface Outcome {
  committed: number[];
  /** The seed whose save had started but not returned when the kill landed. */
  inFlight: number | null;
  /** Whether the kill landed while the writer was building part of the full-text index. */
  indexing: boolean;
  warnings: string[];
}

function runAndKill(firstSeed: number, plan: KillPlan): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, String(firstSeed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: number[] = [];
    const warnings: string[] = [];
    let inFlight: number | null = null;
    let indexing = false;
    let pending = '';
    let stderr = '';
    let killed = false;
    let armed = plan.afterCommits !== null;
    const kill = () =>
      setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, plan.delayMs);
    if (!armed) kill();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('warning')) warnings.push(line);
        else if (line === 'indexing' || line === 'indexed') indexing = line === 'indexing';
        else if (line.startsWith('saving ')) inFlight = Number(line.slice(7));
        else if (line !== 'open') {
          committed.push(Number(line));
          inFlight = null;
        }
        const reached = line === 'open' ? plan.afterCommits === 0 : /^\d+$/.test(line) && committed.length === plan.afterCommits;
        if (armed && reached) {
          armed = false;
          kill();
        }
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (!killed || signal !== 'SIGKILL') reject(new Error(`writer ended by itself: ${stderr}`));
      else resolve({ committed, inFlight, indexing, warnings });
    });
  });
}

function checkFile(path: string): void {
  const db = new DatabaseSync(path);
  try {
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    db.exec("INSERT INTO event_words (event_words, rank) VALUES ('integrity-check', 0)");
    const strays = db
      .prepare(
        `SELECT count(*) AS n FROM events e LEFT JOIN runs r ON r.id = e.run_id
      WHERE r.id IS NULL OR e.id NOT BETWEEN r.first_event AND r.last_event`,
      )
      .get() as { n: number };
    expect(strays.n).toBe(0);
    const counts = db
      .prepare('SELECT (SELECT count(*) FROM events) AS stored, (SELECT coalesce(sum(event_count), 0) FROM runs) AS promised')
      .get();
    expect(counts).toMatchObject({ stored: (counts as { promised: number }).promised });
    // The full-text index holds exactly the blocks its runs claim: no more, no less.
    const claimed = db
      .prepare(
        `SELECT coalesce(sum((indexed_to - first_event) / ${BLOCK_EVENTS} + 1), 0) AS n FROM runs
      WHERE indexed_to IS NOT NULL`,
      )
      .get() as { n: number };
    expect(db.prepare('SELECT count(*) AS n FROM event_words').get()).toEqual({ n: claimed.n });
    expect(db.prepare('SELECT count(*) AS n FROM runs WHERE current = 0 AND indexed_to IS NOT NULL').get()).toEqual({ n: 0 });
    const orphans = db
      .prepare('SELECT count(*) AS n FROM sessions s LEFT JOIN runs r ON r.id = s.current_run_id WHERE r.id IS NULL')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
    // A run cut off between its pages never became visible, and opening the cache removed it.
    expect(db.prepare('SELECT count(*) AS n FROM runs WHERE state = 0').get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`loses nothing committed when the writer is SIGKILLed at random points (${KILLS} times)`, async () => {
    const rng = createRng(20_240_601);
    const everCommitted: number[] = [];
    let killedAfterCommits = 0;
    let killedMidWrite = 0;
    let killedMidPagedRun = 0;
    // The kills are timed, and on a loaded machine the writer starts slower, so fewer land after
    // a commit or inside a write. Rounds go on (up to twice as many) until enough of them did:
    // the assertions below are about where the kills landed, not about how fast the machine is.
    const covered = () =>
      killedAfterCommits > KILLS / 2 && killedMidWrite > KILLS / 4 && killedMidPagedRun > 0 && everCommitted.length > KILLS;
    for (let round = 0; round < KILLS || (!covered() && round < 2 * KILLS); round += 1) {
      const plan: KillPlan = rng.chance(0.35)
        ? { afterCommits: null, delayMs: rng.int(1500) }
        : { afterCommits: rng.int(5), delayMs: rng.int(40) };
      const { committed, inFlight, indexing, warnings } = await runAndKill((round + 1) * 1000, plan);
      expect(warnings).toEqual([]);
      if (committed.length > 0) killedAfterCommits += 1;
      if (inFlight !== null || indexing) killedMidWrite += 1;
      if (inFlight !== null && inFlight % 2 === 1) killedMidPagedRun += 1;
      everCommitted.push(...committed);

      const { store, warning } = openCache({ dataDir });
      expect(warning).toBeUndefined();
      for (const seed of committed) {
        expect(store.openSession(sessionIdFor(seed))?.result, `seed ${seed}`).toStrictEqual(crashRunFor(seed));
      }
      // The run being saved at the kill is all there (it committed before the print) or not at all.
      if (inFlight !== null) {
        const opened = store.openSession(sessionIdFor(inFlight));
        if (opened) expect(opened.result).toStrictEqual(crashRunFor(inFlight));
      }
      const listed = new Set(store.listSessions(100_000).map((s) => s.sessionId));
      for (const seed of everCommitted) expect(listed.has(sessionIdFor(seed)), `seed ${seed} listed`).toBe(true);
      store.close();
      checkFile(join(dataDir, 'cache.db'));
    }

    // Every run ever reported as committed is still exactly as written.
    const { store } = openCache({ dataDir });
    for (const seed of everCommitted) expect(store.openSession(sessionIdFor(seed))?.result).toStrictEqual(crashRunFor(seed));
    store.close();
    expect(killedAfterCommits).toBeGreaterThan(KILLS / 2);
    // Many kills landed inside a write transaction (a run's save or an index step), not between,
    // and some between the pages of a run written page by page.
    expect(killedMidWrite).toBeGreaterThan(KILLS / 4);
    expect(killedMidPagedRun).toBeGreaterThan(0);
    expect(everCommitted.length).toBeGreaterThan(KILLS);
  }, 1_200_000);
});
