import type { CacheStats, SearchHit, SearchQuery, SessionSummary } from '../../shared/domain/cache';
import type { ErrorOccurrence, RelatedErrors } from '../../shared/domain/error-sessions';
import type { ImportResult } from '../../shared/domain/session-file';
import type { CorrelationResult } from '../../shared/domain/correlation';
import type { AppErrorValue } from '../../shared/errors';
import type { CoveredWindow } from './covered-windows';
import type { RecentScan } from './recent-scans';

export interface OpenedSession {
  result: CorrelationResult;
  cachedAt: number;
  runId: number;
}

export interface SavedRun {
  runId: number;
  /** Set when the disk refused the write and the run is kept in memory for this session only. */
  warning?: AppErrorValue;
}

/** The local cache's named operations: the only way the app, the CLI and IPC reach it (no SQL). */
export interface CacheStore {
  /** Writes the whole run in one transaction, then evicts least-recently-viewed data over the cap. */
  saveRun(result: CorrelationResult): SavedRun;
  /** The session's latest complete run (else its latest run); marks the session as viewed. */
  openSession(sessionId: string): OpenedSession | null;
  /** Windows of every cached run of the session, for refreshing only what is not covered yet. */
  coveredWindows(sessionId: string): CoveredWindow[];
  /** What the newest `limit` runs scanned (newest first), to estimate a run over the same groups. */
  recentScans(limit: number): RecentScan[];
  /** Most recently viewed or cached first. */
  listSessions(limit?: number): SessionSummary[];
  search(query: SearchQuery): SearchHit[];
  /**
   * Adds up to `maxEvents` not-yet-indexed events to the full-text index (all when omitted) and
   * returns how many still wait. Runs also in the background after each save; search is complete
   * either way (unindexed events are checked row by row), only slower.
   */
  indexPending(maxEvents?: number): { indexed: number; pending: number };
  deleteSession(sessionId: string): void;
  clear(): void;
  stats(): CacheStats;
  setCapBytes(bytes: number): void;
  exportSession(sessionId: string, format: 'json' | 'md'): { fileName: string; content: string };
  /**
   * All or nothing: CACHE_IMPORT_INVALID (with a hint) on bad input. A run already cached (the
   * same file imported again, or the export of a run fetched here) is not stored twice.
   */
  importSession(content: string): ImportResult;
  /** Other cached sessions with the same error fingerprints, from each session's shown run. */
  relatedErrors(sessionId: string, fingerprints: readonly string[], limit: number): RelatedErrors[];
  /** Cached sessions with an error of this fingerprint (prefix) or exception type. */
  sessionsWithError(text: string, limit: number): ErrorOccurrence[];
  close(): void;
}
