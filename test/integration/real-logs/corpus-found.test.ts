import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventKey, loadCorpus } from '../../support/real-logs/corpus';
import { foundByShape } from '../../support/real-logs/found';
import { correlateJson, startCorpusRun, type CorpusRun } from '../../support/real-logs/run-corpus';

// The corpus of real logs (printed by real programs, shipped as each shipper does) planted in the
// emulator; each looked-up session queried through the real SDK over HTTP and through the real
// CLI (`orcw correlate --json`). Every line that carries the session's tag must come back, and no
// line of another session — the decoys (id ± 1, a longer number, a token containing the base36
// of another) included.

const sessions = loadCorpus()
  .truth.sessions.filter((s) => !s.decoy)
  .map((s) => [s.name, s] as const);
let run: CorpusRun;

beforeAll(async () => {
  run = await startCorpusRun();
}, 120_000);
afterAll(() => run?.stop());

describe('the corpus of real logs: every tagged line found, no line of another session', () => {
  it('holds every shape, real sessions and decoys', () => {
    const { corpus, looked } = run;
    expect(corpus.truth.shapes.length).toBeGreaterThanOrEqual(25);
    expect(new Set(corpus.truth.shapes.map((s) => s.runtime.split(' ')[0]))).toEqual(new Set(['CPython', 'Node.js', 'Java', 'Go']));
    expect(corpus.truth.sessions.filter((s) => s.decoy).length).toBeGreaterThanOrEqual(4);
    for (const session of looked) expect(corpus.events.filter((e) => e.sessions.includes(session.name)).length).toBeGreaterThan(30);
  });

  it.each(sessions)('session %s through the SDK: exactly its tagged events', (name) => {
    const { corpus, found } = run;
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
    const cells = foundByShape(run.corpus, run.found);
    const wrong = cells.flatMap((c, i) =>
      c.found === c.tagged && c.foreign === 0 && c.tagged > 0 ? [] : [`${run.corpus.truth.shapes[i]!.id}: ${JSON.stringify(c)}`],
    );
    expect(wrong).toEqual([]);
  });

  it.each(sessions)(
    'session %s through orcw correlate --json: complete, every event its own',
    async (name, session) => {
      const json = await correlateJson<{
        complete: boolean;
        stats: { recordsMatched: number };
        session: { id: string };
        events: Array<{ timestamp: string; logGroup: string; logStream: string; message: string }>;
      }>(run, name);
      expect(json.session.id).toBe(session.sessionId);
      expect(json.complete).toBe(true);
      expect(json.stats.recordsMatched).toBe(run.found.get(name)!.size);
      const mine = run.corpus.events.filter((e) => e.sessions.includes(name));
      for (const event of json.events) {
        const at = Date.parse(event.timestamp);
        // A trace whose tag is on its last line starts with its untagged first lines (trace heads).
        const holds = (e: (typeof mine)[number]) =>
          event.message.startsWith(e.event.message.slice(0, 40)) || event.message.includes(`\n${e.event.message.trimEnd()}`);
        const origin = mine.find(
          (e) => e.event.logGroup === event.logGroup && e.event.logStream === event.logStream && e.event.timestamp === at && holds(e),
        );
        expect(origin, `${event.logGroup} ${event.timestamp} ${event.message.slice(0, 120)}`).toBeDefined();
      }
    },
    60_000,
  );
});
