import type { DatabaseSync } from 'node:sqlite';
import { searchQuerySchema, type CacheStats, type SearchHit, type SearchQuery, type SessionSummary } from '../../../shared/domain/cache';
import {
  timeWindowSchema,
  type ContextLine,
  type CorrelationResult,
  type ErrorGroup,
  type LogEvent,
} from '../../../shared/domain/correlation';
import type { ErrorOccurrence, RelatedErrors } from '../../../shared/domain/error-sessions';
import type { ImportResult } from '../../../shared/domain/session-file';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { BackgroundIndexer } from './background-indexer';
import type { CacheStore, EventPageRequest, OpenedSession, OpenedView, RunStart, RunWriter, SavedRun } from './cache-types';
import { registerViewFunctions } from './event-filter-sql';
import { buildView, eventPage, findEvent, groupOf, neighbours, storeGroupContext, timelineBins, type ViewHeader } from './run-views';
import type { EventFilter, EventPage, RunRef, SessionView, TimelineBin } from '../../../shared/domain/session-view';
import type { Domain } from '../../../shared/domain/timeline';
import type { CoveredWindow } from './covered-windows';
import { eventPages, type EventPageOptions } from './event-reader';
import { deleteSessionRows, evictOverCap, releaseFreePages, usedBytes } from './eviction';
import { relatedErrors, sessionsWithError } from './error-sessions';
import { decodeExport, encodeExport, exportFileName } from './export-format';
import { findSameRun, markImported } from './import-run';
import { renderMarkdownReport } from './markdown-report';
import { reportFromView } from './view-report';
import { RUN_COLUMNS, readRun, type RunRow } from './run-reader';
import { indexStep, pendingEvents } from './index-builder';
import { removeAbandonedRuns } from './pending-runs';
import { writeRun } from './run-writer';
import { SqliteRunWriter, type RunWriterHost } from './sqlite-run-writer';
import { BLOCK_EVENTS } from './schema';
import { registerSearchFunctions, searchEvents } from './search';
import { listSummaries, summaryOf } from './session-summaries';
import { readRecentScans, type RecentScan } from './recent-scans';
import { isCorruption, isWriteFailure, sqliteReason } from './sqlite-errors';
import { inTransaction } from './transaction';

export interface SqliteCacheOptions {
  capBytes: number;
  now: () => number;
  memoryOnly: boolean;
  /** Called when SQLite reports the file damaged during use. */
  onCorruption?: () => void;
  /** Index saved runs in small steps on the event loop (default true); tests and benches turn it off. */
  backgroundIndex?: boolean;
  /** Lowest run ID it assigns: an in-memory overflow store keeps its IDs apart from the disk's. */
  minRunId?: number;
}

/** Blocks per background step: about 1,000 events, a few milliseconds of work between ticks. */
const STEP_BLOCKS = 16;
/** Blocks per transaction when indexing is asked for explicitly: fewer commits, same atomicity. */
const BULK_BLOCKS = 256;

const SESSION_ID = /^\d{1,20}$/;
const coveredSchema = z.array(timeWindowSchema);

function writeFailed(error: unknown): unknown {
  if (!isWriteFailure(error)) return error;
  return new AppError(
    'CACHE_WRITE_FAILED',
    `The cache could not be written (${sqliteReason(error)}).`,
    'Free disk space or make the data directory writable; until then results are kept in memory only.',
  );
}

function notFound(sessionId: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `Session ${sessionId} is not in the cache.`,
    'Open the session once (online) to cache it, or import an export of it.',
  );
}

/** What a run row says it covers: its recorded parts, else all of it when complete (older runs). */
function coveredParts(row: { window_from: number; window_to: number; complete: number; covered_json: string | null }): CoveredWindow[] {
  const whole = { from: row.window_from, to: row.window_to };
  if (row.covered_json === null) return [{ ...whole, complete: row.complete === 1 }];
  const parts = coveredSchema.safeParse(JSON.parse(row.covered_json));
  if (!parts.success || parts.data.length === 0) return [{ ...whole, complete: false }];
  return parts.data.map((part) => ({ ...part, complete: true }));
}

/** The cache on one SQLite database (a file, or `:memory:` when the disk is unusable). */
export class SqliteCache implements CacheStore {
  private capBytes: number;
  private readonly indexer = new BackgroundIndexer(() => this.indexPending(STEP_BLOCKS * BLOCK_EVENTS).pending);

  constructor(
    private readonly db: DatabaseSync,
    private readonly options: SqliteCacheOptions,
  ) {
    this.capBytes = options.capBytes;
    registerSearchFunctions(db);
    registerViewFunctions(db);
    try {
      removeAbandonedRuns(db, options.now());
    } catch (error) {
      // A read-only or full disk keeps the leftovers (invisible anyway) until a later start.
      if (!isWriteFailure(error)) throw error;
    }
    this.scheduleIndexing();
  }

