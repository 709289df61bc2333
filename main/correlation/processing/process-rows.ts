import { dedupeEvents } from './dedupe-events';
import { groupErrors } from './group-errors';
import { joinStackTraces } from './join-stack-traces';
import { normaliseRow } from './normalise-row';
import type { InsightsRow, ProcessOptions, ProcessResult, RowSource, WorkEvent } from './types';

export type { InsightsRow, ProcessOptions, ProcessResult, RowSource } from './types';

/**
 * Insights rows of every query of a run → normalised events (sorted by time, duplicates from
 * overlapping queries removed, split stack traces joined into one event each) and fingerprinted
 * error groups (most frequent first, then earliest). Pure: no I/O, same input → same output.
 */
export function processRows(batches: { source: RowSource; rows: InsightsRow[] }[], options: ProcessOptions): ProcessResult {
  const all: WorkEvent[] = [];
  let order = 0;
  let dropped = 0;
  const streamKeys = new Map<string, string>();
  for (const { source, rows } of batches) {
    for (const row of rows) {
      const work = normaliseRow(row, source, options.sessionStart, order++, streamKeys);
      if (work) all.push(work);
      else dropped++;
    }
  }
  const unique = dedupeEvents(all).sort(byTime);
  const joined = joinStackTraces(unique);
  const groups = groupErrors(joined, options);
  return { events: joined.map((work) => work.event), groups, dropped };
}

function byTime(a: WorkEvent, b: WorkEvent): number {
  return a.event.timestamp - b.event.timestamp || a.order - b.order;
}
