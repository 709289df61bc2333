import { eventSummary, type ContextLine, type CorrelationResult, type LogEvent } from '../../../shared/domain/correlation';
import type { ResponseMeta } from '../../../shared/domain/session-view';

const iso = (ms: number) => new Date(ms).toISOString();
const context = (lines: readonly ContextLine[]) => lines.map((line) => ({ timestamp: iso(line.timestamp), message: line.message }));

type RunHeader = Omit<CorrelationResult, 'events'>;

/**
 * The `orcw correlate --json` document: one object, absolute times as ISO 8601 (UTC), offsets in
 * milliseconds since the session start. Field names are a public interface for scripts: add,
 * never rename. Written as a stream (see writeResultJson), so a big session is never one object.
 */
function head(result: RunHeader) {
  const { session, window, stats } = result;
  return {
    session: {
      id: session.id,
      ...(session.token === undefined ? {} : { token: session.token }),
      start: iso(session.start),
      end: iso(session.end),
      ...(session.replayUrl === undefined ? {} : { replayUrl: session.replayUrl }),
    },
    window: { from: iso(window.from), to: iso(window.to) },
    stats: {
      bytesScanned: stats.bytesScanned,
      recordsScanned: stats.recordsScanned,
      recordsMatched: stats.recordsMatched,
      costUsd: stats.costUsd,
      queries: stats.queries,
      ...(stats.rowsWithoutTimestamp === undefined ? {} : { rowsWithoutTimestamp: stats.rowsWithoutTimestamp }),
    },
    groups: result.groups.map((g) => ({
      fingerprint: g.fingerprint,
      title: g.title,
      type: g.type,
      level: g.level,
      count: g.count,
      firstSeen: iso(g.firstSeen),
      lastSeen: iso(g.lastSeen),
      firstOffsetMs: g.firstOffsetMs,
      connection: g.connection,
      logGroup: g.logGroup,
      logStream: g.logStream,
      ...(g.stack === undefined ? {} : { stack: g.stack }),
      ...(g.replayUrl === undefined ? {} : { replayUrl: g.replayUrl }),
      ...(g.exception === undefined ? {} : { exception: g.exception }),
      contextBefore: context(g.contextBefore),
      contextAfter: context(g.contextAfter),
    })),
  };
}

function eventJson(e: LogEvent) {
  return {
    timestamp: iso(e.timestamp),
    offsetMs: e.offsetMs,
    connection: e.connection,
    logGroup: e.logGroup,
    logStream: e.logStream,
    level: e.level,
    message: e.message,
    summary: eventSummary(e),
    ...(e.fields === undefined ? {} : { fields: e.fields }),
    ...(e.exception === undefined ? {} : { exception: e.exception }),
    ...(e.fingerprint === undefined ? {} : { fingerprint: e.fingerprint }),
  };
}

function tail(result: RunHeader, meta: ResponseMeta) {
  return {
    failures: result.failures.map((f) => ({
      connection: f.connection,
      code: f.code,
      message: f.message,
      hint: f.hint,
      logGroups: f.logGroups,
    })),
    complete: result.complete,
    source: meta.source,
    ...(meta.cachedAt === undefined ? {} : { cachedAt: iso(meta.cachedAt) }),
    ...(meta.offline === undefined ? {} : { offline: meta.offline }),
    ranAt: iso(result.ranAt),
  };
}

/** Each top-level member as `JSON.stringify(document, null, 2)` would print it. */
function members(object: Record<string, unknown>): string[] {
  return Object.entries(object).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`);
}

/**
 * Writes the document — byte for byte what `JSON.stringify(document, null, 2)` prints — with the
 * events taken page by page, each page written (and `write` awaited, for back-pressure) before the
 * next is read. Memory holds one page, whatever the size of the session.
 */
export async function writeResultJson(
  write: (chunk: string) => Promise<void> | void,
  result: RunHeader,
  pages: Iterable<LogEvent[]>,
  meta: ResponseMeta,
): Promise<void> {
  await write(`{\n${members(head(result)).join(',\n')},\n  "events": [`);
  let first = true;
  for (const page of pages) {
    if (page.length === 0) continue;
    const text = page.map((event) => `\n    ${JSON.stringify(eventJson(event), null, 2).replace(/\n/g, '\n    ')}`).join(',');
    await write(`${first ? '' : ','}${text}`);
    first = false;
  }
  await write(`${first ? ']' : '\n  ]'},\n${members(tail(result, meta)).join(',\n')}\n}\n`);
}
