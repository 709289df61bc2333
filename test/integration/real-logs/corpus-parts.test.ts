import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureParts, type OutputEvent, type PartsCell } from '../../support/real-logs/parts';
import { correlateJson, startCorpusRun, type CorpusRun } from '../../support/real-logs/run-corpus';

// The corpus of real logs through the emulator, the real SDK and `orcw correlate --json`: for
// every failing log call of each looked-up session, the event orcw made of it must carry the
// level, exception type, application frames and cause chain the program itself recorded.
// Types and causes the shipped lines never name (a Go error's concrete type, a cause winston
// leaves out) are not counted: nothing can read what was not printed.

let run: CorpusRun;
let cells: PartsCell[];

beforeAll(async () => {
  run = await startCorpusRun();
  const outputs = new Map<string, OutputEvent[]>();
  for (const session of run.looked) outputs.set(session.name, (await correlateJson<{ events: OutputEvent[] }>(run, session.name)).events);
  cells = measureParts(run.corpus, outputs);
}, 240_000);
afterAll(() => run?.stop());

describe('the corpus of real logs: what orcw understood of every failure', () => {
  it('measures every shape, and most types and causes are in the printed lines', () => {
    expect(cells.every((cell) => cell.calls > 0)).toBe(true);
    const calls = cells.reduce((n, c) => n + c.calls, 0);
    expect(cells.reduce((n, c) => n + c.typeShown, 0)).toBeGreaterThan(calls * 0.8);
    expect(cells.reduce((n, c) => n + c.causeShown, 0)).toBeGreaterThan(calls * 0.7);
  });

  it('per shape: found, level, type, frames and causes as the program recorded them', () => {
    const wrong = cells.flatMap((cell, i) => {
      const ok = cell.found === cell.calls && cell.level === cell.calls && cell.type === cell.typeShown && cell.stack === cell.calls && cell.cause === cell.causeShown;
      return ok ? [] : [`${run.corpus.truth.shapes[i]!.id}: ${cell.problems.join('; ')}`];
    });
    expect(wrong).toEqual([]);
  });
});
