import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueries } from '../../../main/services/correlation/queries/run-queries';
import { defaultSettings } from '../../../shared/domain/settings';
import { buildSessionQuery } from '../../../shared/session/query';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { makeToken } from '../../support/cloudwatch-emulator/generator/tokens';
import { EXTRA_NAMES, neighbourIds, plantedLines, type PlantedLine, type TagCase } from '../../support/session-tags/tag-forms';
import { connection, correlateCollecting, emulatorClient, fastTuning, reference, sessionIdAt, target, tracker } from './support';

// Every tag form of the table, for the session, its neighbours (id ± 1, longer numbers) and other
// sessions' tokens, planted in the emulator and queried through the real SDK over HTTP: the
// query must return exactly the tagged lines, however they are written.

const START = Date.UTC(2025, 4, 6, 10, 0, 0, 500);
const HOUR = 3_600_000;
const SESSION = sessionIdAt(START, 3);
const id = BigInt(SESSION);
const exp = START + 2 * HOUR;
const tagCase: TagCase = {
  sessionId: SESSION,
  tokens: [makeToken(id, exp, 4, 120), makeToken(id, exp + HOUR, 4, -5000), makeToken(id, exp, 3)],
  foreignIds: neighbourIds(SESSION),
  foreignTokens: [
    makeToken(id + 1n, exp, 4),
    makeToken(id - 1n, exp, 3),
    // base36 of these ends or starts with this session's: the boundary and the dot keep them out.
    makeToken(36n ** BigInt(id.toString(36).length) + id, exp, 4), // base36: "1" + this one's
    `${id.toString(36)}7.3az.${exp.toString(36)}.Sig`,
  ],
};
const window = { from: START - 300_000, to: START + 2 * HOUR + 300_000 };

let emulator: RunningEmulator;
const plain = plantedLines(tagCase, { extraNames: false });
const withNames = plantedLines(tagCase, { extraNames: true });

beforeAll(async () => {
  emulator = await startEmulator();
  // One line a second, spread over two groups and streams, all inside the session's window.
  plain.forEach((line, i) => {
    emulator.putEvents(i % 2 === 0 ? '/ecs/api' : '/eks/web', `stream-${i % 3}`, [{ timestamp: START + i * 1000, message: line.message }]);
  });
});
afterAll(() => emulator.stop());

function expectExactly(found: string[], lines: PlantedLine[]): void {
  const got = new Set(found);
  expect(found.length).toBe(got.size);
  const wrong = lines
    .filter((l) => got.has(l.message) !== l.found)
    .map((l) => `${l.found ? 'missed' : 'matched'}: ${l.label}: ${l.message}`);
  expect(wrong).toEqual([]);
}

describe('the session query against every tag form (real SDK, emulator)', () => {
  it.each([
    ['OpenReplay names and tokens', plain, []],
    ["plus the connection's own field names", withNames, [...EXTRA_NAMES]],
  ] as const)('finds exactly the tagged lines: %s', async (_name, lines, idFieldNames) => {
    const query = buildSessionQuery(reference(SESSION, START + 86_400_000), { idFieldNames });
    const result = await runQueries([target(emulator, 'emu', ['/ecs/api', '/eks/web'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: fastTuning,
    });
    expect(result.failures).toEqual([]);
    expectExactly(
      result.batches.flatMap((b) => b.rows.map((r) => r['@message']!)),
      lines,
    );
    expect(lines.filter((l) => l.found).length).toBeGreaterThan(50);
  });

  it("a whole run uses each connection's own field names", async () => {
    const ref = reference(tagCase.tokens[0]!, START + 86_400_000);
    const run = (sessionIdFields?: string[]) =>
      correlateCollecting({
        reference: ref,
        connections: [connection(emulator, 'emu', ['/ecs/api', '/eks/web'], sessionIdFields ? { sessionIdFields } : {})],
        window,
        settings: { ...defaultSettings, contextEvents: 0 },
        clientFor: () => emulatorClient(emulator),
        tuning: fastTuning,
      });
    const [without, named] = await Promise.all([run(), run([...EXTRA_NAMES])]);
    expectExactly(
      without.events.map((e) => e.message),
      plain,
    );
    expectExactly(
      named.events.map((e) => e.message),
      withNames,
    );
  });

  it('scans the window and nothing more: bytes scanned are the bytes of the events inside it', async () => {
    const before = emulator.metrics.queries.length;
    const query = buildSessionQuery(reference(SESSION, START + 86_400_000), { idFieldNames: [...EXTRA_NAMES] });
    await runQueries([target(emulator, 'emu', ['/ecs/api', '/eks/web'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: fastTuning,
    });
    const billed = emulator.metrics.queries.slice(before).reduce((n, q) => n + q.bytesScanned, 0);
    const inWindow = plain.reduce((n, l) => n + Buffer.byteLength(l.message, 'utf8') + 26, 0);
    expect(billed).toBe(inWindow);
  });
});
