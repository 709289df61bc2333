import { levelRank, maxLevel } from '../log-shapes/levels';
import { advanceTrace as advance, findTraceStart as findStart, messageLines as linesOf, traceContinue, traceUnfinished, type TraceState } from '../log-shapes/traces/trace-lines';
import type { WorkEvent } from './types';

/** Lines of one trace a log agent split apart arrive within moments of each other. */
export const MAX_TRACE_GAP_MS = 2_000;

interface OpenTrace {
  head: WorkEvent;
  stackLines: string[];
  continuations: string[];
  state: TraceState | undefined;
  last: WorkEvent;
  /** The head is a log record's own line with its level: that level is the event's, not the trace lines'. */
  stated?: boolean;
}

/**
 * Puts multi-line stack traces back together. Agents such as the awslogs driver send one event
 * per printed line, so a Python traceback or a Java `\tat …` trace arrives as many events of one
 * stream. The lines of one trace become ONE event: the first line's id and timestamp, its raw
 * message followed by the other lines (token prefixes stripped), and `stack` set to the clean
 * trace. One event per trace is what the UI lists, the cache stores and the grouper counts.
 * An error-level record line right before a trace (`ERROR:app:request failed`, then
 * `Traceback …`) is the trace's head: logging.exception and Spring print them as one record.
 *
 * `events` must be sorted by time (ties in arrival order); the result keeps that order, since a
 * joined trace keeps its first line's place.
 */
export function joinStackTraces(events: WorkEvent[]): WorkEvent[] {
  const streams = new Map<string, WorkEvent[]>();
  for (const work of events) {
    const stream = streams.get(work.streamKey);
    if (stream) stream.push(work);
    else streams.set(work.streamKey, [work]);
  }
  const absorbed = new Set<WorkEvent>();
  for (const stream of streams.values()) joinStream(stream, absorbed);
  return absorbed.size === 0 ? events : events.filter((work) => !absorbed.has(work));
}

function joinStream(stream: WorkEvent[], absorbed: Set<WorkEvent>): void {
  let open: OpenTrace | undefined;
  // The last event that is neither a trace nor part of one: a possible header for the next trace.
  let standalone: WorkEvent | undefined;
  for (let i = 0; i < stream.length; i++) {
    const work = stream[i] as WorkEvent;
    const lines = linesOf(work.body);
    const close = open !== undefined && work.event.timestamp - open.last.event.timestamp <= MAX_TRACE_GAP_MS;
    const continued = open?.state && close ? traceContinue(open.state, lines[0] ?? '') : undefined;
    if (open && continued) {
      open.state = advance(continued, lines, 1);
      open.continuations.push(lines.join('\n'));
      open.stackLines.push(...lines);
      open.last = work;
      absorbed.add(work);
      if (!open.stated) open.head.event.level = maxLevel(open.head.event.level, work.event.level);
      continue;
    }
    if (open?.state && close && interleaved(open, stream[i + 1])) continue;
    const previous = open ? undefined : standalone;
    if (open) finish(open);
    open = undefined;
    standalone = undefined;
    const next = stream[i + 1];
    const nextFirst = next && next.event.timestamp - work.event.timestamp <= MAX_TRACE_GAP_MS ? firstLine(next.body) : undefined;
    const start = findStart(lines, nextFirst);
    if (start === undefined) {
      standalone = work;
      continue;
    }
    const stackLines = lines.slice(start.index);
    open = { head: work, stackLines, continuations: [], state: start.state, last: work };
    if (start.index === 0 && previous && isHeader(previous, work)) {
      // `logger.exception("request failed")` and its kin: the record's line, then the trace.
      open.head = previous;
      open.continuations.push(lines.join('\n'));
      absorbed.add(work);
      // `log.warning(…, exc_info=True)` is a warning with a trace, not an error.
      open.stated = levelRank(previous.event.level) > 0;
      if (!open.stated) previous.event.level = maxLevel(previous.event.level, work.event.level);
    }
  }
  if (open) finish(open);
}

/**
 * A line of the other output stream between a trace's lines (stdout's INFO amid stderr's
 * traceback, both in one awslogs stream): it stays an event of its own, and the trace goes on
 * when the line after it continues it — only while the trace is unfinished (no exception line yet).
 */
function interleaved(open: OpenTrace, next: WorkEvent | undefined): boolean {
  if (!open.state || !traceUnfinished(open.state) || !next) return false;
  if (next.event.timestamp - open.last.event.timestamp > MAX_TRACE_GAP_MS) return false;
  return traceContinue(open.state, firstLine(next.body)) !== undefined;
}

/**
 * A log record's own line that the trace after it belongs to: a warning- or error-level,
 * single-line, plain-text event right before the trace in the same stream.
 */
function isHeader(candidate: WorkEvent, traceStartEvent: WorkEvent): boolean {
  return (
    levelRank(candidate.event.level) >= levelRank('warn') &&
    candidate.record === undefined &&
    !candidate.body.includes('\n') &&
    traceStartEvent.event.timestamp - candidate.event.timestamp <= MAX_TRACE_GAP_MS
  );
}

function finish(trace: OpenTrace): void {
  const { head } = trace;
  if (trace.continuations.length > 0) {
    const tail = trace.continuations.join('\n');
    head.event.message = `${head.event.message}\n${tail}`;
    head.body = `${head.body}\n${tail}`;
  }
  head.stack = trace.stackLines.join('\n');
  // A trace whose lines name no level (`com.acme.Boom` + `\tat …`) is still an error report.
  if (levelRank(head.event.level) === 0) head.event.level = 'error';
}

function firstLine(body: string): string {
  const newline = body.indexOf('\n');
  return newline === -1 ? body : body.slice(0, newline).replace(/\r$/, '');
}