  beginRun(start: RunStart): RunWriter {
    if (!SESSION_ID.test(start.session.id)) {
      throw new AppError('INVALID_INPUT', 'A run must belong to a decimal OpenReplay session ID.', 'This is a bug in the caller.');
    }
    const host: RunWriterHost = {
      db: this.db,
      now: () => this.options.now(),
      write: (work) => this.write(work),
      minRunId: this.options.minRunId ?? 1,
      finished: (sessionId) => this.afterSave(sessionId),
    };
    return new SqliteRunWriter(host, start);
  }

  /** A run became visible: index it in the background, evict over the cap. */
  private afterSave(sessionId: string): void {
    this.scheduleIndexing();
    try {
      evictOverCap(this.db, this.capBytes, sessionId);
    } catch (error) {
      // The run is committed; a disk that refuses the eviction only leaves the cache over its cap.
      if (!isWriteFailure(error)) throw error;
    }
  }

  private scheduleIndexing(): void {
    if (this.options.backgroundIndex !== false) this.indexer.schedule();
  }

  indexPending(maxEvents = Number.POSITIVE_INFINITY): { indexed: number; pending: number } {
    let indexed = 0;
    while (indexed < maxEvents) {
      const blocks = Math.max(1, Math.min(BULK_BLOCKS, Math.ceil((maxEvents - indexed) / BLOCK_EVENTS)));
      const before = pendingEvents(this.db);
      if (before === 0 || this.write(() => indexStep(this.db, blocks)) === 0) break;
      indexed += before - pendingEvents(this.db);
    }
    return { indexed, pending: pendingEvents(this.db) };
  }

  /** A consistent snapshot for multi-statement reads while another process may be writing. */
  private read<T>(work: () => T): T {
    try {
      this.db.exec('BEGIN');
      try {
        return work();
      } finally {
        this.db.exec('COMMIT');
      }
    } catch (error) {
      throw this.damaged(error);
    }
  }

  private write<T>(work: () => T): T {
    try {
      return inTransaction(this.db, work);
    } catch (error) {
      throw writeFailed(this.damaged(error));
    }
  }

  /** Damage found after opening (open only reads the schema): flag the file so the next start replaces it. */
  private damaged(error: unknown): unknown {
    const unreadable = error instanceof AppError && error.code === 'CACHE_CORRUPT';
    if (!isCorruption(error) && !unreadable) return error;
    this.options.onCorruption?.();
    if (unreadable) return error;
    return new AppError(
      'CACHE_CORRUPT',
      'The cache file is damaged.',
      'Restart orcw: it moves the damaged file aside and starts a new cache.',
    );
  }

  saveRun(result: CorrelationResult): SavedRun {
    if (!SESSION_ID.test(result.session.id)) {
      throw new AppError('INVALID_INPUT', 'A run must belong to a decimal OpenReplay session ID.', 'This is a bug in the caller.');
    }
    const mark = { pid: process.pid, at: this.options.now() };
    const runId = this.write(() => writeRun(this.db, result, this.options.now(), mark, this.options.minRunId));
    this.afterSave(result.session.id);
    return { runId };
  }

