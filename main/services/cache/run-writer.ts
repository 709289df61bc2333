import type { DatabaseSync } from 'node:sqlite';
import type { CorrelationResult, ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import { AppError } from '../../../shared/errors';
import type { RunEnd, RunStart } from './cache-types';
import { copyEvents, firstEventId, insertEvents, storedEvents } from './event-rows';
import { unindexRun } from './index-builder';
import { scrubRunFailures } from '../security/secret-scrubber';

interface CurrentRun {
  id: number;
  complete: number;
  ran_at: number;
  first_event: number | null;
  indexed_to: number | null;
}

/** Whether a run ranks at least as high as the current one: complete beats incomplete, then newer wins. */
function outranks(complete: boolean, ranAt: number, current: CurrentRun | undefined): boolean {
  if (current === undefined) return true;
  if (Number(complete) !== current.complete) return complete;
  return ranAt >= current.ran_at;
}

/** How a run's writer is recognised after a crash: its process and when it last wrote. */
export interface WriterMark {
  pid: number;
  at: number;
}

/**
 * Starts a run (state 0: shown nowhere until finished); call inside a transaction. Returns its ID.
 * `minRunId` keeps the run IDs of an in-memory overflow store apart from the disk's.
 */
export function beginRun(db: DatabaseSync, start: RunStart, mark: WriterMark, minRunId = 1): number {
  const sessionId = start.session.id;
  db.prepare('INSERT INTO sessions (id, current_run_id, last_viewed_at) VALUES (?, NULL, ?) ON CONFLICT (id) DO NOTHING').run(
    sessionId,
    mark.at,
  );
  const next = (db.prepare('SELECT coalesce(max(id), 0) + 1 AS id FROM runs').get() as { id: number }).id;
  const runId = Math.max(next, minRunId);
  db.prepare(
    `INSERT INTO runs (id, session_id, ran_at, saved_at, window_from, window_to, complete, session_json, stats_json,
    connections_json, failures_json, event_count, group_count, first_event, last_event, state, writer_pid, touched_at, parts)
    VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'null', ?, '[]', 0, 0, NULL, NULL, 0, ?, ?, 1)`,
  ).run(
    runId,
    sessionId,
    start.ranAt,
    mark.at,
    start.window.from,
    start.window.to,
    JSON.stringify(start.session),
    JSON.stringify(start.connections),
    mark.pid,
    mark.at,
  );
  return runId;
}

function pendingRun(db: DatabaseSync, runId: number): void {
  const row = db.prepare('SELECT state FROM runs WHERE id = ?').get(runId) as { state: number } | undefined;
  if (row?.state !== 0) {
    throw new AppError(
      'NOT_FOUND',
      'The run being saved is no longer in the cache (the session was removed or the cache cleared meanwhile).',
      'Run the correlation again to cache it.',
    );
  }
}

/** Records how many events the run holds, so a reader (or a crash check) sees exactly them. */
function markStored(db: DatabaseSync, runId: number, count: number, at: number): void {
  const first = count > 0 ? firstEventId(runId) : null;
  db.prepare('UPDATE runs SET event_count = ?, first_event = ?, last_event = ?, touched_at = ? WHERE id = ?').run(
    count,
    first,
    first === null ? null : first + count - 1,
    at,
    runId,
  );
}

/** Adds a page of events to a run still being written; call inside a transaction. */
export function appendEvents(db: DatabaseSync, runId: number, events: readonly LogEvent[], at: number): void {
  pendingRun(db, runId);
  if (events.length === 0) return;
  markStored(db, runId, insertEvents(db, runId, events, storedEvents(db, runId)), at);
}

/** Copies another run's events inside `ranges` into a run still being written; call inside a transaction. */
export function appendCopied(
  db: DatabaseSync,
  runId: number,
  fromRunId: number,
  ranges: readonly { from: number; to: number }[],
  at: number,
): number {
  pendingRun(db, runId);
  const before = storedEvents(db, runId);
  const after = copyEvents(db, runId, fromRunId, ranges, before);
  markStored(db, runId, after, at);
  // Events of a run saved before parts were stored carry none: the whole run then has them worked out when read.
  db.prepare('UPDATE runs SET parts = parts * (SELECT parts FROM runs WHERE id = ?) WHERE id = ?').run(fromRunId, runId);
  return after - before;
}

function writeGroups(db: DatabaseSync, runId: number, groups: readonly ErrorGroup[]): void {
  const insert = db.prepare(`INSERT INTO error_groups (run_id, position, fingerprint, title, type, level, count, first_seen,
    last_seen, first_offset_ms, offsets_ms, sample_event_id, connection, log_group, log_stream, stack, frames, replay_url, exception, context_pending)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertLine = db.prepare('INSERT INTO context_lines (group_id, side, position, ts, log_stream, message) VALUES (?, ?, ?, ?, ?, ?)');
  groups.forEach((g, position) => {
    const groupId = insert.run(
      runId,
      position,
      g.fingerprint,
      g.title,
      g.type,
      g.level,
      g.count,
      g.firstSeen,
      g.lastSeen,
      g.firstOffsetMs,
      JSON.stringify(g.offsetsMs),
      g.sampleEventId,
      g.connection,
      g.logGroup,
      g.logStream,
      g.stack ?? null,
      JSON.stringify(g.frames),
      g.replayUrl ?? null,
      g.exception === undefined ? null : JSON.stringify(g.exception),
      Number(g.contextPending === true),
    ).lastInsertRowid;
    [g.contextBefore, g.contextAfter].forEach((lines, side) => {
      lines.forEach((line, i) => insertLine.run(groupId, side, i, line.timestamp, line.logStream, line.message));
    });
  });
}

/**
 * Finishes a run: its groups, stats and failures are written and it becomes visible — its
 * session's current run (the one shown and searched) if it outranks the current one. Call
 * inside a transaction.
 */
export function finishRun(db: DatabaseSync, runId: number, end: RunEnd, savedAt: number): void {
  pendingRun(db, runId);
  const { session_id: sessionId, ran_at: ranAt } = db.prepare('SELECT session_id, ran_at FROM runs WHERE id = ?').get(runId) as {
    session_id: string;
    ran_at: number;
  };
  const span = db.prepare('SELECT min(ts) AS lo, max(ts) AS hi FROM events WHERE run_id = ?').get(runId) as {
    lo: number | null;
    hi: number | null;
  };
  const current = db
    .prepare(
      `SELECT r.id, r.complete, r.ran_at, r.first_event, r.indexed_to
    FROM sessions s JOIN runs r ON r.id = s.current_run_id WHERE s.id = ?`,
    )
    .get(sessionId) as CurrentRun | undefined;
  const becomesCurrent = outranks(end.complete, ranAt, current);
  db.prepare(
    `UPDATE runs SET state = 1, saved_at = ?, touched_at = ?, complete = ?, stats_json = ?, failures_json = ?, covered_json = ?,
    group_count = ?, min_ts = ?, max_ts = ?, current = ?, window_from = coalesce(?, window_from), window_to = coalesce(?, window_to) WHERE id = ?`,
  ).run(
    savedAt,
    savedAt,
    Number(end.complete),
    JSON.stringify(end.stats),
    JSON.stringify(scrubRunFailures(end).failures),
    JSON.stringify(end.covered),
    end.groups.length,
    span.lo,
    span.hi,
    Number(becomesCurrent),
    end.window?.from ?? null,
    end.window?.to ?? null,
    runId,
  );
  writeGroups(db, runId, end.groups);
  db.prepare('UPDATE sessions SET last_viewed_at = ? WHERE id = ?').run(savedAt, sessionId);
  if (becomesCurrent) {
    if (current) {
      // The replaced run stays cached (until evicted) but is no longer shown or searched.
      unindexRun(db, current);
      db.prepare('UPDATE runs SET current = 0, indexed_to = NULL WHERE id = ?').run(current.id);
    }
    db.prepare('UPDATE sessions SET current_run_id = ? WHERE id = ?').run(runId, sessionId);
  }
}

/** Writes a whole run at once (an import, a test); call inside a transaction. */
export function writeRun(db: DatabaseSync, result: CorrelationResult, savedAt: number, mark: WriterMark, minRunId = 1): number {
  const runId = beginRun(
    db,
    { session: result.session, window: result.window, connections: result.connections, ranAt: result.ranAt },
    mark,
    minRunId,
  );
  appendEvents(db, runId, result.events, savedAt);
  const covered = result.complete ? [result.window] : [];
  finishRun(
    db,
    runId,
    { stats: result.stats, groups: result.groups, failures: result.failures, complete: result.complete, covered },
    savedAt,
  );
  return runId;
}
