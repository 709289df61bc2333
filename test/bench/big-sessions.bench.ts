/**
 * Big sessions (issue 12), against the CloudWatch Logs emulator (real SDK, real HTTP, SigV4):
 *   1. StartQuery calls for a 150,000-tagged-line session, counted at the emulator    (target ≤ 2)
 *   2. time to the first groups shown (the session:partial event the renderer paints, through the
 *      real router and session service) vs the full-window query, latency ∝ bytes    (target ≤ 0.25×)
 *   3. peak RSS of the real `orcw correlate --json` (bin/orcw.mjs, the dist/cli bundle, a child
 *      process): 150,000 lines < 300 MB; 1,000,000 lines complete or truncated at the run
 *      budget, never above 600 MB
 * Baselines from the same run: the queries the old 10,000-row limit needs, the whole-window
 * query's own time, a bare `node -e 0`'s peak RSS and the session's log text. For information:
 * the queries the same session needs with its lines spread evenly over its two hours.
 * Run: npm run bench big-sessions
 */
import { cpus, loadavg } from 'node:os';
import { runQueries } from '../../main/services/correlation/queries/run-queries';
import { ProgressTracker } from '../../main/services/correlation/queries/progress-tracker';
import { buildSessionQuery } from '../../shared/session/query';
import { deriveTimeWindow } from '../../shared/session/time-window';
import type { HeavySpread, ManifestSession } from '../support/cloudwatch-emulator/index';
import { FIRST_PART_MS } from '../../main/services/correlation/session-service';
import { reference } from '../integration/correlation/support';
import { emulatorTarget, startEmulatorThread, type EmulatorThread } from './big-sessions/emulator-thread';
import { benchDataDir, buildCliIfStale, correlateJson, peakRssOf, type CliRun } from './big-sessions/cli-runs';
import { BUSY_ACCOUNT, FAST_SCAN, firstPartShown, type FirstPartShown } from './big-sessions/first-part';

const DAY = 86_400_000;
const MB = 1e6;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'MET' : 'MISSED');
const began = performance.now();
const step = (what: string) => console.log(`  … ${what} (${fmt((performance.now() - began) / 1000, 1)} s)`);

/** Noise per minute per log group: a busy service's traffic, so bytes scanned follow the window. */
const NOISE_RATE = 300;

async function heavyEmulator(
  lines: number,
  seed: number,
  spread?: HeavySpread,
): Promise<{ emulator: EmulatorThread; manifest: EmulatorThread['manifest']; heavy: ManifestSession }> {
  const emulator = await startEmulatorThread({
    sessions: 4,
    days: 0.25,
    rate: NOISE_RATE,
    seed,
    heavySession: lines,
    ...(spread ? { heavySpread: spread } : {}),
  });
  const heavy = emulator.manifest.sessions.find((s) => s.heavy)!;
  return { emulator, manifest: emulator.manifest, heavy };
}

/** StartQuery calls for the session's window with the old 10,000-row limit, through the production query code. */
async function queriesAtOldLimit(emulator: EmulatorThread, heavy: ManifestSession): Promise<number> {
  const { manifest } = emulator;
  const ref = reference(heavy.token ?? heavy.sessionId, manifest.timeRange.to + DAY);
  const before = (await emulator.queries()).length;
  const old = emulatorTarget(emulator.url, 'old-limit', manifest.logGroups);
  await runQueries([old], {
    queryString: buildSessionQuery(ref),
    window: deriveTimeWindow(ref, { now: manifest.timeRange.to + DAY }),
    tracker: new ProgressTracker(0.005, undefined),
    tuning: { limit: 10_000 },
    onRows: () => undefined,
  });
  old.client.destroy();
  return (await emulator.queries()).length - before;
}

/**
 * StartQuery calls the production query code makes for the heavy session with its window cut
 * where the session service cuts it (the first part first): what `orcw correlate` would start.
 */
async function queriesInParts(emulator: EmulatorThread, heavy: ManifestSession): Promise<number> {
  const { manifest } = emulator;
  const ref = reference(heavy.token ?? heavy.sessionId, manifest.timeRange.to + DAY);
  const before = (await emulator.queries()).length;
  const target = emulatorTarget(emulator.url, 'in-parts', manifest.logGroups);
  await runQueries([target], {
    queryString: buildSessionQuery(ref),
    window: deriveTimeWindow(ref, { now: manifest.timeRange.to + DAY }),
    tracker: new ProgressTracker(0.005, undefined),
    partBoundaries: [ref.start + FIRST_PART_MS],
    onRows: () => undefined,
  });
  target.client.destroy();
  return (await emulator.queries()).length - before;
}

/**
 * Errors in the heavy session (the generator plants none there), so its first part has groups to
 * show: a pino record with its error object every 4 minutes, three kinds. Returns their number.
 */
