import type { Level, LogEvent } from '../../../../shared/domain/correlation';
import { describeError, type ErrorDescription, type ErrorSource } from './describe-error';
import { isErrorLevel } from './levels';
import { readRecord } from './read-record';
import { summarise } from './summary';
import { traceIn } from './traces/trace-lines';

export interface EventPartsSource extends ErrorSource {
  message: string;
  /** What the line's shape says to list it as (Lambda platform lines), if anything. */
  title?: string;
}

export interface EventParts {
  parts: Pick<LogEvent, 'summary' | 'summarySpan' | 'exception' | 'fields' | 'jsonAt'>;
  /** Set for errors and for events carrying a trace: what the fingerprint is computed from. */
  description: ErrorDescription | undefined;
}

/**
 * The parts of an event the UI shows — summary and exception — computed once, after split
 * traces were joined. Errors and lines carrying a trace are described; other lines only summarised.
 */
export function describeEvent(source: EventPartsSource): EventParts {
  // Written without spreads and optional-property objects: this runs once per event of a run.
  const description = isErrorLevel(source.level) || source.stack !== undefined ? describeError(source) : undefined;
  const exception = description?.exception;
  const parts: EventParts['parts'] = summarise(
    source.message,
    source.title ?? source.body,
    source.title === undefined ? source.record : undefined,
    exception,
  );
  if (exception) parts.exception = exception;
  return { parts, description };
}

/**
 * The parts of an event known only by its message and level — a run cached or exported before
 * parts were stored. The same reading as a fresh run's: the record, then the trace inside it.
 */
export function describeMessage(message: string, level: Level): EventParts {
  const read = readRecord(message);
  const stack = read.record ? undefined : traceIn(read.body);
  const described = describeEvent({ message, level, body: read.body, record: read.record, stack, title: read.title });
  if (read.jsonAt !== undefined) described.parts.jsonAt = read.jsonAt;
  if (read.fields) described.parts.fields = read.fields;
  return described;
}