  readRun(runId: number): CorrelationResult {
    return this.read(() => {
      const run = this.db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ? AND state = 1`).get(runId) as RunRow | undefined;
      if (!run) throw new AppError('NOT_FOUND', 'That run is not in the cache (any more).', 'Open the session again.');
      return readRun(this.db, run);
    });
  }

  openView(sessionId: string): OpenedView | null {
    const run = this.read(() => this.currentRun(sessionId));
    if (!run) return null;
    const ref = { sessionId, runId: run.id };
    const view = { ...this.runView(ref), run: ref };
    this.markViewed(sessionId);
    return {
      view,
      cachedAt: run.saved_at,
      covered: coveredParts(run)
        .filter((part) => part.complete)
        .map(({ from, to }) => ({ from, to })),
    };
  }

  runView(ref: RunRef, header?: ViewHeader): SessionView {
    return this.read(() => buildView(this.db, ref, header));
  }

  eventPage(request: EventPageRequest): EventPage {
    return this.read(() => eventPage(this.db, request));
  }

  timeline(request: { run: RunRef; filter: EventFilter; domain: Domain; count: number }): TimelineBin[] {
    return this.read(() => timelineBins(this.db, request));
  }

  findEvent(request: {
    run: RunRef;
    eventId: string;
    timestamp?: number;
    filter?: EventFilter;
  }): { event: LogEvent; index?: number } | null {
    return this.read(() => findEvent(this.db, request));
  }

  neighbours(request: { run: RunRef; eventId: string; timestamp?: number; radius: number }): LogEvent[] {
    return this.read(() => neighbours(this.db, request));
  }

  group(ref: RunRef, fingerprint: string): ErrorGroup | null {
    return this.read(() => groupOf(this.db, ref, fingerprint));
  }

  setGroupContext(ref: RunRef, fingerprint: string, lines: { before: readonly ContextLine[]; after: readonly ContextLine[] }): void {
    this.write(() => storeGroupContext(this.db, ref, fingerprint, lines));
  }

  lastEventBefore(runId: number, time: number): number | undefined {
    const row = this.db.prepare('SELECT max(ts) AS ts FROM events WHERE run_id = ? AND ts < ?').get(runId, time) as { ts: number | null };
    return row.ts ?? undefined;
  }

  eventPages(runId: number, options?: EventPageOptions): Iterable<LogEvent[]> {
    return eventPages(this.db, runId, options);
  }

  private currentRun(sessionId: string): RunRow | undefined {
    return this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = (SELECT current_run_id FROM sessions WHERE id = ?)`)
      .get(sessionId) as RunRow | undefined;
  }

  private loadSession(sessionId: string): OpenedSession | null {
    return this.read(() => {
      const run = this.currentRun(sessionId);
      return run ? { result: readRun(this.db, run), cachedAt: run.saved_at, runId: run.id } : null;
    });
  }

  openSession(sessionId: string): OpenedSession | null {
    const opened = this.loadSession(sessionId);
    if (opened) this.markViewed(sessionId);
    return opened;
  }

  private markViewed(sessionId: string): void {
    try {
      this.db.prepare('UPDATE sessions SET last_viewed_at = ? WHERE id = ?').run(this.options.now(), sessionId);
    } catch (error) {
      // Reading must keep working on a full or read-only disk; only the eviction order suffers.
      if (!isWriteFailure(error)) throw error;
    }
  }

  coveredWindows(sessionId: string): CoveredWindow[] {
    const rows = this.db
      .prepare(
        'SELECT window_from, window_to, complete, covered_json FROM runs WHERE session_id = ? AND state = 1 ORDER BY window_from, window_to, id',
      )
      .all(sessionId) as unknown as { window_from: number; window_to: number; complete: number; covered_json: string | null }[];
    return rows.flatMap((r) => coveredParts(r));
  }

  listSessions(limit = 50): SessionSummary[] {
    return this.read(() => listSummaries(this.db, limit));
  }

  recentScans(limit: number): RecentScan[] {
    return this.read(() => readRecentScans(this.db, limit));
  }

  search(query: SearchQuery): SearchHit[] {
    return this.read(() => searchEvents(this.db, searchQuerySchema.parse(query)));
  }

  deleteSession(sessionId: string): void {
    this.write(() => deleteSessionRows(this.db, sessionId));
    releaseFreePages(this.db);
  }

  clear(): void {
    this.write(() => {
      this.db.exec(`INSERT INTO event_words (event_words) VALUES ('delete-all');
        DELETE FROM context_lines; DELETE FROM error_groups; DELETE FROM events; DELETE FROM runs;
        DELETE FROM sessions; DELETE FROM sources;`);
    });
    try {
      this.db.exec('VACUUM');
    } catch (error) {
      throw writeFailed(error);
    }
  }

  stats(): CacheStats {
    return this.read(() => {
      const counts = this.db
        .prepare(
          'SELECT (SELECT count(*) FROM sessions WHERE current_run_id IS NOT NULL) AS sessions, (SELECT coalesce(sum(event_count), 0) FROM runs WHERE state = 1) AS events',
        )
        .get() as { sessions: number; events: number };
      return {
        sizeBytes: usedBytes(this.db),
        capBytes: this.capBytes,
        sessions: counts.sessions,
        events: counts.events,
        memoryOnly: this.options.memoryOnly,
      };
    });
  }

  setCapBytes(bytes: number): void {
    if (!Number.isFinite(bytes) || bytes <= 0) {
      throw new AppError('INVALID_INPUT', 'The cache size cap must be a positive number of bytes.', 'Choose a cap such as 1 GiB.');
    }
    this.capBytes = bytes;
    try {
      evictOverCap(this.db, bytes, null);
    } catch (error) {
      throw writeFailed(error);
    }
  }

  exportSession(sessionId: string, format: 'json' | 'md'): { fileName: string; content: string } {
    if (format === 'md') {
      // The report needs counts and each group's sample, not every event.
      const opened = this.openView(sessionId);
      if (!opened) throw notFound(sessionId);
      return {
        fileName: exportFileName(sessionId, format),
        content: renderMarkdownReport(reportFromView(opened.view, this), { cachedAt: opened.cachedAt }),
      };
    }
    const opened = this.loadSession(sessionId);
    if (!opened) throw notFound(sessionId);
    return { fileName: exportFileName(sessionId, format), content: encodeExport(opened.result, opened.cachedAt, this.options.now()) };
  }

  importSession(content: string): ImportResult {
    const { result } = decodeExport(content);
    const duplicate = this.read(() => findSameRun(this.db, result)) !== undefined;
    if (!duplicate) {
      const { runId } = this.saveRun(result);
      this.write(() => markImported(this.db, runId, this.options.now()));
    }
    const summary = this.read(() => summaryOf(this.db, result.session.id));
    if (!summary) throw notFound(result.session.id);
    return { summary, duplicate };
  }

  relatedErrors(sessionId: string, fingerprints: readonly string[], limit: number): RelatedErrors[] {
    return this.read(() => relatedErrors(this.db, sessionId, fingerprints, limit));
  }

  sessionsWithError(text: string, limit: number): ErrorOccurrence[] {
    return this.read(() => sessionsWithError(this.db, text, limit));
  }

  close(): void {
    this.indexer.cancel();
    if (this.db.isOpen) this.db.close();
  }
}
