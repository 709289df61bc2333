import type { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import {
  correlationResultSchema,
  levelSchema,
  runFailureSchema,
  runStatsSchema,
  sessionInfoSchema,
  type ContextLine,
  type ErrorGroup,
  type Level,
  type LogEvent,
} from '../../../shared/domain/correlation';
import {
  FIRST_EVENTS,
  type EventFilter,
  type EventPage,
  type FacetCounts,
  type RunRef,
  type SessionView,
  type TimelineBin,
} from '../../../shared/domain/session-view';
import { domainOfOffsets, type Domain } from '../../../shared/domain/timeline';
import { AppError } from '../../../shared/errors';
import { EVENT_COLUMNS, eventDecoder, runHasParts, type EventTuple } from './event-reader';
import { BIN_FUNCTION, filterSql } from './event-filter-sql';
import { parseJson } from './row-decoding';
import { readGroups, type RunRow } from './run-reader';

const connectionsSchema = correlationResultSchema.shape.connections;

/** What a view of a run still being written takes from its writer instead of the run's row. */
export type ViewHeader = Pick<SessionView, 'stats' | 'groups' | 'failures' | 'complete'>;

/** A run's row as the views read it: the run's own columns plus whose session it is and its write state. */
type ViewRow = Pick<
  RunRow,
  'id' | 'ran_at' | 'window_from' | 'window_to' | 'complete' | 'session_json' | 'stats_json' | 'connections_json' | 'failures_json'
> & { session_id: string; state: number };

function notFound(): AppError {
  return new AppError('NOT_FOUND', 'That run of the session is not in the cache (any more).', 'Open the session again.');
}

/** The run behind a reference, checked to belong to the session it names. */
export function runRow(db: DatabaseSync, ref: RunRef): ViewRow {
  const row = db
    .prepare(
      `SELECT id, session_id, ran_at, window_from, window_to, complete, session_json, stats_json, connections_json,
    failures_json, state FROM runs WHERE id = ? AND session_id = ?`,
    )
    .get(ref.runId, ref.sessionId) as ViewRow | undefined;
  if (!row) throw notFound();
  return row;
}

function sessionStartOf(row: ViewRow): number {
  return parseJson(sessionInfoSchema, row.session_json, 'session').start;
}

/** The view of a run: its header and groups, counts per facet, the timeline's extent, the first events. */
export function buildView(db: DatabaseSync, ref: RunRef, header?: ViewHeader): SessionView {
  const row = runRow(db, ref);
  const session = parseJson(sessionInfoSchema, row.session_json, 'session');
  const counts = db
    .prepare('SELECT count(*) AS n, min(offset_ms) AS lo, max(offset_ms) AS hi FROM events WHERE run_id = ?')
    .get(row.id) as { n: number; lo: number | null; hi: number | null };
  const first = eventPage(db, {
    run: ref,
    filter: { levels: [], logGroups: [], connections: [], text: '' },
    offset: 0,
    limit: FIRST_EVENTS,
    withTotal: false,
  });
  return {
    session,
    window: { from: row.window_from, to: row.window_to },
    stats: header?.stats ?? parseJson(runStatsSchema, row.stats_json, 'stats'),
    groups: header?.groups ?? groupsOf(db, row),
    failures: header?.failures ?? parseJson(z.array(runFailureSchema), row.failures_json, 'failures'),
    complete: header?.complete ?? row.complete === 1,
    connections: parseJson(connectionsSchema, row.connections_json, 'connections'),
    ranAt: row.ran_at,
    run: ref,
    eventCount: counts.n,
    facets: facets(db, row.id),
    domain: domainOfOffsets(counts.lo ?? undefined, counts.hi ?? undefined, session.end - session.start),
    firstEvents: first.events,
  };
}

/** For a run saved before parts were stored, each group's exception comes from its (re-described) sample. */
function groupsOf(db: DatabaseSync, row: ViewRow): ErrorGroup[] {
  if (runHasParts(db, row.id)) return readGroups(db, row.id);
  const decode = eventDecoder(db, false);
  const sample = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.run_id = ? AND e.event_id = ?`);
  sample.setReturnArrays(true);
  return readGroups(db, row.id, (id) => {
    const found = sample.get(row.id, id) as EventTuple | undefined;
    return found ? decode(found) : undefined;
  });
}

function facets(db: DatabaseSync, runId: number): FacetCounts {
  const rows = db
    .prepare(
      `SELECT e.level, s.log_group, s.connection, count(*) AS n FROM events e JOIN sources s ON s.id = e.source_id
    WHERE e.run_id = ? GROUP BY e.level, e.source_id`,
    )
    .all(runId) as unknown as { level: string; log_group: string; connection: string; n: number }[];
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  const levels = new Map<Level, number>();
  const logGroups = new Map<string, number>();
  const connections = new Map<string, number>();
  for (const row of rows) {
    add(levels, levelSchema.parse(row.level), row.n);
    add(logGroups, row.log_group, row.n);
    add(connections, row.connection, row.n);
  }
  return { levels: [...levels], logGroups: [...logGroups], connections: [...connections] };
}

/** One page of the run's events the filter shows, in time order. */
export function eventPage(
  db: DatabaseSync,
  request: { run: RunRef; filter: EventFilter; offset: number; limit: number; withTotal: boolean },
): EventPage {
  const row = runRow(db, request.run);
  const sql = filterSql(request.filter, sessionStartOf(row));
  const statement = db.prepare(
    `SELECT ${EVENT_COLUMNS} FROM events e${sql.join} WHERE e.run_id = ?${sql.where} ORDER BY e.ts, e.id LIMIT ? OFFSET ?`,
  );
  statement.setReturnArrays(true);
  const decode = eventDecoder(db, runHasParts(db, row.id));
  const events = (statement.all(row.id, ...sql.params, request.limit, request.offset) as unknown as EventTuple[]).map(decode);
  if (!request.withTotal) return { offset: request.offset, events };
  const total = (
    db.prepare(`SELECT count(*) AS n FROM events e${sql.join} WHERE e.run_id = ?${sql.where}`).get(row.id, ...sql.params) as { n: number }
  ).n;
  return { offset: request.offset, events, total };
}

/** Event counts per timeline bin of what the filter (without its bin) shows. */
export function timelineBins(
  db: DatabaseSync,
  request: { run: RunRef; filter: EventFilter; domain: Domain; count: number },
): TimelineBin[] {
  const row = runRow(db, request.run);
  const sql = filterSql(request.filter, sessionStartOf(row), { bin: false });
  const rows = db
    .prepare(
      `SELECT ${BIN_FUNCTION}(e.offset_ms, ?, ?, ?) AS bin, count(*) AS total, sum(e.level IN ('error', 'fatal')) AS errors,
    sum(e.level = 'warn') AS warnings FROM events e${sql.join} WHERE e.run_id = ?${sql.where} GROUP BY bin`,
    )
    .all(request.domain.fromMs, request.domain.toMs, request.count, row.id, ...sql.params) as unknown as {
    bin: number;
    total: number;
    errors: number;
    warnings: number;
  }[];
  const bins: TimelineBin[] = Array.from({ length: request.count }, (_, index) => ({ index, total: 0, errors: 0, warnings: 0 }));
  for (const found of rows) Object.assign(bins[found.bin]!, { total: found.total, errors: found.errors, warnings: found.warnings });
  return bins;
}

/** One event by its id (found fast when its timestamp is known), and where the filter's list shows it. */
export function findEvent(
  db: DatabaseSync,
  request: { run: RunRef; eventId: string; timestamp?: number; filter?: EventFilter },
): { event: LogEvent; index?: number } | null {
  const row = runRow(db, request.run);
  const at = request.timestamp === undefined ? '' : ' AND e.ts = ?';
  const statement = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.run_id = ? AND e.event_id = ?${at} LIMIT 1`);
  statement.setReturnArrays(true);
  const found = statement.get(row.id, request.eventId, ...(request.timestamp === undefined ? [] : [request.timestamp])) as
    EventTuple | undefined;
  if (!found) return null;
  const event = eventDecoder(db, runHasParts(db, row.id))(found);
  if (!request.filter) return { event };
  const sql = filterSql(request.filter, sessionStartOf(row));
  const shown = db
    .prepare(`SELECT 1 FROM events e${sql.join} WHERE e.run_id = ? AND e.id = ?${sql.where}`)
    .get(row.id, found[0], ...sql.params);
  if (!shown) return { event };
  const before = db
    .prepare(`SELECT count(*) AS n FROM events e${sql.join} WHERE e.run_id = ?${sql.where} AND (e.ts < ? OR (e.ts = ? AND e.id < ?))`)
    .get(row.id, ...sql.params, event.timestamp, event.timestamp, found[0]) as { n: number };
  return { event, index: before.n };
}

