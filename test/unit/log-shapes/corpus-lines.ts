/**
 * Lines of the real-logs corpus (test/fixtures/real-logs/, printed by real programs and shipped as
 * each shipper does) for the log-shape unit tests, picked by shape and log call, and the same
 * lines run through processing as Insights rows of their stream.
 */
import { loadCorpus, type CorpusEvent } from '../../support/real-logs/corpus';
import { processRows } from '../../../main/correlation/processing/process-rows';
import type { LogEvent } from '../../../shared/domain/correlation';

const corpus = loadCorpus();

/** The shape of a program (the part of a call's name before `:`) shipped by one shipper. */
function shapeIndex(shipper: string, program: string): number {
  const index = corpus.truth.shapes.findIndex((s) => s.shipper === shipper && s.program === program);
  if (index === -1) throw new Error(`no corpus shape ${shipper} × ${program}`);
  return index;
}

/** The events of one log call (`<program>:<request>.<call>`) as one shipper sent them, in order. */
export function callEvents(shipper: string, call: string): CorpusEvent[] {
  const shape = shapeIndex(shipper, call.split(':')[0] ?? '');
  const events = corpus.events.filter((e) => e.shape === shape && e.calls.includes(call));
  if (events.length === 0) throw new Error(`no events of ${call} shipped by ${shipper}`);
  return events;
}

/** The one message a shipper made of a log call (a shipper that sends a whole record per event). */
export function callMessage(shipper: string, call: string): string {
  return callEvents(shipper, call)[0]!.event.message;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

/** Every event a shipper made of a program's output through processRows, as one query would return them. */
export function processShape(shipper: string, program: string): LogEvent[] {
  const shape = shapeIndex(shipper, program);
  const rows = corpus.events
    .filter((e) => e.shape === shape)
    .map((e, i) => ({ '@timestamp': iso(e.event.timestamp), '@message': e.event.message, '@logStream': e.event.logStream, '@log': `123456789012:${e.event.logGroup}`, '@ptr': `p${i}` }));
  return processRows([{ source: { connectionId: 'c', connection: 'corpus', logGroups: [] }, rows }], { sessionStart: 0 }).events;
}

/** The processed event that holds a log call's first line. */
export function eventOfCall(events: readonly LogEvent[], shipper: string, call: string): LogEvent {
  const first = callEvents(shipper, call)[0]!.event;
  const found = events.find((e) => e.logStream === first.logStream && e.timestamp === first.timestamp);
  if (!found) throw new Error(`${call} was not processed into an event`);
  return found;
}
