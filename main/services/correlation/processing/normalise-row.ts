import { readRecord } from '../log-shapes/read-record';
import { parseInsightsTimestamp } from '../rows/insights-timestamp';
import type { WorkEvent } from './types';
import type { InsightsRow, RowSource } from '../rows/row-batch';

/**
 * One Insights row as an event, or undefined when it has no readable `@timestamp`. The `id` is
 * filled in after de-duplication; the message is kept as logged, while `body` — the innermost
 * record, used for levels and traces — has no token prefix and no envelope.
 */
export function normaliseRow(
  row: InsightsRow,
  source: RowSource,
  sessionStart: number,
  order: number,
  streams: StreamCache = new Map(),
): WorkEvent | undefined {
  const timestamp = parseInsightsTimestamp(row['@timestamp']);
  if (timestamp === undefined) return undefined;
  const message = (row['@message'] ?? '').trimEnd();
  const { logGroup, logStream, streamKey } = streamOf(row, source, streams);
  const { body, record, jsonAt, fields, level, title } = readRecord(message);
  const event: WorkEvent['event'] = {
    id: '',
    timestamp,
    offsetMs: timestamp - sessionStart,
    connectionId: source.connectionId,
    connection: source.connection,
    logGroup,
    logStream,
    level,
    message,
  };
  if (jsonAt !== undefined) event.jsonAt = jsonAt;
  if (fields) event.fields = fields;
  const work: WorkEvent = { event, body, order, streamKey };
  if (record) work.record = record;
  if (title !== undefined) work.title = title;
  const ptr = row['@ptr'];
  if (ptr) work.ptr = ptr;
  return work;
}

interface StreamInfo {
  logGroup: string;
  logStream: string;
  /** Connection, group and stream: one shared string per stream, hashed and compared per event. */
  streamKey: string;
}

/** Per run: connection id → `@log` → `@logStream` → the stream, so each is worked out once. */
export type StreamCache = Map<string, Map<string, Map<string, StreamInfo>>>;

function streamOf(row: InsightsRow, source: RowSource, cache: StreamCache): StreamInfo {
  const log = row['@log'] ?? '';
  const logStream = row['@logStream'] ?? '';
  let byLog = cache.get(source.connectionId);
  if (!byLog) cache.set(source.connectionId, (byLog = new Map()));
  let byStream = byLog.get(log);
  if (!byStream) byLog.set(log, (byStream = new Map()));
  let info = byStream.get(logStream);
  if (!info) {
    const logGroup = logGroupOf(log, source);
    // join() builds a flat string; a template literal would build a rope that is slow to scan.
    info = { logGroup, logStream, streamKey: [source.connectionId, logGroup, logStream].join('\u0000') };
    byStream.set(logStream, info);
  }
  return info;
}

/** `@log` is `<account>:<group>`; a query over a single group may leave it out. */
function logGroupOf(log: string, source: RowSource): string {
  if (log !== '') {
    const colon = log.indexOf(':');
    // Log group names cannot contain ':', so everything before the first one is the account.
    return colon === -1 ? log : log.slice(colon + 1);
  }
  return source.logGroups.length === 1 ? (source.logGroups[0] ?? '') : '';
}
