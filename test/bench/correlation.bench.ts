/**
 * Correlation figures (issue 5), each with its target and a ratio against a baseline measured in
 * the same run, against the CloudWatch Logs emulator (real SDK, real HTTP, SigV4):
 *  1. bytes a session's query scans vs the bytes inside the session's window (target: equal), and
 *     vs a 24-hour lookback (the window the old OpenReplay integration used);
 *  2. client-side overhead over the emulator's own query time (target: < 100 ms);
 *  3. processing time for 10,000 matched events (target: < 200 ms), vs deep-copying the rows.
 * Run: `npx tsx test/bench/correlation.bench.ts`.
 */
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { processRows } from '../../main/services/correlation/processing/process-rows';
import { ProgressTracker } from '../../main/services/correlation/queries/progress-tracker';
import { runQueries } from '../../main/services/correlation/queries/run-queries';
import type { RowBatch } from '../../main/services/correlation/rows/row-batch';
import { runCorrelation } from '../../main/services/correlation/run-correlation';
import { defaultSettings } from '../../shared/domain/settings';
import { parseSessionReference } from '../../shared/session/parse-reference';
import { buildSessionQuery } from '../../shared/session/query';
import { deriveTimeWindow } from '../../shared/session/time-window';
import type { SessionReference } from '../../shared/session/types';
import { DEFAULT_QUERY_LATENCY, startEmulator, type ManifestSession, type RunningEmulator } from '../support/cloudwatch-emulator/index';
import { connection, emulatorClient, target } from '../integration/correlation/support';

const DAY = 86_400_000;
/** Emulator event overhead, as CloudWatch bills it: 26 bytes per event on top of the message. */
const EVENT_OVERHEAD = 26;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

function reference(session: ManifestSession, now: number): SessionReference {
  const parsed = parseSessionReference(session.token ?? session.sessionId, { now });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

async function query(emulator: RunningEmulator, groups: string[], ref: SessionReference, window: { from: number; to: number }) {
  const before = emulator.metrics.queries.length;
  const started = performance.now();
  const result = await runQueries([target(emulator, 'bench', groups)], {
    queryString: buildSessionQuery(ref),
    window,
    tracker: new ProgressTracker(0.005, undefined),
  });
  const wallMs = performance.now() - started;
  return { result, wallMs, metrics: emulator.metrics.queries.slice(before) };
}

/** Independent of Insights: every event of the groups inside the window, read with FilterLogEvents. */
async function bytesInWindow(emulator: RunningEmulator, groups: string[], window: { from: number; to: number }): Promise<number> {
  const client = emulatorClient(emulator);
  let bytes = 0;
  for (const logGroupName of groups) {
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new FilterLogEventsCommand({ logGroupName, startTime: window.from, endTime: window.to, nextToken, limit: 10_000 }),
      );
      for (const event of page.events ?? []) bytes += Buffer.byteLength(event.message ?? '', 'utf8') + EVENT_OVERHEAD;
      nextToken = page.nextToken;
    } while (nextToken);
  }
  client.destroy();
  return bytes;
}

console.log(
  `correlation bench — ${cpus().length} cpu(s), load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}`,
);
const emulator = await startEmulator();
const loadStart = performance.now();
const manifest = emulator.generate({ sessions: 16, days: 2, rate: 20, seed: 4, heavySession: 12_000 });
console.log(
  `generated ${fmt(manifest.totalEvents)} events in ${manifest.logGroups.length} log groups over 2 days (${fmt(performance.now() - loadStart)} ms)`,
);
const now = manifest.timeRange.to + DAY;
const groups = manifest.logGroups;
const dayTwo = manifest.sessions
  .filter((s) => !s.heavy && s.start >= manifest.timeRange.from + DAY + 600_000 && s.end + 600_000 < manifest.timeRange.to)
  .slice(0, 5);

// 1. Bytes scanned.
console.log('\n1. bytes scanned per session (target: equal to the bytes inside the session window)');
let scannedTotal = 0;
let windowTotal = 0;
let lookbackTotal = 0;
for (const session of dayTwo) {
  const ref = reference(session, now);
  const window = deriveTimeWindow(ref, { now });
  const scanned = (await query(emulator, groups, ref, window)).result.stats.bytesScanned;
  const inside = await bytesInWindow(emulator, groups, window);
  const lookback = (await query(emulator, groups, ref, { from: window.to - DAY, to: window.to })).result.stats.bytesScanned;
  scannedTotal += scanned;
  windowTotal += inside;
  lookbackTotal += lookback;
  console.log(
    `   session ${session.sessionId}: scanned ${fmt(scanned)} B, inside window ${fmt(inside)} B (${(scanned / inside).toFixed(4)}×), 24 h lookback ${fmt(lookback)} B (${(lookback / scanned).toFixed(1)}× more)`,
  );
}
const bytesRatio = scannedTotal / windowTotal;
console.log(
  `   total: scanned ${fmt(scannedTotal)} B vs ${fmt(windowTotal)} B inside the windows → ${bytesRatio.toFixed(4)}× (target 1.00×, ≤ 1.01×) ${verdict(bytesRatio <= 1.01)}`,
);
console.log(
  `   vs 24 h lookback: ${fmt(lookbackTotal)} B → the session window scans ${(lookbackTotal / scannedTotal).toFixed(1)}× less (cost $${((scannedTotal / 1e9) * 0.005).toFixed(6)} vs $${((lookbackTotal / 1e9) * 0.005).toFixed(6)})`,
);

