import { afterAll, beforeAll, expect, it } from 'vitest';
import { MAX_CONTEXT_GROUPS } from '../../../main/services/correlation/context/context-for-groups';
import { createGroupContext } from '../../../main/services/correlation/group-context';
import { createSessionService } from '../../../main/services/correlation/session-service';
import type { Connection } from '../../../shared/domain/connection';
import { defaultSettings } from '../../../shared/domain/settings';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { createMemoryStore } from '../../support/cache-fixtures/memory-store';
import { emulatorClient, fastTuning, sessionIdAt } from './support';

// A run fetches context lines for its 50 largest error groups only (GetLogEvents calls per run are
// bounded); any other group's are fetched when it is opened, and kept in the cache.

let emulator: RunningEmulator;
const START = Date.UTC(2025, 8, 2, 7, 0, 0, 0);
const SESSION = sessionIdAt(START);
const GROUPS = MAX_CONTEXT_GROUPS + 6;
const WORDS = ['amber', 'basalt', 'cedar', 'delta', 'ember', 'fjord', 'garnet', 'harbor'];
/** A distinct error per group (words, not numbers: volatile parts are masked in fingerprints). */
const reason = (g: number) => `${WORDS[g % 8]} ${WORDS[Math.floor(g / 8) % 8]} ${WORDS[Math.floor(g / 64) % 8]} failed`;

beforeAll(async () => {
  emulator = await startEmulator();
  const lines = [];
  for (let g = 0; g < GROUPS; g += 1) {
    const at = START + g * 20_000;
    // Larger groups first: group g occurs GROUPS - g times … at least once.
    for (let k = 0; k < Math.max(1, Math.ceil((GROUPS - g) / 10)); k += 1) {
      lines.push({ timestamp: at + k * 1_000 + 5, message: `openReplaySession.id=${SESSION} ERROR checkout: ${reason(g)}` });
    }
    lines.push({ timestamp: at, message: `INFO request ${g} started (untagged)` });
    lines.push({ timestamp: at + 1, message: `DEBUG loading cart for request ${g} (untagged)` });
  }
  emulator.putEvents(
    '/ctx/api',
    'web-1',
    lines.sort((a, b) => a.timestamp - b.timestamp),
  );
});
afterAll(() => emulator.stop());

it('fetches context for the 50 largest groups, the others when opened', async () => {
  const { store } = createMemoryStore();
  const conn: Connection = { id: 'emu', name: 'emu', region: 'us-east-1', logGroups: ['/ctx/api'], auth: { kind: 'keys' } };
  const deps = {
    connections: { list: async () => [conn] },
    cache: store,
    settings: () => defaultSettings,
    clientFor: () => emulatorClient(emulator),
  };
  const service = createSessionService({ ...deps, emitProgress: () => undefined, now: () => START + 86_400_000, tuning: fastTuning });
  const calls = () => emulator.metrics.operations.GetLogEvents ?? 0;
  const before = calls();
  const { result } = await service.correlate({ requestId: 'ctx', reference: SESSION, mode: 'refresh' });
  expect(result.groups).toHaveLength(GROUPS);
  const pending = result.groups.filter((g) => g.contextPending);
  expect(pending).toHaveLength(GROUPS - MAX_CONTEXT_GROUPS);
  // The ones left out are the smallest.
  const smallest = Math.min(...result.groups.filter((g) => !g.contextPending).map((g) => g.count));
  expect(pending.every((g) => g.count <= smallest && g.contextBefore.length === 0)).toBe(true);
  expect(result.groups.filter((g) => !g.contextPending).every((g) => g.contextBefore.length > 0)).toBe(true);
  // Trace tails read at most one page per error head; context reads at most a few pages per group.
  const contextCalls = calls() - before;
  expect(contextCalls).toBeLessThan(MAX_CONTEXT_GROUPS * 3 + 200);

  const groupContext = createGroupContext(deps);
  const target = pending[0]!;
  const fetched = await groupContext({ run: result.run!, fingerprint: target.fingerprint });
  expect(fetched.contextPending).toBeUndefined();
  expect(fetched.contextBefore.map((l) => l.message)).toEqual(expect.arrayContaining([expect.stringMatching(/started \(untagged\)$/)]));
  // Kept: the cache answers with the lines from now on.
  const stored = store.group(result.run!, target.fingerprint)!;
  expect(stored.contextPending).toBeUndefined();
  expect(stored.contextBefore).toEqual(fetched.contextBefore);
  expect(stored.contextAfter).toEqual(fetched.contextAfter);
  expect(store.openView(SESSION)!.view.groups.find((g) => g.fingerprint === target.fingerprint)!.contextBefore).toEqual(
    fetched.contextBefore,
  );

  await expect(groupContext({ run: result.run!, fingerprint: 'no-such-group' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
});