async function plantErrors(emulator: EmulatorThread, heavy: ManifestSession): Promise<number> {
  const kinds = [
    ['TimeoutError', 'upstream timed out after 3000ms', 'callUpstream'],
    ['TypeError', "Cannot read properties of undefined (reading 'id')", 'renderCart'],
    ['RangeError', 'Invalid array length', 'pageOf'],
  ] as const;
  const events = Array.from({ length: 30 }, (_, i) => {
    const [type, message, at] = kinds[i % kinds.length]!;
    const timestamp = heavy.start + 30_000 + i * 240_000;
    const stack = `${type}: ${message}\n    at ${at} (/app/src/${at}.js:${12 + (i % 3)}:7)\n    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)`;
    return {
      timestamp,
      message: JSON.stringify({
        level: 50,
        time: timestamp,
        openReplaySessionToken: heavy.token,
        msg: 'request failed',
        err: { type, message, stack },
      }),
    };
  });
  await emulator.putEvents('/ecs/web-bff', 'web-bff/bench-errors', events);
  return events.length;
}

function printShown(label: string, shown: FirstPartShown): number {
  const ratio = shown.firstPartMs / shown.wholeQueryMs;
  console.log(
    `  ${label.padEnd(22)} first part shown ${fmt(shown.firstPartMs)} ms (${fmt(shown.firstPartEvents)} events, ${shown.firstPartGroups} groups)   baseline: the full-window query ${fmt(shown.wholeQueryMs)} ms → ratio ${fmt(ratio, 2)}; the whole run ${fmt(shown.wholeRunMs)} ms   (latency ${shown.latency})`,
  );
  return ratio;
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

console.log(
  `orcw big-sessions bench: Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
buildCliIfStale();
const bareKb = peakRssOf(process.execPath, ['-e', '0']);
const summary: string[] = [];

// 150,000 tagged lines: queries, peak RSS of the CLI, then the first part shown in the app.
{
  const { emulator, manifest, heavy } = await heavyEmulator(150_000, 12);
  const planted = await plantErrors(emulator, heavy);
  step(`generated ${fmt(manifest.totalEvents)} events, the heavy session ${fmt(heavy.taggedEvents)} tagged lines and ${planted} errors`);
  const data = await benchDataDir(emulator, manifest.logGroups);
  try {
    const run = await correlateJson(data, emulator, heavy);
    step('orcw correlate --json, 150,000 lines');
    const old = await queriesAtOldLimit(emulator, heavy);
    const rows = heavy.taggedEvents + planted;
    // With the first part queried on its own, the rest of the window needs its own queries.
    const fewest = 1 + Math.ceil((rows - run.firstPartMatched) / 100_000);
    const queriesOk = run.queries <= 2;
    console.log('1. queries for the 150,000-line session (StartQuery calls at the emulator)');
    console.log(
      `  orcw correlate          ${run.queries} queries   target ≤ 2 [${verdict(queriesOk)}]   baseline: the old 10,000-row limit ${old} queries (ratio ${fmt(run.queries / old, 2)}×)`,
    );
    console.log(
      `  ${''.padEnd(22)} fewest possible at 100,000 rows a query: ${Math.ceil(rows / 100_000)} for the window in one piece; ${fewest} with its first part (${fmt(run.firstPartMatched)} rows) queried on its own, the rest holding ${fmt(rows - run.firstPartMatched)}`,
    );
    // For comparison only: the same session with its lines spread evenly over its two hours
    // (not how a session's lines fall, see the generator's heavyLineTimes) needs more queries.
    {
      const even = await heavyEmulator(150_000, 12, 'even');
      try {
        await plantErrors(even.emulator, even.heavy);
        console.log(
          `  ${''.padEnd(22)} information: the same 150,000 lines spread evenly over the session's two hours take ${await queriesInParts(even.emulator, even.heavy)} queries`,
        );
      } finally {
        await even.emulator.stop();
      }
    }
    if (run.events !== rows) console.log(`  !! ${fmt(run.events)} events printed, the session has ${fmt(rows)} tagged lines`);
    summary.push(`queries ${run.queries} (≤ 2 ${verdict(queriesOk)})`);

    // Each run in a data directory of its own: the session is not cached there, so it is queried.
    console.log('2. first groups shown vs the full-window query, emulator latency ∝ bytes scanned');
    const shown: Record<string, number> = {};
    for (const [label, latency] of [
      ['busy account', BUSY_ACCOUNT],
      ['fast scan', FAST_SCAN],
    ] as const) {
      const app = await benchDataDir(emulator, manifest.logGroups);
      shown[label] = printShown(
        label,
        await firstPartShown(app, emulator, heavy, manifest.timeRange.to + DAY, latency).finally(() => app.remove()),
      );
      step(`first part shown, ${label}`);
    }
    const ratio = shown['busy account']!;
    console.log(`  target ≤ 0.25 on the busy account's scan [${verdict(ratio <= 0.25)}]`);
    summary.push(`first part ${fmt(ratio, 2)}× busy account, ${fmt(shown['fast scan']!, 2)}× fast scan (≤ 0.25 ${verdict(ratio <= 0.25)})`);

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
    if (!truncated && !whole)
      console.log(`  !! neither complete nor truncated at the budget: ${run.failures.map((f) => f.code).join(', ')}`);
    const ok = printRss('1,000,000 lines', run, bareKb, 600) && (truncated || whole);
    summary.push(
      `RSS 1M ${fmt((run.peakRssKb * 1024) / MB)} MB, ${whole ? 'complete' : truncated ? 'truncated at the budget' : 'neither'} (< 600 ${verdict(ok)})`,
    );
  } finally {
    await data.remove();
    await emulator.stop();
  }
}
console.log(`summary: ${summary.join('; ')}`);
