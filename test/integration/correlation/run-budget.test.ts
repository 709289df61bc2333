import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionService } from '../../../main/services/correlation/session-service';
import { defaultSettings } from '../../../shared/domain/settings';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';
import { eventsOf } from '../../support/cache-fixtures/view-events';
import { connection, correlateCollecting, emulatorClient, fastTuning, reference, sessionIdAt } from './support';

// A run past its budget stops, keeps what it stored, and says which part of the window it
// covers: never a short result marked complete. Real SDK against the emulator.

let emulator: RunningEmulator;
const START = Date.UTC(2025, 6, 1, 9, 0, 0, 0);
const SESSION = sessionIdAt(START);
const LINES = 6_000;
const at = (i: number) => START + i * 100;

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.putEvents(
    '/budget/api',
    'web-1',
    Array.from({ length: LINES }, (_, i) => ({ timestamp: at(i), message: `openReplaySession.id=${SESSION} INFO step ${i}` })),
  );
});
afterAll(() => emulator.stop());

const window = { from: START - 60_000, to: START + 3_600_000 };
const run = (budget: number) =>
  correlateCollecting({
    reference: reference(SESSION, START + 86_400_000),
    connections: [connection(emulator, 'emu', ['/budget/api'])],
    window,
    settings: { ...defaultSettings, maxEventsPerRun: budget },
    clientFor: () => emulatorClient(emulator),
    tuning: { ...fastTuning, pageSize: 500 },
  });

describe('the run budget', () => {
  it('stops a run past it, reported as truncated with the time range it covers', async () => {
    const result = await run(2_000);
    expect(result.complete).toBe(false);
    // It stops at the page that reached the budget: 2,000 of 6,000, the earliest ones.
    expect(result.events).toHaveLength(2_000);
    expect(result.events.map((e) => e.timestamp)).toEqual(Array.from({ length: 2_000 }, (_, i) => at(i)));
    // Everything before the first line it did not take.
    const reached = at(2_000) - 1;
    expect(result.covered).toEqual([{ from: window.from, to: reached }]);
    expect(result.failures).toEqual([
      expect.objectContaining({
        connection: 'emu',
        code: 'RESULTS_TRUNCATED',
        logGroups: ['/budget/api'],
        message: expect.stringContaining(
          `budget of 2,000 events: it covers ${new Date(window.from).toISOString().replace('.000Z', 'Z')}–${new Date(reached).toISOString()}`,
        ),
      }),
    ]);
  });

  it('is saved and answered as truncated by the session service, the cache recording only the range it covers', async () => {
    const { store } = createMemoryStore();
    const now = START + 86_400_000;
    const service = createSessionService({
      connections: { list: async () => [connection(emulator, 'emu', ['/budget/api'])] },
      cache: store,
      // The setting, as the app and the CLI read it.
      settings: () => ({ ...defaultSettings, contextEvents: 0, maxEventsPerRun: 2_000 }),
      clientFor: () => emulatorClient(emulator),
      emitProgress: () => undefined,
      now: () => now,
      tuning: { ...fastTuning, pageSize: 500 },
    });
    const response = await service.correlate({ requestId: 'budget', reference: SESSION, mode: 'refresh' });
    const from = START - defaultSettings.marginMinutes * 60_000;
    const reached = at(2_000) - 1;
    expect(response.result.complete).toBe(false);
    expect(response.result.eventCount).toBe(2_000);
    expect(response.result.failures).toEqual([
      expect.objectContaining({
        code: 'RESULTS_TRUNCATED',
        message: expect.stringContaining(
          `it covers ${new Date(from).toISOString().replace('.000Z', 'Z')}–${new Date(reached).toISOString()}`,
        ),
      }),
    ]);
    expect(eventsOf(store, response.result).map((e) => e.timestamp)).toEqual(Array.from({ length: 2_000 }, (_, i) => at(i)));
    // The cache knows the rest is missing: a cache-first open shows the truncated run, a refresh queries the rest.
    expect(store.coveredWindows(SESSION)).toEqual([expect.objectContaining({ from, to: reached, complete: true })]);
    const reopened = await service.correlate({ requestId: 'budget-again', reference: SESSION, mode: 'cache-first' });
    expect(reopened).toMatchObject({
      source: 'cache',
      result: { complete: false, eventCount: 2_000, failures: [expect.objectContaining({ code: 'RESULTS_TRUNCATED' })] },
    });
  });

  it('leaves a run under it complete', async () => {
    const result = await run(10_000);
    expect(result.complete).toBe(true);
    expect(result.failures).toEqual([]);
    expect(result.events).toHaveLength(LINES);
    expect(result.covered).toEqual([{ from: Math.floor(window.from / 1000) * 1000, to: Math.ceil(window.to / 1000) * 1000 }]);
  });
});
