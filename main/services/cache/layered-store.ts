import type { CacheStats, SearchHit, SearchQuery, SessionSummary } from '../../../shared/domain/cache';
import type { CorrelationResult } from '../../../shared/domain/correlation';
import type { ErrorOccurrence, RelatedErrors } from '../../../shared/domain/error-sessions';
import type { ImportResult } from '../../../shared/domain/session-file';
import { AppError, type AppErrorValue } from '../../../shared/errors';
import type { CacheStore, EventPageRequest, OpenedSession, OpenedView, RunStart, RunWriter, SavedRun } from './cache-types';
import type { ViewHeader } from './run-views';
import type { EventFilter, EventPage, RunRef, SessionView, TimelineBin } from '../../../shared/domain/session-view';
import type { Domain } from '../../../shared/domain/timeline';
import type { CoveredWindow } from './covered-windows';
import type { RecentScan } from './recent-scans';
import type { EventPageOptions } from './event-reader';
import { LayeredRunWriter } from './layered-run-writer';
import type { ContextLine, ErrorGroup, LogEvent } from '../../../shared/domain/correlation';

/** Run IDs of the in-memory overflow start here, so a run ID alone says which store holds it. */
export const OVERFLOW_RUN_IDS = 2 ** 28;

/** The disk cannot take the write (full, read-only, or the file turned out damaged). */
function isWriteFailed(error: unknown): error is AppError {
  return error instanceof AppError && (error.code === 'CACHE_WRITE_FAILED' || error.code === 'CACHE_CORRUPT');
}

/**
 * The on-disk cache plus an in-memory overflow that takes over writes once the disk refuses
 * them (disk full, file turned read-only). Everything cached before stays readable from disk;
 * runs saved after the failure live in memory until the app quits, and reads merge both.
 */
export class LayeredStore implements CacheStore {
  private overflow: CacheStore | null = null;
  private failure: AppError | null = null;

  constructor(
    private readonly disk: CacheStore,
    private readonly createOverflow: () => CacheStore,
  ) {}

  /** Runs a write on disk; once the disk has refused one, every later write goes to memory. */
  private write<T>(work: (store: CacheStore) => T): { value: T; warning?: AppErrorValue } {
    if (this.overflow) return { value: work(this.overflow), warning: this.failure?.toValue() };
    try {
      return { value: work(this.disk) };
    } catch (error) {
      if (!isWriteFailed(error)) throw error;
      this.failure = error;
      this.overflow = this.createOverflow();
      return { value: work(this.overflow), warning: error.toValue() };
    }
  }

  beginRun(start: RunStart): RunWriter {
    return new LayeredRunWriter(
      {
        target: () => this.overflow ?? this.disk,
        storeOf: (runId) => this.storeOf(runId),
        failOver: (error) => {
          this.failure ??= error;
          return (this.overflow ??= this.createOverflow());
        },
        isWriteFailed,
      },
      start,
    );
  }

  openView(sessionId: string): OpenedView | null {
    return this.overflow?.openView(sessionId) ?? this.disk.openView(sessionId);
  }

  runView(ref: RunRef, header?: ViewHeader): SessionView {
    return this.storeOf(ref.runId).runView(ref, header);
  }

  eventPage(request: EventPageRequest): EventPage {
    return this.storeOf(request.run.runId).eventPage(request);
  }

  timeline(request: { run: RunRef; filter: EventFilter; domain: Domain; count: number }): TimelineBin[] {
    return this.storeOf(request.run.runId).timeline(request);
  }

  findEvent(request: {
    run: RunRef;
    eventId: string;
    timestamp?: number;
    filter?: EventFilter;
  }): { event: LogEvent; index?: number } | null {
    return this.storeOf(request.run.runId).findEvent(request);
  }

  neighbours(request: { run: RunRef; eventId: string; timestamp?: number; radius: number }): LogEvent[] {
    return this.storeOf(request.run.runId).neighbours(request);
  }

  group(ref: RunRef, fingerprint: string): ErrorGroup | null {
    return this.storeOf(ref.runId).group(ref, fingerprint);
  }

  setGroupContext(ref: RunRef, fingerprint: string, lines: { before: readonly ContextLine[]; after: readonly ContextLine[] }): void {
    const store = this.storeOf(ref.runId);
    // Context lines are a help: a full disk keeps them for this view only, not an error.
    try {
      store.setGroupContext(ref, fingerprint, lines);
    } catch (error) {
      if (!isWriteFailed(error)) throw error;
    }
  }

  lastEventBefore(runId: number, time: number): number | undefined {
    return this.storeOf(runId).lastEventBefore(runId, time);
  }

  readRun(runId: number): CorrelationResult {
    return this.storeOf(runId).readRun(runId);
  }

  private storeOf(runId: number): CacheStore {
    return this.overflow && runId >= OVERFLOW_RUN_IDS ? this.overflow : this.disk;
  }

