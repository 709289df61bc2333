import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CorrelationResult } from '../../../shared/domain/correlation';
import { defaultSettings } from '../../../shared/domain/settings';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import { startEmulator, type EmulatorManifest, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { connection, correlateCollecting, emulatorClient, fastTuning, reference } from './support';

// The same sessions read in one piece and in many small ones — pages of 7 rows, queries capped at
// 40 rows (so the window is read as a chain of continuations), the window cut into three parts —
// must give the same events and groups: traces joined across page and query boundaries, trace
// tails attached across pages, the rows of shared edge seconds kept once.

let emulator: RunningEmulator;
let manifest: EmulatorManifest;
const whole = new Map<string, CorrelationResult>();
const pieces = new Map<string, CorrelationResult>();

beforeAll(async () => {
  emulator = await startEmulator();
  manifest = emulator.generate({ sessions: 18, seed: 33, rate: 3 });
  const now = manifest.timeRange.to + 86_400_000;
  const conn = connection(emulator, 'emu', manifest.logGroups);
  for (const session of manifest.sessions) {
    const ref = reference(session.token ?? session.sessionId, now);
    const window = deriveTimeWindow(ref, { now });
    const base = {
      reference: ref,
      connections: [conn],
      window,
      settings: { ...defaultSettings, contextEvents: 0 },
      clientFor: () => emulatorClient(emulator),
      now: () => now,
    };
    whole.set(session.sessionId, await correlateCollecting({ ...base, tuning: fastTuning }));
    const cuts = [ref.start + 10 * 60_000, ref.start + 45 * 60_000];
    pieces.set(
      session.sessionId,
      await correlateCollecting({ ...base, tuning: { ...fastTuning, pageSize: 7, limit: 40, maxResultPages: 10 }, partBoundaries: cuts }),
    );
  }
}, 300_000);
afterAll(() => emulator.stop());

it('gives the same events and groups page by page as in one piece', () => {
  let events = 0;
  let traces = 0;
  for (const session of manifest.sessions) {
    const a = whole.get(session.sessionId)!;
    const b = pieces.get(session.sessionId)!;
    expect(a.failures).toEqual([]);
    expect(b.failures, session.sessionId).toEqual([]);
    expect(b.events.map((e) => [e.id, e.timestamp, e.message, e.level, e.fingerprint])).toEqual(
      a.events.map((e) => [e.id, e.timestamp, e.message, e.level, e.fingerprint]),
    );
    expect(b.groups.map((g) => [g.fingerprint, g.count, g.firstSeen, g.sampleEventId, g.offsetsMs])).toEqual(
      a.groups.map((g) => [g.fingerprint, g.count, g.firstSeen, g.sampleEventId, g.offsetsMs]),
    );
    events += a.events.length;
    traces += a.events.filter((e) => e.message.includes('\n')).length;
  }
  // The comparison means something: many events, multi-line traces among them, many queries.
  expect(events).toBeGreaterThan(200);
  expect(traces).toBeGreaterThan(10);
});
