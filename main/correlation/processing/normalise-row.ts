import type { Level } from '../../../shared/domain/correlation';
import { levelFromText } from './detect-level';
import { parseInsightsTimestamp } from './insights-timestamp';
import { exceptionFromJson } from './json-exception';
import { levelFromJson, messageFromJson, parseJsonObject, type JsonObject } from './json-message';
import { stripTokenPrefix } from './token-prefix';
import type { InsightsRow, RowSource, WorkEvent } from './types';

/**
 * One Insights row as an event, or undefined when it has no readable `@timestamp`. The `id` is
 * filled in after de-duplication; the message keeps its token prefix (it is what was logged),
 * while `body` — used for JSON, levels and traces — does not.
 */
export function normaliseRow(
  row: InsightsRow,
  source: RowSource,
  sessionStart: number,
  order: number,
  streamKeys: Map<string, string> = new Map(),
): WorkEvent | undefined {
  const timestamp = parseInsightsTimestamp(row['@timestamp']);
  if (timestamp === undefined) return undefined;
  const message = (row['@message'] ?? '').trimEnd();
  const logGroup = logGroupOf(row['@log'], source);
  const logStream = row['@logStream'] ?? '';
  const body = stripTokenPrefix(message);
  const json = parseJsonObject(body);
  const event: WorkEvent['event'] = {
    id: '',
    timestamp,
    offsetMs: timestamp - sessionStart,
    connectionId: source.connectionId,
    connection: source.connection,
    logGroup,
    logStream,
    level: json ? levelOfJson(json) : levelFromText(body),
    message,
  };
  if (json) event.json = json;
  // One shared string per stream: later stages hash and compare it for every event.
  // (join builds a flat string; a template literal would build a rope that is slow to scan.)
  const built = [source.connectionId, logGroup, logStream].join('\u0000');
  let streamKey = streamKeys.get(built);
  if (streamKey === undefined) streamKeys.set(built, (streamKey = built));
  const work: WorkEvent = { event, body, order, streamKey };
  const ptr = row['@ptr'];
  if (ptr) work.ptr = ptr;
  return work;
}

/** `@log` is `<account>:<group>`; a query over a single group may leave it out. */
function logGroupOf(log: string | undefined, source: RowSource): string {
  if (log !== undefined && log !== '') {
    const colon = log.indexOf(':');
    // Log group names cannot contain ':', so everything before the first one is the account.
    return colon === -1 ? log : log.slice(colon + 1);
  }
  return source.logGroups.length === 1 ? (source.logGroups[0] ?? '') : '';
}

function levelOfJson(json: JsonObject): Level {
  const declared = levelFromJson(json);
  if (declared) return declared;
  const text = messageFromJson(json);
  const fromText = text === undefined ? 'unknown' : levelFromText(text);
  if (fromText !== 'unknown') return fromText;
  // A structured line with an exception but no level field is still an error report.
  return exceptionFromJson(json) ? 'error' : 'unknown';
}
