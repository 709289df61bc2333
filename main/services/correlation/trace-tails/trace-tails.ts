import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { parseInsightsTimestamp } from '../rows/insights-timestamp';
import { settleAll, type Limit } from '../../async/tasks';
import type { InsightsRow, RowBatch } from '../rows/row-batch';
import { readStream, type StreamRef } from './stream-read';
import { HEAD_SPAN_MS, attachHead, mayHaveHead } from './trace-heads';
import { attachFrom, logGroupOf, mayHaveTail, type StreamRow } from './trace-tail-walk';

/** How far after a head line its trace is looked for. */
const TAIL_SPAN_MS = 60_000;

interface StreamRows extends StreamRef {
  rows: StreamRow[];
}

export const MAX_TAIL_FETCHES = 200;

export interface TailOptions {
  limit: Limit;
  signal?: AbortSignal;
  maxFetches?: number;
}

interface Held {
  source: RowBatch['source'];
  stream: StreamRows;
  /** Lines read after a head whose trace ran past what was known: read once, walked again. */
  fetched: Map<StreamRow, OutputLogEvent[]>;
}

/** A stream's tagged rows of the last minute already handed on: a trace read back must stop at them. */
type Recent = Map<string, StreamRow>;

/**
 * Log agents send one event per printed line, and usually only the first line of a report carries
 * the session tag: `ERROR … request failed` is found by the query, the `Traceback …` / `\tat …` /
 * `goroutine …` lines after it are not. For each tagged error line this reads the lines that follow
 * it in its stream (GetLogEvents) and appends those that continue a stack trace to the tagged row,
 * as a multi-line agent setting would have sent it. A tagged line that ends a trace (the tag
 * printed after the error) gets the trace's untagged beginning put in front of it the same way
 * (trace-heads.ts). This never creates events, so a line of another request can at worst
 * lengthen a message, never join the session as an event of its own.
 *
 * Works one page of rows at a time. When a trace runs past a page's last row, the next page may
 * hold more of its lines as tagged rows; the stream's rows from that head on are held back and
 * handed out with the next page (or by `flush` at the end), so the result is the same as with
 * every row at once. At most `maxFetches` reads per run.
 */
export class TraceTails {
  private budget: number;
  private readonly held = new Map<string, Held>();
  private readonly recent = new Map<string, Recent>();
  /** Lines added so far. */
  added = 0;

  constructor(
    private readonly clientOf: (connectionId: string) => CloudWatchLogsClient | undefined,
    private readonly options: TailOptions,
  ) {
    this.budget = options.maxFetches ?? MAX_TAIL_FETCHES;
  }

  /**
   * The rows of the page (and any held before) that are final, trace tails appended: a new batch
   * whose lengthened rows are new objects; the page and its rows are left as they were read.
   */
  async attach(page: RowBatch): Promise<RowBatch> {
    const client = this.clientOf(page.source.connectionId);
    if (!client) return { source: page.source, rows: page.rows };
    const knownTo = parseInsightsTimestamp(page.rows.at(-1)?.['@timestamp']) ?? Number.NEGATIVE_INFINITY;
    const streams = new Map<string, Held>();
    const out: InsightsRow[] = [];
    for (const row of page.rows) {
      const timestamp = parseInsightsTimestamp(row['@timestamp']);
      const logStream = row['@logStream'];
      const logGroup = logGroupOf(row['@log'], page.source.logGroups);
      if (timestamp === undefined || !logStream || !logGroup) {
        out.push(row);
        continue;
      }
      const key = `${page.source.connectionId}\u0000${logGroup}\u0000${logStream}`;
      let entry = streams.get(key);
      if (!entry) {
        entry = this.held.get(key) ?? { source: page.source, stream: { client, logGroup, logStream, rows: [] }, fetched: new Map() };
        this.held.delete(key);
        streams.set(key, entry);
      }
      entry.stream.rows.push({ row, timestamp, message: (row['@message'] ?? '').trimEnd() });
    }
    const done = await settleAll([...streams].map(([key, entry]) => this.walk(key, entry, knownTo)));
    for (const rows of done) out.push(...rows);
    return { source: page.source, rows: out };
  }

  /** Everything still held: no more rows are coming. */
  async flush(): Promise<RowBatch[]> {
    const entries = [...this.held];
    this.held.clear();
    return settleAll(
      entries.map(async ([key, entry]) => ({ source: entry.source, rows: await this.walk(key, entry, Number.POSITIVE_INFINITY) })),
    );
  }

  /** Walks one stream's rows; returns those that are final and holds back the rest. */
  private async walk(key: string, entry: Held, knownTo: number): Promise<InsightsRow[]> {
    const { stream } = entry;
    stream.rows.sort((a, b) => a.timestamp - b.timestamp);
    const tagged = new Map(stream.rows.map((r) => [`${r.timestamp}\u0000${r.message}`, r]));
    // Rows of earlier pages are tagged too: a trace read back stops at them as it would in one piece.
    const known = new Map([...(this.recent.get(key) ?? []), ...tagged]);
    const done = new Set<StreamRow>();
    for (const [i, head] of stream.rows.entries()) {
      if (done.has(head)) continue;
      const forward = mayHaveTail(head.message);
      if (!forward && !mayHaveHead(head.message)) continue;
      let events = entry.fetched.get(head);
      if (!events) {
        // Out of reads, or cancelled (what arrived is still handed out): the rest stays as it is.
        if (this.budget <= 0 || this.options.signal?.aborted) break;
        this.budget -= 1;
        events = forward
          ? await this.options.limit(() => readStream(stream, head.timestamp, head.timestamp + TAIL_SPAN_MS, true, this.options.signal))
          : await this.options.limit(() =>
              readStream(stream, head.timestamp - HEAD_SPAN_MS, head.timestamp + 1, false, this.options.signal),
            );
      }
      if (!forward) {
        this.added += attachHead(head, events, known);
        continue;
      }
      const added = attachFrom(head, events, tagged, done, knownTo);
      if (added === 'unsure') {
        entry.fetched = new Map([[head, events], ...[...entry.fetched].filter(([row]) => stream.rows.indexOf(row) > i)]);
        const final = stream.rows.slice(0, i);
        stream.rows = stream.rows.slice(i);
        this.held.set(key, entry);
        this.remember(key, final);
        return final.map((r) => r.row);
      }
      this.added += added;
    }
    this.remember(key, stream.rows);
    return stream.rows.map((r) => r.row);
  }

  /** Keeps the stream's rows of the last minute before its newest, for traces read back later. */
  private remember(key: string, rows: readonly StreamRow[]): void {
    const last = rows.at(-1);
    if (!last) return;
    const recent: Recent = new Map([...(this.recent.get(key) ?? [])].filter(([, row]) => row.timestamp >= last.timestamp - HEAD_SPAN_MS));
    for (const row of rows) if (row.timestamp >= last.timestamp - HEAD_SPAN_MS) recent.set(`${row.timestamp}\u0000${row.message}`, row);
    this.recent.set(key, recent);
  }
}