/** The run's events of the same stream around one event (it included), in time order. */
export function neighbours(db: DatabaseSync, request: { run: RunRef; eventId: string; timestamp?: number; radius: number }): LogEvent[] {
  const row = runRow(db, request.run);
  const at = request.timestamp === undefined ? '' : ' AND ts = ?';
  const target = db
    .prepare(`SELECT id, ts, source_id FROM events WHERE run_id = ? AND event_id = ?${at} LIMIT 1`)
    .get(row.id, request.eventId, ...(request.timestamp === undefined ? [] : [request.timestamp])) as
    { id: number; ts: number; source_id: number } | undefined;
  if (!target) return [];
  const side = (condition: string, order: string) => {
    const statement = db.prepare(
      `SELECT ${EVENT_COLUMNS} FROM events e WHERE e.run_id = ? AND e.source_id = ? AND ${condition} ORDER BY ${order} LIMIT ?`,
    );
    statement.setReturnArrays(true);
    return statement.all(row.id, target.source_id, target.ts, target.ts, target.id, request.radius) as unknown as EventTuple[];
  };
  const before = side('(e.ts < ? OR (e.ts = ? AND e.id < ?))', 'e.ts DESC, e.id DESC').reverse();
  const self = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = ?`);
  self.setReturnArrays(true);
  const after = side('(e.ts > ? OR (e.ts = ? AND e.id > ?))', 'e.ts, e.id');
  const decode = eventDecoder(db, runHasParts(db, row.id));
  return [...before, self.get(target.id) as unknown as EventTuple, ...after].map(decode);
}

/** One group of a run, as stored. */
export function groupOf(db: DatabaseSync, ref: RunRef, fingerprint: string): ErrorGroup | null {
  const row = runRow(db, ref);
  return groupsOf(db, row).find((group) => group.fingerprint === fingerprint) ?? null;
}

/** Stores the context lines fetched for a group on demand; call inside a transaction. */
export function storeGroupContext(
  db: DatabaseSync,
  ref: RunRef,
  fingerprint: string,
  lines: { before: readonly ContextLine[]; after: readonly ContextLine[] },
): void {
  const row = runRow(db, ref);
  const group = db.prepare('SELECT id FROM error_groups WHERE run_id = ? AND fingerprint = ?').get(row.id, fingerprint) as
    { id: number } | undefined;
  if (!group) throw new AppError('NOT_FOUND', 'That error group is not in the cached run (any more).', 'Open the session again.');
  db.prepare('DELETE FROM context_lines WHERE group_id = ?').run(group.id);
  const insert = db.prepare('INSERT INTO context_lines (group_id, side, position, ts, log_stream, message) VALUES (?, ?, ?, ?, ?, ?)');
  [lines.before, lines.after].forEach((side, i) =>
    side.forEach((line, position) => insert.run(group.id, i, position, line.timestamp, line.logStream, line.message)),
  );
  db.prepare('UPDATE error_groups SET context_pending = 0 WHERE id = ?').run(group.id);
}
