/**
 * Big sessions (issue 12), against the CloudWatch Logs emulator (real SDK, real HTTP, SigV4):
 *   1. StartQuery calls for a 150,000-tagged-line session, counted at the emulator    (target ≤ 2)
 *   2. time to the first groups shown (the session:partial event the renderer paints, through the
 *      real router and session service) vs the full-window query, latency ∝ bytes    (target ≤ 0.25×)
 *   3. peak RSS of the real `orcw correlate --json` (bin/orcw.mjs, the dist/cli bundle, a child
 *      process): 150,000 lines < 300 MB; 1,000,000 lines complete or truncated at the run
 *      budget, never above 600 MB
 * Baselines from the same run: the queries the old 10,000-row limit needs, the whole-window
 * query's own time, a bare `node -e 0`'s peak RSS and the session's log text.
 * Run: npm run bench big-sessions
 */
import { cpus, loadavg } from 'node:os';
import { runQueries } from '../../main/correlation/queries/run-queries';
import { ProgressTracker } from '../../main/correlation/queries/progress-tracker';
import { buildSessionQuery } from '../../shared/session/query';
import { deriveTimeWindow } from '../../shared/session/time-window';
import { startEmulator, type EmulatorManifest, type ManifestSession, type RunningEmulator } from '../support/cloudwatch-emulator/index';
import { reference, target } from '../integration/correlation/support';
import { benchDataDir, buildCliIfStale, correlateJson, peakRssOf, type CliRun } from './big-sessions/cli-runs';
import { firstPartShown } from './big-sessions/first-part';

const DAY = 86_400_000;
const MB = 1e6;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
const began = performance.now();
const step = (what: string) => console.log(`  … ${what} (${fmt((performance.now() - began) / 1000, 1)} s)`);

/** Noise per minute per log group: a busy service's traffic, so bytes scanned follow the window. */
const NOISE_RATE = 300;

async function heavyEmulator(lines: number, seed: number): Promise<{ emulator: RunningEmulator; manifest: EmulatorManifest; heavy: ManifestSession }> {
  const emulator = await startEmulator();
  const manifest = emulator.generate({ sessions: 4, days: 0.25, rate: NOISE_RATE, seed, heavySession: lines });
  const heavy = manifest.sessions.find((s) => s.heavy)!;
  return { emulator, manifest, heavy };
}

/** StartQuery calls for the session's window with the old 10,000-row limit, through the production query code. */
async function queriesAtOldLimit(emulator: RunningEmulator, manifest: EmulatorManifest, heavy: ManifestSession): Promise<number> {
  const ref = reference(heavy.token ?? heavy.sessionId, manifest.timeRange.to + DAY);
  const before = emulator.metrics.queries.length;
  await runQueries([target(emulator, 'old-limit', manifest.logGroups)], {
    queryString: buildSessionQuery(ref),
    window: deriveTimeWindow(ref, { now: manifest.timeRange.to + DAY }),
    tracker: new ProgressTracker(0.005, undefined),
    tuning: { limit: 10_000 },
    onRows: () => undefined,
  });
  return emulator.metrics.queries.length - before;
}

function printRss(label: string, run: CliRun, bareKb: number, targetMb: number): boolean {
  const ok = run.peakRssKb * 1024 < targetMb * MB;
  console.log(
    `  ${label.padEnd(22)} peak RSS ${fmt((run.peakRssKb * 1024) / MB)} MB   target < ${targetMb} MB [${verdict(ok)}]   baseline bare node -e 0 ${fmt((bareKb * 1024) / MB)} MB (ratio ${fmt(run.peakRssKb / bareKb, 1)}×); log text ${fmt(run.logTextBytes / MB, 1)} MB (${fmt((run.peakRssKb * 1024) / run.logTextBytes, 1)}× it)`,
  );
  console.log(
    `  ${''.padEnd(22)} ${fmt(run.events)} events in ${fmt(run.wallMs / 1000, 1)} s, ${run.queries} queries, complete ${run.complete}${run.failures.length > 0 ? `, failures: ${run.failures.map((f) => `${f.code}: ${f.message}`).join('; ')}` : ''}; JSON ${fmt(run.jsonBytes / MB, 1)} MB`,
  );
  return ok;
}

