import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foundByShape } from '../../support/real-logs/found';
import { measureParts, type OutputEvent, type PartsCell } from '../../support/real-logs/parts';
import { correlateJson, startCorpusRun, type CorpusRun } from '../../support/real-logs/run-corpus';
import { COLUMNS, renderShapeTable, shapeRows, type ShapeRow } from '../../support/real-logs/shape-table';

// The corpus of real logs through the emulator, the real SDK and `orcw correlate --json`: for
// every failing log call of each looked-up session, the event orcw made of it must carry the
// level, exception type, application frames and cause chain the program itself recorded.
// Types and causes the shipped lines never name (a Go error's concrete type, a cause winston
// leaves out) are not counted: nothing can read what was not printed. The per-shape table of
// these measurements (with the SDK's found/foreign counts) is written to .tmp/real-logs-shapes.md.

let run: CorpusRun;
let cells: PartsCell[];
let rows: ShapeRow[];

beforeAll(async () => {
  run = await startCorpusRun();
  const outputs = new Map<string, OutputEvent[]>();
  for (const session of run.looked) outputs.set(session.name, (await correlateJson<{ events: OutputEvent[] }>(run, session.name)).events);
  cells = measureParts(run.corpus, outputs);
  rows = shapeRows(run.corpus, foundByShape(run.corpus, run.found), cells);
  const dir = join(import.meta.dirname, '../../../.tmp');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'real-logs-shapes.md'),
    renderShapeTable(rows, 'The real-logs corpus through the emulator and orcw correlate --json, per shape'),
  );
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
      const ok =
        cell.found === cell.calls &&
        cell.level === cell.calls &&
        cell.type === cell.typeShown &&
        cell.stack === cell.calls &&
        cell.cause === cell.causeShown;
      return ok ? [] : [`${run.corpus.truth.shapes[i]!.id}: ${cell.problems.join('; ')}`];
    });
    expect(wrong).toEqual([]);
  });

  it('table: one row per shape, every cell ✓ or not applicable by the ground truth', () => {
    expect(rows.map((r) => r.shape)).toEqual(run.corpus.truth.shapes.map((s) => s.id));
    const wrong = rows.flatMap((r) => COLUMNS.filter((c) => r.cells[c].mark === '✗').map((c) => `${r.shape} ${c}: ${r.cells[c].note}`));
    expect(wrong).toEqual([]);
    // Every row finds its lines and reads its levels; only type, stack and cause can lack a subject.
    for (const r of rows) for (const c of ['found', 'level'] as const) expect(r.cells[c].mark, `${r.shape} ${c}`).toBe('✓');
    // Most cells are measured, not excused.
    const applicable = rows.flatMap((r) => COLUMNS.map((c) => r.cells[c])).filter((cell) => cell.mark !== '—');
    expect(applicable.length).toBeGreaterThan(rows.length * COLUMNS.length * 0.8);
  });
});
