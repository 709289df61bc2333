/**
 * The per-shape table of the real-logs corpus: one row per shape (shipper × logger × runtime),
 * columns found / level / type / stack / cause, each cell computed from a run against the
 * programs' own ground truth. A cell is ✓ when every case it counts came out right, ✗ when one
 * did not, and — only when the ground truth says there is nothing to measure (no failure recorded
 * a cause, the printed lines never name the type); its note says which.
 */
import type { Corpus } from './corpus';
import type { FoundCell } from './found';
import type { PartsCell } from './parts';

export const COLUMNS = ['found', 'level', 'type', 'stack', 'cause'] as const;
export type Column = (typeof COLUMNS)[number];

export interface TableCell {
  mark: '✓' | '✗' | '—';
  note: string;
}

export interface ShapeRow {
  shape: string;
  cells: Record<Column, TableCell>;
}

const ok = (good: boolean, note: string): TableCell => ({ mark: good ? '✓' : '✗', note });
const list = (names: ReadonlySet<string>): string => [...names].sort().join(', ');

export function shapeRows(corpus: Corpus, found: readonly FoundCell[], parts: readonly PartsCell[]): ShapeRow[] {
  return corpus.truth.shapes.map((shape, i) => {
    const f = found[i]!;
    const p = parts[i]!;
    const lines = `${f.found}/${f.tagged} tagged lines, ${f.foreign} foreign; ${p.found}/${p.calls} failures`;
    const type =
      p.typeShown === 0
        ? { mark: '—' as const, note: `never printed: ${list(p.typesUnprinted)}` }
        : ok(
            p.type === p.typeShown,
            `${p.type}/${p.typeShown}${p.typesUnprinted.size > 0 ? `; never printed: ${list(p.typesUnprinted)}` : ''}`,
          );
    const stack =
      p.withFrames === 0
        ? { mark: '—' as const, note: 'no application frames recorded' }
        : ok(p.stack === p.calls, `${p.stack}/${p.calls}`);
    let cause: TableCell;
    if (p.withCauses === 0) cause = { mark: '—', note: 'no failure recorded a cause' };
    else if (p.causesUnprinted.size > 0 && p.causeShown === p.calls - p.withCauses)
      cause = { mark: '—', note: `causes never printed: ${list(p.causesUnprinted)}` };
    else
      cause = ok(
        p.cause === p.causeShown,
        `${p.cause}/${p.causeShown}${p.causesUnprinted.size > 0 ? `; never printed: ${list(p.causesUnprinted)}` : ''}`,
      );
    return {
      shape: shape.id,
      cells: {
        found: ok(f.tagged > 0 && f.found === f.tagged && f.foreign === 0 && p.calls > 0 && p.found === p.calls, lines),
        level: ok(p.level === p.calls, `${p.level}/${p.calls}`),
        type,
        stack,
        cause,
      },
    };
  });
}

const escape = (text: string): string => text.replace(/\|/g, '\\|');

/** Markdown: the marks, then each row's notes (what was counted, or why a cell does not apply). */
export function renderShapeTable(rows: readonly ShapeRow[], heading: string): string {
  const head = `| shape | ${COLUMNS.join(' | ')} |\n| --- |${COLUMNS.map(() => ' :-: |').join('')}\n`;
  const body = rows.map((r) => `| ${escape(r.shape)} | ${COLUMNS.map((c) => r.cells[c].mark).join(' | ')} |`).join('\n');
  const notes = rows.map((r) => `- ${escape(r.shape)}: ${COLUMNS.map((c) => `${c} ${r.cells[c].note}`).join('; ')}`).join('\n');
  return `# ${heading}\n\n${head}${body}\n\n## What each cell counted\n\n${notes}\n`;
}
