/**
 * CloudWatch emulator benchmark: load rate, Insights query time over 1M events in 10 groups,
 * and peak memory with those events loaded. Each figure is printed with its target and a
 * baseline measured in this run (plain JS arrays doing the same work).
 * Run: npx tsx test/bench/emulator.bench.ts
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DEFAULT_CREDENTIAL, startEmulator } from '../support/cloudwatch-emulator';

const EVENTS = 1_000_000;
const GROUPS = 10;
const STREAMS_PER_GROUP = 4;
const DAY_START = Date.UTC(2024, 0, 23);
const SPAN_MS = 86_400_000;
const TOKEN = 'jw4wdfpgqhoj.3az.lrraavgc.5Hq3xWmT9yJkV2bN8cRfL4dP6sGtA1uEzYw7oKiMnB';
const SESSION_ID = '2618307011354435587';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Deterministic, realistic-sized lines; every 2,000th carries the session's tag in one convention. */
function message(i: number): string {
  const t = i % 2000 === 0 ? i % 6000 : -1;
  if (t === 0) return `[openReplaySessionToken=${TOKEN}] INFO:api.views.cart:GET /api/cart 200 in ${i % 97}ms`;
  if (t === 2000)
    return JSON.stringify({ level: 'error', openReplaySessionToken: TOKEN, msg: `request ${i} failed`, res: { statusCode: 500 } });
  if (t === 4000) return `2024/01/23 10:00:00 openReplaySession.id=${SESSION_ID} GET /api/orders/${i} 200 3.1ms`;
  return `10.0.${i % 10}.${i % 250} - - [23/Jan/2024:10:00:00 +0000] "GET /api/users/${(i * 7919) % 100000} HTTP/1.1" ${i % 17 === 0 ? 500 : 200} ${i % 9000} "-" "Mozilla/5.0 (X11; Linux x86_64)"`;
}

const where = (i: number): { group: string; stream: string; ts: number } => ({
  group: `/bench/group-${i % GROUPS}`,
  stream: `stream-${Math.floor(i / GROUPS) % STREAMS_PER_GROUP}`,
  ts: DAY_START + Math.floor((i / EVENTS) * SPAN_MS),
});

const QUERY = `fields @timestamp, @message, @logStream, @log
| filter @message like "openReplaySessionToken=${TOKEN}" or @message like /"openReplaySessionToken"\\s*:\\s*"${TOKEN.replace(/\./g, '\\.')}"/ or @message like /openReplaySession\\.id=${SESSION_ID}([^0-9]|$)/
| sort @timestamp asc
| limit 10000`;

