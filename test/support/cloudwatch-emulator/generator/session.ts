import type { Rng } from '../rng';
import type { HeavySpread, ManifestError } from '../types';
import type { ServiceStreams } from './generate';
import { tagsById, type Service, type SessionRef } from './services/types';
import type { Timeline } from './timeline';
import { SESSION_MAX_MS, flakeId, flakeStartMs, makeToken } from './tokens';

export interface SessionPlan {
  index: number;
  id: bigint;
  start: number;
  end: number;
  durationMs: number;
  token: string | undefined;
  tokenFormat: 3 | 4 | null;
  services: ServiceStreams[];
  heavy: boolean;
  heavyCount: number;
  heavySpread?: HeavySpread;
  errorCount: number;
}

export function planSession(
  index: number,
  rng: Rng,
  layout: ServiceStreams[],
  from: number,
  to: number,
  heavy: boolean,
  heavyCount = 0,
  heavySpread?: HeavySpread,
): SessionPlan {
  const latestStart = Math.max(from, to - SESSION_MAX_MS - 60_000);
  const id = flakeId(from + Math.floor(rng.next() * (latestStart - from)), rng.int(0, 0xffff), rng.int(0, 255));
  const start = flakeStartMs(id);
  const end = start + SESSION_MAX_MS;
  // Every fifth session is tagged only by its id; every fourth uses the older 3-part token;
  // a third of the 4-part tokens carry a negative delay.
  const idOnly = !heavy && index % 5 === 4;
  const tokenFormat: 3 | 4 | null = idOnly ? null : !heavy && index % 4 === 2 ? 3 : 4;
  const delay = index % 3 === 1 ? -rng.int(1, 90_000) : rng.int(0, 60_000);
  const token = tokenFormat === null ? undefined : makeToken(id, end, tokenFormat, delay);
  const byToken = layout.filter((l) => !tagsById(l.service.style));
  const byId = layout.filter((l) => tagsById(l.service.style));
  let services: ServiceStreams[];
  if (heavy) services = [layout.find((l) => l.service.style === 'prefix')!];
  else if (idOnly) services = pickSome(rng, byId, 1, byId.length);
  else services = [...new Set([rng.pick(byToken), ...pickSome(rng, layout, 0, 3)])];
  return {
    index,
    id,
    start,
    end,
    durationMs: rng.int(5, 90) * 60_000,
    token,
    tokenFormat,
    services,
    heavy,
    heavyCount,
    ...(heavySpread === undefined ? {} : { heavySpread }),
    // The first sessions always have errors so small generated sets still exercise grouping.
    errorCount: heavy ? 0 : index < 3 ? rng.int(1, 3) : rng.int(0, 3),
  };
}

/**
 * The session's requests through the services behind shippers and on Lambda (`shapes`): two
 * of them, taken in turn by session index so that a dozen sessions show every shape, each with
 * an error. A session known only by its ID can use only services that log the ID. Drawn from its
 * own random stream, so the rest of the traffic is the same with or without them.
 */
export function planShapes(plan: SessionPlan, rng: Rng, shapes: ServiceStreams[]): SessionPlan[] {
  if (plan.heavy) return [];
  const usable = plan.token === undefined ? shapes.filter((s) => tagsById(s.service.style)) : shapes;
  if (usable.length === 0) return [];
  const picks = [...new Set([usable[plan.index % usable.length]!, usable[(plan.index * 3 + 1) % usable.length]!])];
  return picks.map((svc) => ({ ...plan, services: [svc], errorCount: rng.int(1, 2) }));
}

function pickSome<T>(rng: Rng, items: T[], min: number, max: number): T[] {
  const n = rng.int(min, max);
  const pool = [...items];
  const out: T[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]!);
  return out;
}

