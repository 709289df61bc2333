import { levelRank, maxLevel } from '../log-shapes/levels';
import {
  advanceTrace as advance,
  findTraceStart as findStart,
  messageLines as linesOf,
  traceContinue,
  traceUnfinished,
  type TraceState,
} from '../log-shapes/traces/trace-lines';
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
 * Puts the multi-line stack traces of one log stream back together, one event at a time. Agents
 * such as the awslogs driver send one event per printed line, so a Python traceback or a Java
 * `\tat …` trace arrives as many events of one stream. The lines of one trace become ONE event:
 * the first line's id and timestamp, its raw message followed by the other lines (token prefixes
 * stripped), and `stack` set to the clean trace. One event per trace is what the UI lists, the
 * cache stores and the grouper counts. An error-level record line right before a trace
 * (`ERROR:app:request failed`, then `Traceback …`) is the trace's head: logging.exception and
 * Spring print them as one record.
 *
 * Events must be pushed in time order (ties in arrival order). An event is handed back once
 * nothing later can still change it: after the next event of the stream, after a quiet spell
 * (`flushIdle`), or at the end (`flush`). It holds at most one trace and one event, so a stream's
 * rows can arrive page by page.
 */
export class StreamJoiner {
  private open: OpenTrace | undefined;
  /** The last event that is neither a trace nor part of one: a possible header for the next trace. */
  private standalone: WorkEvent | undefined;
  /** The last pushed event, waiting for the next one: whether it starts a trace can depend on it. */
  private pending: WorkEvent | undefined;

  /** Adds the stream's next event; returns the events it finished. */
  push(work: WorkEvent): WorkEvent[] {
    const out: WorkEvent[] = [];
    if (this.pending) this.step(this.pending, work, out);
    this.pending = work;
    return out;
  }

  /** The time of the newest event held, if any. */
  lastTimestamp(): number | undefined {
    return this.pending?.event.timestamp ?? this.open?.last.event.timestamp ?? this.standalone?.event.timestamp;
  }

  /** Ends the stream: every event held is finished. */
  flush(): WorkEvent[] {
    const out: WorkEvent[] = [];
    if (this.pending) this.step(this.pending, undefined, out);
    this.pending = undefined;
    if (this.open) out.push(finish(this.open));
    if (this.standalone) out.push(this.standalone);
    this.open = undefined;
    this.standalone = undefined;
    return out;
  }

  private step(work: WorkEvent, next: WorkEvent | undefined, out: WorkEvent[]): void {
    const lines = linesOf(work.body);
    const open = this.open;
    const close = open !== undefined && work.event.timestamp - open.last.event.timestamp <= MAX_TRACE_GAP_MS;
    const continued = open?.state && close ? traceContinue(open.state, lines[0] ?? '') : undefined;
    if (open && continued) {
      open.state = advance(continued, lines, 1);
      open.continuations.push(lines.join('\n'));
      open.stackLines.push(...lines);
      open.last = work;
      if (!open.stated) open.head.event.level = maxLevel(open.head.event.level, work.event.level);
      return;
    }
    if (open?.state && close && interleaved(open, next)) {
      // It stays an event of its own; the trace goes on after it.
      out.push(work);
      return;
    }
    const previous = open ? undefined : this.standalone;
    if (open) out.push(finish(open));
    this.open = undefined;
    this.standalone = undefined;
    const nextFirst = next && next.event.timestamp - work.event.timestamp <= MAX_TRACE_GAP_MS ? firstLine(next.body) : undefined;
    const start = findStart(lines, nextFirst);
    if (start === undefined) {
      if (previous) out.push(previous);
      this.standalone = work;
      return;
    }
    const trace: OpenTrace = { head: work, stackLines: lines.slice(start.index), continuations: [], state: start.state, last: work };
    if (start.index === 0 && previous && isHeader(previous, work)) {
      // `logger.exception("request failed")` and its kin: the record's line, then the trace.
      trace.head = previous;
      trace.continuations.push(lines.join('\n'));
      // `log.warning(…, exc_info=True)` is a warning with a trace, not an error.
      trace.stated = levelRank(previous.event.level) > 0;
      if (!trace.stated) previous.event.level = maxLevel(previous.event.level, work.event.level);
    } else if (previous) out.push(previous);
    this.open = trace;
  }
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

function finish(trace: OpenTrace): WorkEvent {
  const { head } = trace;
  if (trace.continuations.length > 0) {
    const tail = trace.continuations.join('\n');
    head.event.message = `${head.event.message}\n${tail}`;
    head.body = `${head.body}\n${tail}`;
  }
  head.stack = trace.stackLines.join('\n');
  // A trace whose lines name no level (`com.acme.Boom` + `\tat …`) is still an error report.
  if (levelRank(head.event.level) === 0) head.event.level = 'error';
  return head;
}

function firstLine(body: string): string {
  const newline = body.indexOf('\n');
  return newline === -1 ? body : body.slice(0, newline).replace(/\r$/, '');
}
