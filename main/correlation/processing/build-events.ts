import { describeEvent } from '../log-shapes/describe-event';
import { dedupeEvents } from './dedupe-events';
import { joinStackTraces } from './join-stack-traces';
import { normaliseRow, type StreamCache } from './normalise-row';
import type { RowBatch, WorkEvent } from './types';

/** Rows → events: normalised, duplicates dropped, sorted by time (ties in arrival order), traces joined. */
export function buildEvents(batches: readonly RowBatch[], sessionStart: number): { events: WorkEvent[]; dropped: number } {
  const all: WorkEvent[] = [];
  let order = 0;
  let dropped = 0;
  const streams: StreamCache = new Map();
  for (const { source, rows } of batches) {
    for (const row of rows) {
      const work = normaliseRow(row, source, sessionStart, order++, streams);
      if (work) all.push(work);
      else dropped++;
    }
  }
  const unique = dedupeEvents(all).sort(byTime);
  const events = joinStackTraces(unique);
  for (const work of events) describe(work);
  return { events, dropped };
}

/** Summary and exception of one event, once its trace is whole. */
function describe(work: WorkEvent): void {
  const { event } = work;
  const { parts, description } = describeEvent({ message: event.message, level: event.level, body: work.body, record: work.record, stack: work.stack, title: work.title });
  Object.assign(event, parts);
  if (description) work.description = description;
}

function byTime(a: WorkEvent, b: WorkEvent): number {
  return a.event.timestamp - b.event.timestamp || a.order - b.order;
}
