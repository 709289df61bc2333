import { GetLogEventsCommand, type OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { isAppError } from '../../shared/errors';
import { parseJsonObject } from './log-shapes/json-record';
import { isErrorLevel, levelFromText } from './log-shapes/levels';
import { stripTokenPrefix } from './log-shapes/session-tags';
import { traceContinue, traceStart, type TraceState } from './log-shapes/traces/trace-lines';
import { parseInsightsTimestamp } from './processing/insights-timestamp';
import { MAX_TRACE_GAP_MS } from './processing/join-stack-traces';
import type { InsightsRow } from './processing/types';
import { settleAll } from './queries/run-part';
import { cancelledError } from './queries/timing';
import type { QueryTarget, RowBatch } from './queries/types';

/** How far after a head line its trace is looked for, and how many stream events are read. */
const TAIL_SPAN_MS = 60_000;
const TAIL_EVENTS = 1_000;
const MAX_TAIL_LINES = 500;
export const MAX_TAIL_FETCHES = 200;
const TRACE_MARKER_RE = /(?:^|\s)(?:panic: |fatal error: |Traceback \(most recent call last\):)/;

interface StreamRow {
  row: InsightsRow;
  timestamp: number;
  message: string;
}

interface StreamRows {
  client: QueryTarget['client'];
  logGroup: string;
  logStream: string;
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
 * as a multi-line agent setting would have sent it. Appending never creates events, so a line of
 * another request can at worst lengthen a message, never join the session as an event of its own.
 * Returns the number of lines added.
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
        if (done.has(head) || !mayHaveTail(head.message)) continue;
        if (budget <= 0) return;
        budget -= 1;
        const events = await options.limit(() => readAfter(stream, head.timestamp, options.signal));
        added += attachFrom(head, events, tagged, done);
      }
    }),
  );
  return added;
}

function mayHaveTail(message: string): boolean {
  const body = stripTokenPrefix(message);
  // A JSON line carries its whole stack inside; appending would also break its JSON.
  if (parseJsonObject(body)) return false;
  return isErrorLevel(levelFromText(body)) || TRACE_MARKER_RE.test(body);
}

/** Walks the stream after `head`, appending untagged trace lines to the tagged row they follow. */
function attachFrom(head: StreamRow, events: OutputLogEvent[], tagged: Map<string, StreamRow>, done: Set<StreamRow>): number {
  const index = events.findIndex((e) => e.timestamp === head.timestamp && (e.message ?? '').trimEnd() === head.message);
  if (index === -1) return 0;
  done.add(head);
  const tails = new Map<StreamRow, string[]>();
  let owner = head;
  let state = stateAfter(linesOf(head.message), firstLine(events[index + 1]));
  // `ERROR … request failed` followed by the trace on the next line: Python's logging.exception, Spring's logger.
  let mayStart = state === undefined && isErrorLevel(levelFromText(stripTokenPrefix(head.message)));
  let previous = head.timestamp;
  let count = 0;
  for (let k = index + 1; k < events.length && count < MAX_TAIL_LINES; k++) {
    const event = events[k]!;
    const message = (event.message ?? '').trimEnd();
    if ((event.timestamp ?? 0) - previous > MAX_TRACE_GAP_MS) break;
    const lines = linesOf(message);
    const next = state ? traceContinue(state, lines[0]!) : mayStart ? traceStart(lines[0]!, firstLine(events[k + 1])) : undefined;
    if (!next) break;
    mayStart = false;
    state = advance(next, lines);
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

async function readAfter(stream: StreamRows, from: number, signal: AbortSignal | undefined): Promise<OutputLogEvent[]> {
  if (signal?.aborted) throw cancelledError();
  try {
    const output = await stream.client.send(
      new GetLogEventsCommand({ logGroupName: stream.logGroup, logStreamName: stream.logStream, startTime: from, endTime: from + TAIL_SPAN_MS, startFromHead: true, limit: TAIL_EVENTS }),
      { abortSignal: signal },
    );
    return output.events ?? [];
  } catch (error) {
    if (signal?.aborted || (isAppError(error) && error.code === 'CANCELLED')) throw cancelledError();
    // Missing trace lines cost detail, not the run: the tagged line itself is still there.
    return [];
  }
}

function stateAfter(lines: string[], nextFirst: string | undefined): TraceState | undefined {
  for (let j = 0; j < lines.length; j++) {
    const start = traceStart(lines[j]!, j + 1 < lines.length ? lines[j + 1] : nextFirst);
    if (start) return advance(start, lines, j + 1);
  }
  return undefined;
}

function advance(state: TraceState, lines: string[], from = 1): TraceState | undefined {
  let current: TraceState | undefined = state;
  for (let k = from; k < lines.length && current; k++) current = traceContinue(current, lines[k]!);
  return current;
}

function linesOf(message: string): string[] {
  return message.split(/\r?\n/).map(stripTokenPrefix);
}

function firstLine(event: OutputLogEvent | undefined): string | undefined {
  return event === undefined ? undefined : linesOf((event.message ?? '').trimEnd())[0];
}

/** `@log` is `<account>:<group>`; a query over one group may leave it out. */
function logGroupOf(log: string | undefined, groups: readonly string[]): string | undefined {
  if (log) return log.includes(':') ? log.slice(log.indexOf(':') + 1) : log;
  return groups.length === 1 ? groups[0] : undefined;
}