console.log(`orcw big-sessions bench: Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
buildCliIfStale();
const bareKb = peakRssOf(process.execPath, ['-e', '0']);
const summary: string[] = [];

// 150,000 tagged lines: queries, peak RSS of the CLI, then the first part shown in the app.
{
  const { emulator, manifest, heavy } = await heavyEmulator(150_000, 12);
  step(`generated ${fmt(manifest.totalEvents)} events, the heavy session ${fmt(heavy.taggedEvents)} tagged lines`);
  const data = await benchDataDir(emulator, manifest.logGroups);
  try {
    const run = await correlateJson(data, emulator, heavy);
    step('orcw correlate --json, 150,000 lines');
    const old = await queriesAtOldLimit(emulator, manifest, heavy);
    const minimum = Math.ceil(heavy.taggedEvents / 100_000);
    const queriesOk = run.queries <= 2;
    console.log('1. queries for the 150,000-line session (StartQuery calls at the emulator)');
    console.log(
      `  orcw correlate          ${run.queries} queries   target ≤ 2 [${verdict(queriesOk)}]   baseline: the old 10,000-row limit ${old} queries (ratio ${fmt(run.queries / old, 2)}×); fewest possible at 100,000 rows each ${minimum}`,
    );
    if (run.events !== heavy.taggedEvents) console.log(`  !! ${fmt(run.events)} events printed, the session has ${fmt(heavy.taggedEvents)} tagged lines`);
    summary.push(`queries ${run.queries} (≤ 2 ${verdict(queriesOk)})`);

    // A data directory of its own: the session is not cached there, so the run queries it.
    const app = await benchDataDir(emulator, manifest.logGroups);
    const shown = await firstPartShown(app, emulator, heavy, manifest.timeRange.to + DAY).finally(() => app.remove());
    step('first part shown');
    const ratio = shown.firstPartMs / shown.wholeQueryMs;
    console.log(`2. first groups shown vs the full-window query, emulator latency ${shown.latency}`);
    console.log(
      `  first part shown        ${fmt(shown.firstPartMs)} ms (${fmt(shown.firstPartEvents)} events, ${shown.firstPartGroups} groups)   baseline: the full-window query ${fmt(shown.wholeQueryMs)} ms → ratio ${fmt(ratio, 2)}   target ≤ 0.25 [${verdict(ratio <= 0.25)}]; the whole run ${fmt(shown.wholeRunMs)} ms`,
    );
    summary.push(`first part ${fmt(ratio, 2)}× (≤ 0.25 ${verdict(ratio <= 0.25)})`);

    console.log('3. peak RSS of orcw correlate --json');
    summary.push(`RSS 150k ${fmt((run.peakRssKb * 1024) / MB)} MB (< 300 ${verdict(printRss('150,000 lines', run, bareKb, 300))})`);
  } finally {
    await data.remove();
    await emulator.stop();
  }
}

// 1,000,000 tagged lines: past the default budget of 500,000 events.
{
  const { emulator, manifest, heavy } = await heavyEmulator(1_000_000, 13);
  step(`generated ${fmt(manifest.totalEvents)} events, the heavy session ${fmt(heavy.taggedEvents)} tagged lines`);
  const data = await benchDataDir(emulator, manifest.logGroups);
  try {
    const run = await correlateJson(data, emulator, heavy);
    step('orcw correlate --json, 1,000,000 lines');
    const truncated = !run.complete && run.failures.length > 0 && run.failures.every((f) => f.code === 'RESULTS_TRUNCATED');
    const whole = run.complete && run.events === heavy.taggedEvents;
    if (!truncated && !whole) console.log(`  !! neither complete nor truncated at the budget: ${run.failures.map((f) => f.code).join(', ')}`);
    const ok = printRss('1,000,000 lines', run, bareKb, 600) && (truncated || whole);
    summary.push(`RSS 1M ${fmt((run.peakRssKb * 1024) / MB)} MB, ${whole ? 'complete' : truncated ? 'truncated at the budget' : 'neither'} (< 600 ${verdict(ok)})`);
  } finally {
    await data.remove();
    await emulator.stop();
  }
}
console.log(`summary: ${summary.join('; ')}`);
