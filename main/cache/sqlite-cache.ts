import type { DatabaseSync } from 'node:sqlite';
import { searchQuerySchema, type CacheStats, type SearchHit, type SearchQuery, type SessionSummary } from '../../shared/domain/cache';
import type { CorrelationResult } from '../../shared/domain/correlation';
import type { ErrorOccurrence, RelatedErrors } from '../../shared/domain/error-sessions';
import type { ImportResult } from '../../shared/domain/session-file';
import { AppError } from '../../shared/errors';
import { BackgroundIndexer } from './background-indexer';
import type { CacheStore, OpenedSession, SavedRun } from './cache-types';
import type { CoveredWindow } from './covered-windows';
import { deleteSessionRows, evictOverCap, releaseFreePages, usedBytes } from './eviction';
import { relatedErrors, sessionsWithError } from './error-sessions';
import { decodeExport, encodeExport, exportFileName } from './export-format';
import { findSameRun, markImported } from './import-run';
import { renderMarkdownReport } from './markdown-report';
import { RUN_COLUMNS, readRun, type RunRow } from './run-reader';
import { indexStep, pendingEvents } from './index-builder';
import { writeRun } from './run-writer';
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
}

/** Blocks per background step: about 1,000 events, a few milliseconds of work between ticks. */
const STEP_BLOCKS = 16;
/** Blocks per transaction when indexing is asked for explicitly: fewer commits, same atomicity. */
const BULK_BLOCKS = 256;

const SESSION_ID = /^\d{1,20}$/;

function writeFailed(error: unknown): unknown {
  if (!isWriteFailure(error)) return error;
  return new AppError(
    'CACHE_WRITE_FAILED',
    `The cache could not be written (${sqliteReason(error)}).`,
    'Free disk space or make the data directory writable; until then results are kept in memory only.',
  );
}

function notFound(sessionId: string): AppError {
  return new AppError('NOT_FOUND', `Session ${sessionId} is not in the cache.`, 'Open the session once (online) to cache it, or import an export of it.');
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
    this.scheduleIndexing();
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
    return new AppError('CACHE_CORRUPT', 'The cache file is damaged.', 'Restart orcw: it moves the damaged file aside and starts a new cache.');
  }

  saveRun(result: CorrelationResult): SavedRun {
    if (!SESSION_ID.test(result.session.id)) {
      throw new AppError('INVALID_INPUT', 'A run must belong to a decimal OpenReplay session ID.', 'This is a bug in the caller.');
    }
    const runId = this.write(() => writeRun(this.db, result, this.options.now()));
    this.scheduleIndexing();
    try {
      evictOverCap(this.db, this.capBytes, result.session.id);
    } catch (error) {
      // The run is committed; a disk that refuses the eviction only leaves the cache over its cap.
      if (!isWriteFailure(error)) throw error;
    }
    return { runId };
  }

  private currentRun(sessionId: string): RunRow | undefined {
    return this.db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = (SELECT current_run_id FROM sessions WHERE id = ?)`)
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
    if (opened) {
      try {
        this.db.prepare('UPDATE sessions SET last_viewed_at = ? WHERE id = ?').run(this.options.now(), sessionId);
      } catch (error) {
        // Reading must keep working on a full or read-only disk; only the eviction order suffers.
        if (!isWriteFailure(error)) throw error;
      }
    }
    return opened;
  }

  coveredWindows(sessionId: string): CoveredWindow[] {
    const rows = this.db.prepare('SELECT window_from, window_to, complete FROM runs WHERE session_id = ? ORDER BY window_from, window_to, id')
      .all(sessionId) as unknown as { window_from: number; window_to: number; complete: number }[];
    return rows.map((r) => ({ from: r.window_from, to: r.window_to, complete: r.complete === 1 }));
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
      const counts = this.db.prepare('SELECT (SELECT count(*) FROM sessions) AS sessions, (SELECT coalesce(sum(event_count), 0) FROM runs) AS events')
        .get() as { sessions: number; events: number };
      return { sizeBytes: usedBytes(this.db), capBytes: this.capBytes, sessions: counts.sessions, events: counts.events, memoryOnly: this.options.memoryOnly };
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
    const opened = this.loadSession(sessionId);
    if (!opened) throw notFound(sessionId);
    const content = format === 'json'
      ? encodeExport(opened.result, opened.cachedAt, this.options.now())
      : renderMarkdownReport(opened.result, { cachedAt: opened.cachedAt });
    return { fileName: exportFileName(sessionId, format), content };
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
