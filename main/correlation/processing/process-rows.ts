import { buildEvents } from './build-events';
import { groupErrors } from './group-errors';
import type { ProcessOptions, ProcessResult, RowBatch } from './types';

export type { InsightsRow, ProcessOptions, ProcessResult, RowBatch, RowSource } from './types';

/**
 * Insights rows of every query of a run → normalised events (sorted by time, duplicates from
 * overlapping queries removed, split stack traces joined into one event each) and fingerprinted
 * error groups (most frequent first, then earliest). Pure: no I/O, same input → same output.
 */
export function processRows(batches: readonly RowBatch[], options: ProcessOptions): ProcessResult {
  const { events, dropped } = buildEvents(batches, options.sessionStart);
  const groups = groupErrors(events, options);
  return { events: events.map((work) => work.event), groups, dropped };
}
