/**
 * Lines of the real-logs corpus (test/fixtures/real-logs/, printed by real programs and shipped as
 * each shipper does) for the log-shape unit tests, picked by shape and log call, and the same
 * lines run through processing as Insights rows of their stream.
 */
import { loadCorpus, type CorpusEvent } from '../../support/real-logs/corpus';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import type { LogEvent } from '../../../shared/domain/correlation';
import type { ParsedException } from '../../../shared/domain/log-parts';

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
    .map((e, i) => ({
      '@timestamp': iso(e.event.timestamp),
      '@message': e.event.message,
      '@logStream': e.event.logStream,
      '@log': `123456789012:${e.event.logGroup}`,
      '@ptr': `p${i}`,
    }));
  return processRows([{ source: { connectionId: 'c', connection: 'corpus', logGroups: [] }, rows }], { sessionStart: 0 }).events;
}

/** The processed event that holds a log call's first line. */
export function eventOfCall(events: readonly LogEvent[], shipper: string, call: string): LogEvent {
  const first = callEvents(shipper, call)[0]!.event;
  const found = events.find((e) => e.logStream === first.logStream && e.timestamp === first.timestamp);
  if (!found) throw new Error(`${call} was not processed into an event`);
  return found;
}

/** What the program recorded about a failing log call: its exception's type, innermost frame and cause chain. */
export function truthOf(call: string): { type: string; innermost: string; causes: string[]; causesPrinted: boolean } {
  const error = corpus.truth.calls.find((c) => c.call === call)?.error;
  if (!error) throw new Error(`${call} recorded no error`);
  const first = error.frames[0];
  return {
    type: error.type,
    innermost: first ? `${first.function.split('.').pop()}:${first.line}` : '',
    causes: chain(error),
    causesPrinted: error.causesPrinted !== false,
  };
}

/** The same of an exception orcw parsed (module-qualified Python types read as the program's own). */
export function partsOf(exception: ParsedException | undefined): { type: string; innermost: string; causes: string[] } {
  const first = exception?.frames.find((f) => f.app) ?? exception?.frames[0];
  return {
    type: unqualified(exception?.type ?? ''),
    innermost: first ? `${(first.function ?? '<anonymous>').split('.').pop()}:${first.line}` : '',
    causes: chain(exception ?? { causes: [] }),
  };
}

function chain(e: { causes?: readonly { relation?: string; type: string; causes?: unknown }[] }): string[] {
  const out: string[] = [];
  for (const c of e.causes ?? [])
    out.push(`${c.relation}:${unqualified(c.type)}`, ...chain(c as { causes?: { relation?: string; type: string }[] }));
  return out;
}

// Python prints a class outside builtins with its module (`shop.PaymentError`); programs record `PaymentError`.
const unqualified = (type: string): string => (/^[a-z_][\w]*\.[A-Z]\w*$/.test(type) ? type.slice(type.indexOf('.') + 1) : type);
