import type { OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { levelRank } from '../log-shapes/levels';
import { readRecord } from '../log-shapes/read-record';
import { namesException } from '../log-shapes/traces/exception-header';
import {
  advanceTrace,
  findTraceStart,
  traceContinue,
  traceStart,
  traceUnfinished,
  type TraceState,
} from '../log-shapes/traces/trace-lines';
import { MAX_TRACE_GAP_MS } from '../processing/join-stack-traces';
import { recordLines, type TaggedRow } from './trace-heads';

const MAX_TAIL_LINES = 500;
const TRACE_MARKER_RE = /(?:^|\s)(?:panic: |fatal error: |Traceback \(most recent call last\):)/;

export type StreamRow = TaggedRow;

export function mayHaveTail(message: string): boolean {
  const read = readRecord(message);
  // A JSON record carries its whole stack inside; appending would also break its JSON.
  if (read.record) return false;
  // A trace in the line may go on in the next events (the CloudWatch agent starts a new event at
  // every unindented line, `Caused by:` ones included).
  // A line naming an exception (`checkout failed: PaymentError: …`) is usually followed by its frames.
  const lines = recordLines(message);
  return (
    levelRank(read.level) >= levelRank('warn') ||
    TRACE_MARKER_RE.test(read.body) ||
    findTraceStart(lines, undefined) !== undefined ||
    namesException(lines[lines.length - 1] ?? '')
  );
}

/**
 * Walks the stream after `head`, appending untagged trace lines to the tagged row they follow.
 * Returns how many lines it appended, or 'unsure' — changing nothing — when the trace runs on to a
 * line at or after `knownTo`: the rows up to that instant are all in `tagged`, later ones are not
 * known yet, and a tagged line must not be appended as if it were untagged.
 */
export function attachFrom(
  head: StreamRow,
  events: OutputLogEvent[],
  tagged: ReadonlyMap<string, StreamRow>,
  done: Set<StreamRow>,
  knownTo: number,
): number | 'unsure' {
  const index = events.findIndex((e) => e.timestamp === head.timestamp && (e.message ?? '').trimEnd() === head.message);
  if (index === -1) return 0;
  const tails = new Map<StreamRow, string[]>();
  const owned: StreamRow[] = [head];
  let owner = head;
  const start = findTraceStart(recordLines(head.message), firstLine(events[index + 1]));
  let state = start?.state;
  // `ERROR … request failed` followed by the trace on the next line: Python's logging.exception, Spring's logger.
  let mayStart = start === undefined;
  let previous = head.timestamp;
  let appended = 0;
  for (let k = index + 1; k < events.length && appended < MAX_TAIL_LINES; k++) {
    const event = events[k]!;
    const message = (event.message ?? '').trimEnd();
    if ((event.timestamp ?? 0) - previous > MAX_TRACE_GAP_MS) break;
    const lines = recordLines(message);
    const next = state ? traceContinue(state, lines[0]!) : mayStart ? startAtFirstLine(lines, firstLine(events[k + 1])) : undefined;
    if (!next) {
      // A line of the other output stream amid an unfinished trace: stepped over, the trace goes on.
      const after = events[k + 1];
      if (state && traceUnfinished(state) && after && traceContinue(state, firstLine(after) ?? '')) continue;
      break;
    }
    mayStart = false;
    state = advanceTrace(next, lines, 1);
    previous = event.timestamp ?? previous;
    const row = tagged.get(`${event.timestamp}\u0000${message}`);
    if (row) {
      owner = row;
      owned.push(row);
    } else {
      if ((event.timestamp ?? 0) >= knownTo) return 'unsure';
      tails.set(owner, [...(tails.get(owner) ?? []), message]);
      appended += 1;
    }
    if (!state) break;
  }
  for (const row of owned) done.add(row);
  // A new row: the query's row stays as it was read.
  for (const [row, lines] of tails) row.row = { ...row.row, '@message': `${row.message}\n${lines.join('\n')}` };
  return appended;
}

/** The state of a trace starting on the first of `lines` (an event may hold a trace's first lines together). */
function startAtFirstLine(lines: string[], nextFirst: string | undefined): TraceState | undefined {
  return traceStart(lines[0]!, lines.length > 1 ? lines[1] : nextFirst);
}

function firstLine(event: OutputLogEvent | undefined): string | undefined {
  return event === undefined ? undefined : recordLines((event.message ?? '').trimEnd())[0];
}

/** `@log` is `<account>:<group>`; a query over one group may leave it out. */
export function logGroupOf(log: string | undefined, groups: readonly string[]): string | undefined {
  if (log) return log.includes(':') ? log.slice(log.indexOf(':') + 1) : log;
  return groups.length === 1 ? groups[0] : undefined;
}
