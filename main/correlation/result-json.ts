import { eventSummary, type ContextLine, type CorrelateResponse, type CorrelationResult } from '../../shared/domain/correlation';

const iso = (ms: number) => new Date(ms).toISOString();
const context = (lines: readonly ContextLine[]) => lines.map((line) => ({ timestamp: iso(line.timestamp), message: line.message }));

/**
 * The `orcw correlate --json` document: one object, absolute times as ISO 8601 (UTC), offsets in
 * milliseconds since the session start. Field names are a public interface for scripts: add,
 * never rename.
 */
export function resultToJson(result: CorrelationResult, meta: Pick<CorrelateResponse, 'source' | 'cachedAt' | 'offline'>) {
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
    stats: { bytesScanned: stats.bytesScanned, recordsScanned: stats.recordsScanned, recordsMatched: stats.recordsMatched, costUsd: stats.costUsd, queries: stats.queries },
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
    events: result.events.map((e) => ({
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
    })),
    failures: result.failures.map((f) => ({ connection: f.connection, code: f.code, message: f.message, hint: f.hint, logGroups: f.logGroups })),
    complete: result.complete,
    source: meta.source,
    ...(meta.cachedAt === undefined ? {} : { cachedAt: iso(meta.cachedAt) }),
    ...(meta.offline === undefined ? {} : { offline: meta.offline }),
    ranAt: iso(result.ranAt),
  };
}