// `openReplaySession.id=<id>`, `"openReplaySession.id": "<id>"` (string or number), the nested
// `"openReplaySession": {"id": <id>}`, each perhaps escaped inside a shipper's JSON string.
const ID_NAME_RE = /openReplaySession(?:\.id\\?"?\s*[=:]|\\?"\s*:\s*\{\s*\\?"id\\?"\s*:)\s*\\?"?$/;

/** True when the line carries this session's tag in any convention (with a digit boundary on ids). */
export function carriesTag(line: string, plan: SessionPlan): boolean {
  if (plan.token !== undefined && line.includes(plan.token)) return true;
  const id = plan.id.toString();
  for (let at = line.indexOf(id); at >= 0; at = line.indexOf(id, at + 1)) {
    const next = line.charCodeAt(at + id.length);
    if (next >= 48 && next <= 57) continue;
    if (ID_NAME_RE.test(line.slice(Math.max(0, at - 48), at))) return true;
  }
  return false;
}

/**
 * Writes one session's events. Phase 'blocks' places its errors (with untagged context lines
 * around them) and returns their ground truth; phase 'lines' places routine tagged lines and decoys.
 */
export function emitSession(plan: SessionPlan, rng: Rng, timeline: Timeline, phase: 'blocks' | 'lines'): ManifestError[] {
  const ref: SessionRef = { id: plan.id.toString(), ...(plan.token === undefined ? {} : { token: plan.token }) };
  const push = (service: Service, stream: string, ts: number, line: string, free: boolean): void => {
    const b = timeline.buffer(service.group, stream);
    const at = free ? timeline.freeTime(b, ts) : ts;
    const shipped = service.envelope === undefined ? line : service.envelope(line, stream, at);
    timeline.push(b, at, shipped, carriesTag(shipped, plan) ? plan.index : undefined);
  };
  if (phase === 'lines') {
    emitLines(plan, rng, ref, push);
    return [];
  }
  const errors: ManifestError[] = [];
  // Some sessions hit the same bug twice: the two occurrences must group together.
  const repeat = plan.errorCount > 0 && plan.index % 7 === 3;
  let last: [ServiceStreams, number] | undefined;
  for (let k = 0; k < plan.errorCount + (repeat ? 1 : 0); k++) {
    const isRepeat = repeat && k === plan.errorCount && last !== undefined;
    const svc = isRepeat ? last![0] : rng.pick(plan.services);
    const templateIndex = isRepeat ? last![1] : rng.int(0, svc.service.templates.length - 1);
    last = [svc, templateIndex];
    const stream = rng.pick(svc.streams);
    const wanted = plan.start + rng.int(0, plan.durationMs);
    const rendered = svc.service.error(svc.service.templates[templateIndex]!, rng, ref, wanted);
    const before = [svc.service.contextBefore(wanted, rng), ...(rng.chance(0.5) ? [svc.service.contextBefore(wanted, rng)] : [])];
    const after = svc.service.contextAfter(wanted, rng);
    const n = rendered.lines.length;
    const t0 = timeline.reserve(timeline.buffer(svc.service.group, stream), wanted - 3, Math.floor(n / 3) + 6);
    before.forEach((line, j) => push(svc.service, stream, t0 + j, line, false));
    const first = t0 + 3;
    // A trace is flushed in one burst: a few lines share each millisecond.
    rendered.lines.forEach((line, j) => push(svc.service, stream, first + Math.floor(j / 3), line, false));
    push(svc.service, stream, first + Math.floor(n / 3) + 2, (rendered.pending ?? '') + after, false);
    const e = rendered.error;
    errors.push({
      language: e.language,
      shape: svc.service.shape,
      level: svc.service.errorLevel,
      type: e.type,
      message: e.message,
      groupKey: e.groupKey,
      logGroup: svc.service.group,
      logStream: stream,
      timestamp: first,
      eventCount: n,
      frames: e.frames.slice(0, 10),
    });
  }
  return errors;
}

/** The heavy session's lines stay a minute clear of its end, so nudged to a free millisecond they are still inside it. */
const HEAVY_SPAN_MS = SESSION_MAX_MS - 60_000;
/**
 * Mean time after the session start of its heavy lines (see heavyLineTimes): 20 minutes, so
 * about half the lines fall in the first quarter hour, 95% in the first hour.
 */
export const HEAVY_MEAN_MS = 20 * 60_000;

/**
 * When the k-th of a heavy session's `count` lines happens, in ms after the session start.
 * 'session' (the default): as a session's backend lines do — during the session, densest at its
 * start (page loads, the first API calls) and thinning as the user goes on — an exponential
 * distribution of mean HEAVY_MEAN_MS cut at the session's end (HEAVY_SPAN_MS). The times are its
 * quantiles at (k + ½) / count, so they are deterministic (no random draw), in order, and the
 * share of lines up to any instant is exact: 1 − e^(−t/mean), rescaled to the cut.
 * 'even': spread evenly over the span, the shape of a steady poller (a bench's comparison).
 */
export function heavyLineTimes(count: number, spread: HeavySpread = 'session'): (k: number) => number {
  if (spread === 'even') return (k) => Math.floor((k * HEAVY_SPAN_MS) / count);
  const kept = 1 - Math.exp(-HEAVY_SPAN_MS / HEAVY_MEAN_MS);
  return (k) => Math.floor(-HEAVY_MEAN_MS * Math.log(1 - ((k + 0.5) / count) * kept));
}

type Push = (service: Service, stream: string, ts: number, line: string, free: boolean) => void;

function emitLines(plan: SessionPlan, rng: Rng, ref: SessionRef, push: Push): void {
  if (plan.heavy) {
    const svc = plan.services[0]!;
    const at = heavyLineTimes(plan.heavyCount, plan.heavySpread);
    for (let k = 0; k < plan.heavyCount; k++) {
      const ts = plan.start + at(k);
      push(svc.service, rng.pick(svc.streams), ts, svc.service.tagged(ts, rng, ref), true);
    }
    return;
  }
  for (const svc of plan.services) {
    const n = rng.int(3, 25);
    for (let k = 0; k < n; k++) {
      const ts = plan.start + rng.int(0, plan.durationMs);
      push(svc.service, rng.pick(svc.streams), ts, svc.service.tagged(ts, rng, ref), true);
    }
  }
  if (plan.index % 3 !== 0) return;
  // Decoys inside the session's window: an id with extra digits, and a token whose id part
  // extends this session's base36 id. A search without a digit/dot boundary would match them.
  const ts = plan.start + rng.int(0, plan.durationMs);
  for (const svc of plan.services) {
    if (tagsById(svc.service.style)) {
      push(svc.service, rng.pick(svc.streams), ts, svc.service.tagged(ts, rng, { id: `${plan.id}${rng.int(10, 99)}` }), true);
    } else if (plan.token !== undefined) {
      const decoy = makeToken(plan.id * 36n + BigInt(rng.int(0, 35)), plan.end, 4, rng.int(0, 9000));
      push(svc.service, rng.pick(svc.streams), ts, svc.service.tagged(ts, rng, { id: '0', token: decoy }), true);
    }
  }
}
