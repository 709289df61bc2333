import type { OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { readRecord } from '../log-shapes/read-record';
import { findTraceStart, messageLines, traceContinue } from '../log-shapes/traces/trace-lines';
import { MAX_TRACE_GAP_MS } from '../processing/join-stack-traces';
import type { InsightsRow } from '../rows/row-batch';

/** A trace is looked for this far back before its tagged last line, up to this many lines. */
export const HEAD_SPAN_MS = 60_000;
const MAX_HEAD_LINES = 500;
const MAX_SKIPPED = 3;

export interface TaggedRow {
  row: InsightsRow;
  timestamp: number;
  message: string;
}

/** The lines of a logged message, its record read (envelopes unwrapped, token prefixes off). */
export function recordLines(message: string): string[] {
  return messageLines(readRecord(message).body);
}

/**
 * Is the tagged line the end of a trace whose beginning is untagged? `console.error(err,
 * { openReplaySession })` prints the tag after the error, on its last line — `at …` frame or the
 * `}` that closes the error's properties — and the awslogs driver sends each line on its own.
 */
export function mayHaveHead(message: string): boolean {
  const read = readRecord(message);
  if (read.record) return false;
  const lines = messageLines(read.body);
  const first = lines[0] ?? '';
  if (findTraceStart(lines, undefined) !== undefined) return false;
  // A frame line or the brace closing the error's properties (indented lines of a traceback
  // tagged line by line, as OpenReplay's monkeypatch does, need no reading back).
  return /^\s+at\s/.test(first) || /^\s*[}\]]/.test(first);
}

/**
 * Walks back from the tagged line through the lines before it that belong to a trace, up to the
 * line where the trace starts, and puts them in front of the tagged row's message. Only when the
 * start is found: lines that lead nowhere are left alone. Returns the number of lines added.
 */
/** A line inside a trace: a frame, an indented line (properties, nested errors), a closing bracket, `Caused by:`. */
function isTraceLine(line: string): boolean {
  return /^\s|^[}\]]/.test(line) || traceContinue({ kind: 'jvm', props: 0 }, line) !== undefined;
}

/**
 * Does the outermost trace start in these lines? Nested errors (`  [cause]: Error: …`, a member
 * of `[errors]`) and `Caused by:` lines name exceptions too, but inside the trace.
 */
function startsTopTrace(lines: readonly string[], nextFirst: string | undefined): boolean {
  const start = findTraceStart(lines, nextFirst);
  if (start === undefined) return false;
  const line = lines[start.index] ?? '';
  return !/^\s/.test(line) && !/^(?:Caused by|Suppressed|caused by): /.test(line);
}

export function attachHead(head: TaggedRow, events: readonly OutputLogEvent[], tagged: ReadonlyMap<string, TaggedRow>): number {
  const index = events.findIndex((e) => e.timestamp === head.timestamp && (e.message ?? '').trimEnd() === head.message);
  if (index <= 0) return 0;
  const before: string[] = [];
  let later = events[index] as OutputLogEvent;
  let skipped = 0;
  for (let j = index - 1; j >= 0 && before.length < MAX_HEAD_LINES; j--) {
    const event = events[j] as OutputLogEvent;
    const message = (event.message ?? '').trimEnd();
    if ((later.timestamp ?? 0) - (event.timestamp ?? 0) > MAX_TRACE_GAP_MS) return 0;
    // Another tagged row of the session: the rows are joined with each other when processed.
    if (tagged.has(`${event.timestamp}\u0000${message}`)) return 0;
    const lines = recordLines(message);
    before.unshift(message);
    if (startsTopTrace(lines, recordLines((later.message ?? '').trimEnd())[0])) {
      // A new row: the query's row stays as it was read.
      head.row = { ...head.row, '@message': `${before.join('\n')}\n${head.message}` };
      return before.length;
    }
    if (!isTraceLine(lines[0] ?? '')) {
      // A line of the other output stream amid the trace (stdout between stderr's lines): stepped over.
      before.shift();
      const earlier = events[j - 1];
      if (earlier === undefined || !isTraceLine(recordLines((earlier.message ?? '').trimEnd())[0] ?? '') || ++skipped > MAX_SKIPPED)
        return 0;
      continue;
    }
    later = event;
  }
  return 0;
}
