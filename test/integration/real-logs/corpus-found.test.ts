import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueries } from '../../../main/correlation/queries/run-queries';
import { buildSessionQuery } from '../../../shared/session/query';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { eventKey, loadCorpus, plantCorpus } from '../../support/real-logs/corpus';
import { foundByShape } from '../../support/real-logs/found';
import { orcw } from '../cli/support';
import { tempDataDir } from '../connections/support';
import { fastTuning, reference, target, tracker } from '../correlation/support';

// The corpus of real logs (printed by real programs, shipped as each shipper does) planted in the
// emulator; each looked-up session queried through the real SDK over HTTP and through the real
// CLI (`orcw correlate --json`). Every line that carries the session's tag must come back, and no
// line of another session — the decoys (id ± 1, a longer number, a token containing the base36
// of another) included.

const corpus = loadCorpus();
const looked = corpus.truth.sessions.filter((s) => !s.decoy);
/** How a user would paste each: a token, an ID, a token, the reissued token. */
const pasted = new Map(looked.map((s, i) => [s.name, i === 1 ? s.sessionId : s.tokens[s.tokens.length - 1]!]));
let emulator: RunningEmulator;
let dataDir: string;
const found = new Map<string, Set<string>>();

beforeAll(async () => {
  emulator = await startEmulator();
  plantCorpus(emulator, corpus);
  dataDir = await tempDataDir();
  const add = await orcw(
    ['connections', 'add', '--name', 'corpus', '--region', 'eu-west-1', ...corpus.logGroups.flatMap((g) => ['--log-group', g]),
      ...corpus.truth.teamFields.flatMap((f) => ['--session-id-field', f]),
      '--endpoint', emulator.url, '--access-key-id', DEFAULT_CREDENTIAL.accessKeyId, '--secret-access-key-stdin'],
    { dataDir, input: `${DEFAULT_CREDENTIAL.secretAccessKey}\n` },
  );
  expect(add.stderr).toBe('');
  for (const session of looked) {
    const ref = reference(pasted.get(session.name)!);
    const queryString = buildSessionQuery(ref, { idFieldNames: corpus.truth.teamFields });
    const result = await runQueries([target(emulator, 'corpus', corpus.logGroups)], { queryString, window: deriveTimeWindow(ref, { now: Date.now() }), tracker: tracker(), tuning: fastTuning });
    expect(result.failures).toEqual([]);
    found.set(session.name, new Set(result.batches.flatMap((b) => b.rows.map((r) => eventKey({ logGroup: r['@log']!.split(':')[1]!, logStream: r['@logStream']!, timestamp: Date.parse(`${r['@timestamp']!.replace(' ', 'T')}Z`), message: r['@message']! })))));
  }
}, 120_000);
afterAll(async () => {
  await orcw(['connections', 'remove', 'corpus'], { dataDir });
  await emulator?.stop();
});

describe('the corpus of real logs: every tagged line found, no line of another session', () => {
  it('holds every shape, real sessions and decoys', () => {
    expect(corpus.truth.shapes.length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.truth.shapes.map((s) => s.runtime.split(' ')[0]))).toEqual(new Set(['CPython', 'Node.js', 'Java', 'Go']));
    expect(corpus.truth.sessions.filter((s) => s.decoy).length).toBeGreaterThanOrEqual(4);
    for (const session of looked) expect(corpus.events.filter((e) => e.sessions.includes(session.name)).length).toBeGreaterThan(30);
  });

  it.each(looked.map((s) => [s.name, s] as const))('session %s through the SDK: exactly its tagged events', (name) => {
    const expected = new Set(corpus.events.filter((e) => e.sessions.includes(name)).map((e) => eventKey(e.event)));
    const got = found.get(name)!;
    const label = (key: string) => {
      const e = corpus.events.find((x) => eventKey(x.event) === key)!;
      return `${corpus.truth.shapes[e.shape]!.id}: ${e.event.message.slice(0, 160)}`;
    };
    expect([...expected].filter((k) => !got.has(k)).map(label), 'missed').toEqual([]);
    expect([...got].filter((k) => !expected.has(k)).map(label), 'foreign').toEqual([]);
  });

  it('per shape: all tagged events found, none foreign', () => {
    const cells = foundByShape(corpus, found);
    const wrong = cells.flatMap((c, i) => (c.found === c.tagged && c.foreign === 0 && c.tagged > 0 ? [] : [`${corpus.truth.shapes[i]!.id}: ${JSON.stringify(c)}`]));
    expect(wrong).toEqual([]);
  });

  it.each(looked.map((s) => [s.name, s] as const))('session %s through orcw correlate --json: complete, every event its own', async (name, session) => {
    const run = await orcw(['correlate', pasted.get(name)!, '--json'], { dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { complete: boolean; stats: { recordsMatched: number }; session: { id: string }; events: Array<{ timestamp: string; logGroup: string; logStream: string; message: string }> };
    expect(json.session.id).toBe(session.sessionId);
    expect(json.complete).toBe(true);
    expect(json.stats.recordsMatched).toBe(found.get(name)!.size);
    const mine = corpus.events.filter((e) => e.sessions.includes(name));
    for (const event of json.events) {
      const at = Date.parse(event.timestamp);
      const origin = mine.find((e) => e.event.logGroup === event.logGroup && e.event.logStream === event.logStream && e.event.timestamp === at && event.message.startsWith(e.event.message.slice(0, 40)));
      expect(origin, `${event.logGroup} ${event.timestamp} ${event.message.slice(0, 120)}`).toBeDefined();
    }
  }, 60_000);
});
