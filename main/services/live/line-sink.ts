import type { ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import type { RunWriter } from '../cache/cache-types';
import { eventId } from '../correlation/processing/id-hash';
import { parseInsightsTimestamp } from '../correlation/rows/insights-timestamp';
import { RunProcessor } from '../correlation/processing/run-processor';
import type { ProcessOptions } from '../correlation/processing/types';
import type { InsightsRow, RowSource } from '../correlation/rows/row-batch';

/** Rows from one source, with the session matcher of that source's connection. */
export interface SourcedRows {
  source: RowSource;
  rows: InsightsRow[];
  matches: (message: string) => boolean;
}

/**
 * Where every line of a follow goes, whether a Live Tail update or a gap query delivered it: the
 * session's matcher (the Insights clauses: the tail's pattern is wider), one copy per line (a
 * resumed stream and its gap query overlap), the run processor as a run uses it, then the run's
 * writer — one write per update, not per line.
 */
export class LineSink {
  private readonly processor: RunProcessor;
  private readonly seen = new Set<string>();
  /** Lines saved by this follow. */
  saved = 0;

  constructor(
    options: ProcessOptions,
    private readonly writer: Pick<RunWriter, 'append'>,
  ) {
    this.processor = new RunProcessor(options);
  }

  /** Takes one delivery; returns the events it made final and saved, in time order. */
  take(batches: readonly SourcedRows[]): LogEvent[] {
    const out: LogEvent[] = [];
    for (const { source, rows, matches } of batches) {
      const fresh = rows.filter((row) => matches(row['@message'] ?? '') && this.firstTime(source, row));
      // The processor wants each stream's rows in time order; an update holds a second of them.
      fresh.sort((a, b) => (parseInsightsTimestamp(a['@timestamp']) ?? 0) - (parseInsightsTimestamp(b['@timestamp']) ?? 0));
      if (fresh.length > 0) out.push(...this.processor.push({ source, rows: fresh }));
    }
    // Every held line is made final at the end of a delivery, so a line shows within the second it
    // arrived. A trace whose lines were ingested together arrives in one update and is joined; one
    // split across two updates is kept as two events.
    out.push(...this.processor.flush());
    out.sort((a, b) => a.timestamp - b.timestamp);
    if (out.length > 0) this.writer.append(out);
    this.saved += out.length;
    return out;
  }

  groups(): ErrorGroup[] {
    return this.processor.groups();
  }

  private firstTime(source: RowSource, row: InsightsRow): boolean {
    // `@log` is `<account>:<group>` in a query's rows and the bare group in a tail's: one key for both.
    const log = row['@log'] ?? '';
    const group = log.slice(log.indexOf(':') + 1);
    const stream = [source.connectionId, group, row['@logStream'] ?? ''].join('\u0000');
    const timestamp = parseInsightsTimestamp(row['@timestamp']) ?? 0;
    const key = `${eventId(stream, timestamp, (row['@message'] ?? '').trimEnd())}:${timestamp}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
