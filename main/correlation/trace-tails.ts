import type { OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { levelRank } from './log-shapes/levels';
import { readRecord } from './log-shapes/read-record';
import { namesException } from './log-shapes/traces/exception-header';
import { advanceTrace, findTraceStart, traceContinue, traceStart, traceUnfinished, type TraceState } from './log-shapes/traces/trace-lines';
import { parseInsightsTimestamp } from './processing/insights-timestamp';
import { MAX_TRACE_GAP_MS } from './processing/join-stack-traces';
import { settleAll } from './queries/settle';
import type { QueryTarget, RowBatch } from './queries/types';
import { readStream, type StreamRef } from './stream-read';
import { HEAD_SPAN_MS, attachHead, mayHaveHead, recordLines, type TaggedRow } from './trace-heads';

/** How far after a head line its trace is looked for, and how many stream events are read. */
const TAIL_SPAN_MS = 60_000;
const MAX_TAIL_LINES = 500;
export const MAX_TAIL_FETCHES = 200;
const TRACE_MARKER_RE = /(?:^|\s)(?:panic: |http: panic serving |fatal error: |Traceback \(most recent call last\):)/;

type StreamRow = TaggedRow;

interface StreamRows extends StreamRef {
  rows: StreamRow[];
}

export interface TailOptions {
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
  maxFetches?: number;
}

/**
 * Log agents send one event per printed line, and usually only the first line of a report carries
 * the session tag: `ERROR … request failed` is found by the query, the `Traceback …` / `\tat …` /
 * `goroutine …` lines after it are not. For each tagged error line this reads the lines that follow
 * it in its stream (GetLogEvents) and appends those that continue a stack trace to the tagged row,
 * as a multi-line agent setting would have sent it. A tagged line that ends a trace (the tag
 * printed after the error) gets the trace's untagged beginning put in front of it the same way
 * (trace-heads.ts). This never creates events, so a line of another request can at worst
 * lengthen a message, never join the session as an event of its own. Returns the lines added.
 */
export async function attachTraceTails(batches: RowBatch[], targets: readonly QueryTarget[], options: TailOptions): Promise<number> {
  const clients = new Map(targets.map((t) => [t.connectionId, t.client]));
  const streams = new Map<string, StreamRows>();
  for (const { source, rows } of batches) {
    const client = clients.get(source.connectionId);
    if (!client) continue;
    for (const row of rows) {
      const timestamp = parseInsightsTimestamp(row['@timestamp']);
      const logStream = row['@logStream'];
      const logGroup = logGroupOf(row['@log'], source.logGroups);
      if (timestamp === undefined || !logStream || !logGroup) continue;
      const key = `${source.connectionId}\u0000${logGroup}\u0000${logStream}`;
      let stream = streams.get(key);
      if (!stream) streams.set(key, (stream = { client, logGroup, logStream, rows: [] }));
      stream.rows.push({ row, timestamp, message: (row['@message'] ?? '').trimEnd() });
    }
  }
  let budget = options.maxFetches ?? MAX_TAIL_FETCHES;
  let added = 0;
  await settleAll(
    [...streams.values()].map(async (stream) => {
      stream.rows.sort((a, b) => a.timestamp - b.timestamp);
      const tagged = new Map(stream.rows.map((r) => [`${r.timestamp}\u0000${r.message}`, r]));
      const done = new Set<StreamRow>();
      for (const head of stream.rows) {
        if (done.has(head)) continue;
        const forward = mayHaveTail(head.message);
        if (!forward && !mayHaveHead(head.message)) continue;
        if (budget <= 0) return;
        budget -= 1;
        if (forward) {
          const events = await options.limit(() => readStream(stream, head.timestamp, head.timestamp + TAIL_SPAN_MS, true, options.signal));
          added += attachFrom(head, events, tagged, done);
        } else {
          const events = await options.limit(() => readStream(stream, head.timestamp - HEAD_SPAN_MS, head.timestamp + 1, false, options.signal));
          added += attachHead(head, events, tagged);
        }
      }
    }),
  );
  return added;
}

function mayHaveTail(message: string): boolean {
  const read = readRecord(message);
  // A JSON record carries its whole stack inside; appending would also break its JSON.
  if (read.record) return false;
  // A trace in the line may go on in the next events (the CloudWatch agent starts a new event at
  // every unindented line, `Caused by:` ones included).
  // A line naming an exception (`checkout failed: PaymentError: …`) is usually followed by its frames.
  const lines = linesOf(message);
  return levelRank(read.level) >= levelRank('warn') || TRACE_MARKER_RE.test(read.body) || findTraceStart(lines, undefined) !== undefined || namesException(lines[lines.length - 1] ?? '');
}

/** Walks the stream after `head`, appending untagged trace lines to the tagged row they follow. */
function attachFrom(head: StreamRow, events: OutputLogEvent[], tagged: Map<string, StreamRow>, done: Set<StreamRow>): number {
  const index = events.findIndex((e) => e.timestamp === head.timestamp && (e.message ?? '').trimEnd() === head.message);
  if (index === -1) return 0;
  done.add(head);
  const tails = new Map<StreamRow, string[]>();
  let owner = head;
  const headLines = linesOf(head.message);
  const start = findTraceStart(headLines, firstLine(events[index + 1]));
  let state = start?.state;
  // `ERROR … request failed` followed by the trace on the next line: Python's logging.exception, Spring's logger.
  let mayStart = start === undefined;
  let previous = head.timestamp;
  let count = 0;
  for (let k = index + 1; k < events.length && count < MAX_TAIL_LINES; k++) {
    const event = events[k]!;
    const message = (event.message ?? '').trimEnd();
    if ((event.timestamp ?? 0) - previous > MAX_TRACE_GAP_MS) break;
    const lines = linesOf(message);
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
      done.add(row);
    } else {
      tails.set(owner, [...(tails.get(owner) ?? []), message]);
      count += 1;
    }
    if (!state) break;
  }
  for (const [row, lines] of tails) row.row['@message'] = `${row.message}\n${lines.join('\n')}`;
  return count;
}

/** The state of a trace starting on the first of `lines` (an event may hold a trace's first lines together). */
function startAtFirstLine(lines: string[], nextFirst: string | undefined): TraceState | undefined {
  return traceStart(lines[0]!, lines.length > 1 ? lines[1] : nextFirst);
}

function linesOf(message: string): string[] {
  return recordLines(message);
}

function firstLine(event: OutputLogEvent | undefined): string | undefined {
  return event === undefined ? undefined : linesOf((event.message ?? '').trimEnd())[0];
}

/** `@log` is `<account>:<group>`; a query over one group may leave it out. */
function logGroupOf(log: string | undefined, groups: readonly string[]): string | undefined {
  if (log) return log.includes(':') ? log.slice(log.indexOf(':') + 1) : log;
  return groups.length === 1 ? groups[0] : undefined;
}