// 2. Client-side overhead over the emulator's query time.
console.log("\n2. client-side overhead over the emulator's own query time (target: < 100 ms)");
const session = dayTwo[0]!;
const ref = reference(session, now);
const window = deriveTimeWindow(ref, { now });
const settings = [
  { label: `emulator default (${DEFAULT_QUERY_LATENCY.baseMs} ms base)`, latency: { ...DEFAULT_QUERY_LATENCY }, runs: 7 },
  { label: '1 s query', latency: { baseMs: 1_000, bytesPerSecond: DEFAULT_QUERY_LATENCY.bytesPerSecond }, runs: 5 },
  { label: '3 s query', latency: { baseMs: 3_000, bytesPerSecond: DEFAULT_QUERY_LATENCY.bytesPerSecond }, runs: 3 },
];
let worstDefault = 0;
for (const { label, latency, runs } of settings) {
  emulator.queryLatency = latency;
  const overheads: number[] = [];
  const serverTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { wallMs, metrics } = await query(emulator, groups, ref, window);
    const serverMs = latency.baseMs + (metrics[0]!.bytesScanned / latency.bytesPerSecond) * 1000;
    serverTimes.push(serverMs);
    overheads.push(wallMs - serverMs);
  }
  const overhead = median(overheads);
  if (label.startsWith('emulator default')) worstDefault = overhead;
  console.log(
    `   ${label.padEnd(30)} query ${fmt(median(serverTimes))} ms, wall ${fmt(median(serverTimes) + overhead)} ms → overhead ${fmt(overhead)} ms (${((median(serverTimes) + overhead) / median(serverTimes)).toFixed(2)}× the query time) ${verdict(overhead < 100)}`,
  );
}
emulator.queryLatency = { ...DEFAULT_QUERY_LATENCY };
const e2e: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  await runCorrelation({
    reference: ref,
    connections: [connection(emulator, 'bench', groups)],
    window,
    settings: defaultSettings,
    clientFor: () => emulatorClient(emulator),
    onEvents: () => undefined,
  });
  e2e.push(performance.now() - started);
}
console.log(`   whole run (query + trace lines + context lines + processing), emulator default: ${fmt(median(e2e))} ms median`);

// 3. Processing 10,000 matched events.
console.log('\n3. processing time for 10,000 matched events (target: < 200 ms)');
const heavy = manifest.sessions.find((s) => s.heavy)!;
const heavyRef = reference(heavy, now);
const heavyRows = (await query(emulator, groups, heavyRef, deriveTimeWindow(heavyRef, { now }))).result.batches;
const rows = heavyRows.flatMap((b) => b.rows).slice(0, 10_000);
const batches: RowBatch[] = [{ source: heavyRows[0]!.source, rows }];
const time = (fn: () => unknown, runs = 15, warmup = 3) => {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return median(times);
};
const copyMs = time(() => JSON.parse(JSON.stringify(batches)));
const processMs = time(() =>
  processRows(
    batches.map((b) => ({ source: b.source, rows: b.rows.map((r) => ({ ...r })) })),
    { sessionStart: heavyRef.start },
  ),
);
const processed = processRows(batches, { sessionStart: heavyRef.start });
console.log(`   ${fmt(rows.length)} rows of the heavy session → ${fmt(processed.events.length)} events, ${processed.groups.length} groups`);
console.log(
  `   processRows ${fmt(processMs, 1)} ms median vs deep copy of the rows ${fmt(copyMs, 1)} ms (${(processMs / copyMs).toFixed(1)}×) ${verdict(processMs < 200)}`,
);

await emulator.stop();
console.log(
  `\nsummary: bytes ${bytesRatio.toFixed(4)}× window (target 1.00×), overhead ${fmt(worstDefault)} ms at emulator default (target < 100 ms), processing ${fmt(processMs, 1)} ms (target < 200 ms)`,
);