  eventPages(runId: number, options?: EventPageOptions): Iterable<LogEvent[]> {
    return this.storeOf(runId).eventPages(runId, options);
  }

  saveRun(result: CorrelationResult): SavedRun {
    const { value, warning } = this.write((store) => store.saveRun(result));
    return warning ? { ...value, warning } : value;
  }

  openSession(sessionId: string): OpenedSession | null {
    return this.overflow?.openSession(sessionId) ?? this.disk.openSession(sessionId);
  }

  coveredWindows(sessionId: string): CoveredWindow[] {
    return [...(this.overflow?.coveredWindows(sessionId) ?? []), ...this.disk.coveredWindows(sessionId)];
  }

  recentScans(limit: number): RecentScan[] {
    return [...(this.overflow?.recentScans(limit) ?? []), ...this.disk.recentScans(limit)]
      .sort((a, b) => b.ranAt - a.ranAt)
      .slice(0, limit);
  }

  listSessions(limit = 50): SessionSummary[] {
    const fromMemory = this.overflow?.listSessions(limit) ?? [];
    const inMemory = new Set(fromMemory.map((s) => s.sessionId));
    return [...fromMemory, ...this.disk.listSessions(limit).filter((s) => !inMemory.has(s.sessionId))]
      .sort((a, b) => b.lastViewedAt - a.lastViewedAt)
      .slice(0, limit);
  }

  search(query: SearchQuery): SearchHit[] {
    const fromMemory = this.overflow?.search(query) ?? [];
    const inMemory = new Set(fromMemory.map((hit) => hit.sessionId));
    // Memory holds the newer runs, so its hits come first; disk hits of the same sessions are stale.
    return [...fromMemory, ...this.disk.search(query).filter((hit) => !inMemory.has(hit.sessionId))].slice(0, query.limit);
  }

  indexPending(maxEvents?: number): { indexed: number; pending: number } {
    const disk = this.disk.indexPending(maxEvents);
    if (!this.overflow) return disk;
    const memory = this.overflow.indexPending(maxEvents);
    return { indexed: disk.indexed + memory.indexed, pending: disk.pending + memory.pending };
  }

  deleteSession(sessionId: string): void {
    this.overflow?.deleteSession(sessionId);
    this.disk.deleteSession(sessionId);
  }

  clear(): void {
    this.overflow?.clear();
    this.disk.clear();
  }

  stats(): CacheStats {
    const disk = this.disk.stats();
    if (!this.overflow) return disk;
    const memory = this.overflow.stats();
    return {
      ...disk,
      sizeBytes: disk.sizeBytes + memory.sizeBytes,
      sessions: disk.sessions + memory.sessions,
      events: disk.events + memory.events,
      memoryOnly: true,
    };
  }

  setCapBytes(bytes: number): void {
    this.overflow?.setCapBytes(bytes);
    this.disk.setCapBytes(bytes);
  }

  exportSession(sessionId: string, format: 'json' | 'md'): { fileName: string; content: string } {
    if (this.overflow && this.overflow.coveredWindows(sessionId).length > 0) return this.overflow.exportSession(sessionId, format);
    return this.disk.exportSession(sessionId, format);
  }

  importSession(content: string): ImportResult {
    return this.write((store) => store.importSession(content)).value;
  }

  relatedErrors(sessionId: string, fingerprints: readonly string[], limit: number): RelatedErrors[] {
    const disk = this.disk.relatedErrors(sessionId, fingerprints, limit);
    if (!this.overflow) return disk;
    // Runs saved after the disk failed are in memory; a session in both counts once (its newer run).
    const merged = new Map(this.overflow.relatedErrors(sessionId, fingerprints, limit).map((r) => [r.fingerprint, r]));
    for (const entry of disk) {
      const memory = merged.get(entry.fingerprint);
      if (!memory) {
        merged.set(entry.fingerprint, entry);
        continue;
      }
      const seen = new Set(memory.sessions.map((o) => o.sessionId));
      const extra = entry.sessions.filter((o) => !seen.has(o.sessionId));
      const sessions = [...memory.sessions, ...extra].sort((a, b) => b.firstSeen - a.firstSeen).slice(0, limit);
      merged.set(entry.fingerprint, {
        fingerprint: entry.fingerprint,
        sessionCount: memory.sessionCount + entry.sessionCount - (entry.sessions.length - extra.length),
        sessions,
      });
    }
    return [...merged.values()];
  }

  sessionsWithError(text: string, limit: number): ErrorOccurrence[] {
    const fromMemory = this.overflow?.sessionsWithError(text, limit) ?? [];
    const inMemory = new Set(fromMemory.map((o) => o.sessionId));
    return [...fromMemory, ...this.disk.sessionsWithError(text, limit).filter((o) => !inMemory.has(o.sessionId))]
      .sort((a, b) => b.firstSeen - a.firstSeen)
      .slice(0, limit);
  }

  close(): void {
    this.overflow?.close();
    this.disk.close();
  }
}
