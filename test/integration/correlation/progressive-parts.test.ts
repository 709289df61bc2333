import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CacheStore } from '../../../main/services/cache/cache-types';
import { createSessionService, FIRST_PART_MS, type SessionService } from '../../../main/services/correlation/session-service';
import type { Connection } from '../../../shared/domain/connection';
import type { CorrelationProgress } from '../../../shared/domain/correlation';
import type { CorrelateResponse } from '../../../shared/domain/session-view';
import { defaultSettings } from '../../../shared/domain/settings';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';
import { eventsOf } from '../../support/cache-fixtures/view-events';
import { emulatorClient, fastTuning, sessionIdAt } from './support';

// The window in two parts: the first (to 15 minutes after the start) is shown as soon as it is in,
// while the rest is still being scanned; a cancel keeps it, saying which range is missing; a
// refresh then queries only that range. Real SDK against the emulator, a real SQLite cache.

let emulator: RunningEmulator;
const START = Date.UTC(2025, 7, 4, 12, 0, 0, 0);
const SESSION = sessionIdAt(START);
const early = Array.from({ length: 40 }, (_, i) => START - 60_000 + i * 15_000);
const late = Array.from({ length: 40 }, (_, i) => START + FIRST_PART_MS + 60_000 + i * 60_000);
const tagged = (ts: number, i: number) => ({ timestamp: ts, message: `openReplaySession.id=${SESSION} INFO step ${i}` });
/** Untagged traffic after the first part: its scan is what makes the rest slow. */
const noise = Array.from({ length: 8_000 }, (_, i) => ({
  timestamp: START + FIRST_PART_MS + 120_000 + i * 500,
  message: `GET /health ${i} ${'x'.repeat(80)}`,
}));
const SLOW = { baseMs: 80, bytesPerSecond: 250_000 };

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.putEvents('/parts/api', 'web-1', [...early.map(tagged), ...late.map((ts, i) => tagged(ts, 100 + i))]);
  emulator.putEvents('/parts/api', 'web-2', noise);
});
afterAll(() => emulator.stop());
afterEach(() => {
  emulator.queryLatency = { baseMs: 40, bytesPerSecond: 2_000_000_000 };
});

const conn: Connection = { id: 'emu', name: 'emu', region: 'us-east-1', logGroups: ['/parts/api'], auth: { kind: 'keys' } };

function service(
  cache: CacheStore,
  now: number,
  partials: CorrelateResponse[],
  onPartial?: () => void,
  progress: CorrelationProgress[] = [],
): SessionService {
  const created: SessionService = createSessionService({
    connections: { list: async () => [conn] },
    cache,
    settings: () => ({ ...defaultSettings, contextEvents: 0 }),
    clientFor: () => emulatorClient(emulator),
    emitProgress: (p) => void progress.push(p),
    emitPartial: ({ response }) => {
      partials.push(response);
      onPartial?.();
    },
    now: () => now,
    tuning: fastTuning,
  });
  return created;
}

describe('a window in parts', () => {
  const now = START + 6 * 3_600_000;

  it('shows the first part while the rest is scanned, then the whole run', async () => {
    const { store } = createMemoryStore();
    const partials: CorrelateResponse[] = [];
    emulator.queryLatency = SLOW;
    const progress: CorrelationProgress[] = [];
    const done = service(store, now, partials, undefined, progress).correlate({ requestId: 'p1', reference: SESSION, mode: 'refresh' });
    const final = await done;
    // Both parts' queries start at once, the first part's first: it is the one the user waits for.
    expect(progress.find((p) => p.queries.length === 2)!.queries.map((q) => q.key)).toEqual(['emu/0@0', 'emu/0@1']);
    expect(progress.find((p) => p.queries.length > 0)!.queries.map((q) => q.key)).toEqual(['emu/0@0']);
    expect(partials).toHaveLength(1);
    const [first] = partials;
    // The partial view came from the run while it was being written: the first part's events only.
    expect(first!.result.complete).toBe(false);
    expect(first!.result.eventCount).toBe(early.length);
    expect(first!.result.firstEvents.map((e) => e.timestamp)).toEqual(early);
    expect(first!.result.run).toEqual(final.result.run);
    expect(final.result.complete).toBe(true);
    expect(eventsOf(store, final.result).map((e) => e.timestamp)).toEqual([...early, ...late]);
  });

  it('keeps what arrived when cancelled after the first part, names the missing range, and a refresh queries only that', async () => {
    const { store } = createMemoryStore();
    const partials: CorrelateResponse[] = [];
    emulator.queryLatency = SLOW;
    const runs: { service?: SessionService } = {};
    runs.service = service(store, now, partials, () => runs.service!.cancel({ requestId: 'p2' }));
    const cancelled = await runs.service.correlate({ requestId: 'p2', reference: SESSION, mode: 'refresh' });
    expect(cancelled.source).toBe('network');
    expect(cancelled.result.complete).toBe(false);
    expect(eventsOf(store, cancelled.result).map((e) => e.timestamp)).toEqual(early);
    expect(cancelled.result.failures).toEqual([
      expect.objectContaining({ code: 'CANCELLED', connection: 'emu', message: expect.stringMatching(/is missing$/) }),
    ]);
    const boundary = new Date(START + FIRST_PART_MS).toISOString().replace('.000Z', 'Z');
    expect(cancelled.result.failures[0]!.message).toContain(`${boundary}–`);
    // The cache holds it as an incomplete run covering the first part.
    expect(store.coveredWindows(SESSION)).toEqual([expect.objectContaining({ to: START + FIRST_PART_MS, complete: true })]);

    emulator.queryLatency = { baseMs: 40, bytesPerSecond: 2_000_000_000 };
    const before = emulator.metrics.queries.length;
    const refreshed = await service(store, now, []).correlate({ requestId: 'p3', reference: SESSION, mode: 'refresh' });
    const queried = emulator.metrics.queries.slice(before);
    expect(queried).toHaveLength(1);
    // From the end of what it covers (moved back to a quiet point), not from the window's start.
    expect(queried[0]!.startTime * 1000).toBeGreaterThan(START);
    expect(queried[0]!.startTime * 1000).toBeLessThanOrEqual(START + FIRST_PART_MS);
    expect(refreshed.result.complete).toBe(true);
    expect(eventsOf(store, refreshed.result).map((e) => e.timestamp)).toEqual([...early, ...late]);
  });

  it('a cancel before anything arrived keeps nothing', async () => {
    const { store } = createMemoryStore();
    emulator.queryLatency = { baseMs: 30_000, bytesPerSecond: 2_000_000_000 };
    const svc = service(store, now, []);
    const before = emulator.metrics.queries.length;
    const running = svc.correlate({ requestId: 'p4', reference: SESSION, mode: 'refresh' });
    while (emulator.metrics.queries.length - before < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    svc.cancel({ requestId: 'p4' });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(store.openView(SESSION)).toBeNull();
  });
});
