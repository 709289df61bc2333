import type { Rng } from '../rng';
import type { LogStore } from '../store/log-store';
import type { ServiceStreams } from './generate';
import type { Timeline } from './timeline';
import { flakeId, makeToken } from './tokens';

/** Share of noise lines tagged for sessions that are not in the manifest (other users' traffic). */
const STRANGER_SHARE = 0.01;

/**
 * Untagged background traffic: `rate` events per minute per log group, spread over its streams
 * with exponential gaps, never inside a reserved multi-line block.
 */
export function emitNoise(
  layout: ServiceStreams[],
  rng: Rng,
  timeline: Timeline,
  store: LogStore,
  from: number,
  to: number,
  rate: number,
  lag: (n: number) => number,
): number {
  let total = 0;
  for (const { service, streams } of layout) {
    const meanGapMs = (60_000 * streams.length) / rate;
    for (const stream of streams) {
      const b = timeline.buffer(service.group, stream);
      // Lines go straight into the store, merged with the session's lines, to keep memory flat.
      const out = timeline.merge(store, b, from, lag);
      let t = rate > 0 ? from + Math.floor(-Math.log(1 - rng.next()) * meanGapMs) : to;
      while (t < to) {
        t = timeline.freeTime(b, t);
        let line = service.noise(t, rng);
        if (rng.next() < STRANGER_SHARE) line = stranger(service.style, line, t, rng);
        out.emit(t, service.envelope === undefined ? line : service.envelope(line, stream, t));
        t += Math.max(1, Math.floor(-Math.log(1 - rng.next()) * meanGapMs));
      }
      total += out.finish();
    }
  }
  return total;
}

function stranger(style: string, line: string, ts: number, rng: Rng): string {
  const id = flakeId(ts - rng.int(0, 3_600_000), rng.int(0, 0xffff), rng.int(0, 255));
  if (style === 'prefix') return `[openReplaySessionToken=${makeToken(id, ts + 3_600_000, 4, rng.int(-500, 5000))}] ${line}`;
  if (style === 'session-id') return `${line} openReplaySession.id=${id}`;
  return line;
}
