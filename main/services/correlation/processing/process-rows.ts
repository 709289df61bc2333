import { normaliseRow, type StreamCache } from './normalise-row';
import { RunProcessor } from './run-processor';
import type { ProcessOptions, ProcessResult, WorkEvent } from './types';
import type { RowBatch } from '../rows/row-batch';

export type { ProcessOptions, ProcessResult } from './types';

/**
 * Rows of a whole run, in any order → normalised events (sorted by time, ties in arrival order,
 * duplicates from overlapping queries removed, split stack traces joined into one event each)
 * and fingerprinted error groups (most frequent first, then earliest). The same processing a run
 * does page by page (RunProcessor), for callers that hold every row at once. Pure: no I/O, same
 * input → same output.
 */
export function processRows(batches: readonly RowBatch[], options: ProcessOptions): ProcessResult {
  const works: WorkEvent[] = [];
  const streams: StreamCache = new Map();
  let order = 0;
  let dropped = 0;
  for (const { source, rows } of batches) {
    for (const row of rows) {
      const work = normaliseRow(row, source, options.sessionStart, order++, streams);
      if (work) works.push(work);
      else dropped++;
    }
  }
  works.sort((a, b) => a.event.timestamp - b.event.timestamp || a.order - b.order);
  const processor = new RunProcessor(options);
  const events = works.flatMap((work) => processor.pushWork(work));
  events.push(...processor.flush());
  // A joined trace keeps its first line's place; streams finish their events at different times.
  const place = new Map(works.map((work) => [work.event, work.order]));
  events.sort((a, b) => a.timestamp - b.timestamp || place.get(a)! - place.get(b)!);
  return { events, groups: processor.groups(), dropped };
}