const mib = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MiB`;
const rate = (n: number, ms: number): string => `${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s`;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function peakSampler(): { stop(): number } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

/** Heap plus off-heap buffers after a full GC: what the data really occupies. */
function liveBytes(): number {
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

type Batch = { group: string; stream: string; events: { timestamp: number; message: string }[] }[];

/** Events [start, start + n) grouped per stream, as a PutLogEvents-style loader receives them. */
function batch(start: number, n: number): Batch {
  const byStream = new Map<string, Batch[number]>();
  for (let i = start; i < start + n; i++) {
    const w = where(i);
    const key = `${w.group}|${w.stream}`;
    let b = byStream.get(key);
    if (b === undefined) byStream.set(key, (b = { group: w.group, stream: w.stream, events: [] }));
    const m = message(i);
    // Flatten the template-literal rope now (untimed): messages parsed from JSON arrive flat,
    // and neither the emulator nor the baseline should be charged for V8's rope flattening.
    Buffer.byteLength(m);
    b.events.push({ timestamp: w.ts, message: m });
  }
  return [...byStream.values()];
}

const BATCH = 10_000;

async function main(): Promise<void> {
  // The emulator first, in a fresh process, so its peak RSS is not inflated by the baseline's pages.
  const live0 = liveBytes();
  const sampler = peakSampler();
  const emu = await startEmulator({ queryLatency: { baseMs: 0, bytesPerSecond: Number.POSITIVE_INFINITY } });
  let loadMs = 0;
  for (let start = 0; start < EVENTS; start += BATCH) {
    const b = batch(start, BATCH);
    const t = performance.now();
    for (const s of b) emu.putEvents(s.group, s.stream, s.events);
    loadMs += performance.now() - t;
  }
  const emulatorBytes = liveBytes() - live0;
  const logs = new CloudWatchLogsClient({ endpoint: emu.url, region: 'eu-west-1', credentials: DEFAULT_CREDENTIAL });
  const queryMs: number[] = [];
  let matched = 0;
  let scanned = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const { queryId } = await logs.send(
      new StartQueryCommand({
        logGroupNames: Array.from({ length: GROUPS }, (_, g) => `/bench/group-${g}`),
        startTime: Math.floor(DAY_START / 1000),
        endTime: Math.floor((DAY_START + SPAN_MS) / 1000),
        queryString: QUERY,
      }),
    );
    let res;
    do res = await logs.send(new GetQueryResultsCommand({ queryId }));
    while (res.status === 'Scheduled' || res.status === 'Running');
    queryMs.push(performance.now() - t);
    matched = res.statistics?.recordsMatched ?? 0;
    scanned = res.statistics?.recordsScanned ?? 0;
  }
  const peakRss = sampler.stop();
  logs.destroy();
  await emu.stop();

  // Baseline: the same events as plain objects in one JS array, scanned with the same predicates.
  const live1 = liveBytes();
  const naive: { group: string; stream: string; timestamp: number; message: string }[] = [];
  let baselineLoadMs = 0;
  for (let start = 0; start < EVENTS; start += BATCH) {
    const b = batch(start, BATCH);
    const t = performance.now();
    for (const s of b)
      for (const e of s.events) naive.push({ group: s.group, stream: s.stream, timestamp: e.timestamp, message: e.message });
    baselineLoadMs += performance.now() - t;
  }
  const baselineBytes = liveBytes() - live1;
  const json = new RegExp(`"openReplaySessionToken"\\s*:\\s*"${TOKEN.replace(/\./g, '\\.')}"`, 'u');
  const id = new RegExp(`openReplaySession\\.id=${SESSION_ID}([^0-9]|$)`, 'u');
  const baselineQueryMs: number[] = [];
  let baselineMatches = 0;
  for (let r = 0; r < 3; r++) {
    const t = performance.now();
    const hits = naive.filter((e) => e.message.includes(`openReplaySessionToken=${TOKEN}`) || json.test(e.message) || id.test(e.message));
    hits.sort((a, b) => a.timestamp - b.timestamp);
    baselineMatches = hits.length;
    baselineQueryMs.push(performance.now() - t);
  }

  if (matched !== baselineMatches || scanned !== EVENTS)
    throw new Error(`query disagrees with baseline: matched ${matched} vs ${baselineMatches}, scanned ${scanned}`);
  const q = median(queryMs);
  const bq = median(baselineQueryMs);
  console.log(
    `emulator bench: ${EVENTS.toLocaleString('en-US')} events in ${GROUPS} groups (${GROUPS * STREAMS_PER_GROUP} streams), ${matched} matches`,
  );
  console.log(
    `  load rate     ${rate(EVENTS, loadMs)} (target >= 200,000/s, i.e. 1M events in under 5 s; baseline push into a plain array ${rate(EVENTS, baselineLoadMs)}, ratio ${(baselineLoadMs / loadMs).toFixed(2)})`,
  );
  console.log(
    `  query time    ${q.toFixed(0)} ms, median of 3 over HTTP (target < 2000 ms; baseline plain array scan ${bq.toFixed(0)} ms, ratio ${(q / bq).toFixed(2)})`,
  );
  console.log(
    `  memory        peak RSS ${mib(peakRss)} (target < 1024 MiB); live data ${mib(emulatorBytes)} (baseline plain array of objects ${mib(baselineBytes)}, ratio ${(emulatorBytes / baselineBytes).toFixed(2)})`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
