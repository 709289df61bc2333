import type { CacheStats, SearchHit, SearchQuery, SessionSummary } from '../../../shared/domain/cache';
import type { ErrorOccurrence, RelatedErrors } from '../../../shared/domain/error-sessions';
import type { ImportResult } from '../../../shared/domain/session-file';
import type {
  ContextLine,
  CorrelationResult,
  ErrorGroup,
  LogEvent,
  RunFailure,
  RunStats,
  SessionInfo,
  TimeWindow,
} from '../../../shared/domain/correlation';
import type { AppErrorValue } from '../../../shared/errors';
import type { CoveredWindow } from './covered-windows';
import type { RecentScan } from './recent-scans';
import type { EventPageOptions } from './event-reader';
import type { ViewHeader } from './run-views';
import type { EventFilter, EventPage, RunRef, SessionView, TimelineBin } from '../../../shared/domain/session-view';
import type { Domain } from '../../../shared/domain/timeline';

export interface OpenedView {
  view: SessionView & { run: RunRef };
  cachedAt: number;
  /** The parts of its window whose every line the run holds. */
  covered: TimeWindow[];
}

export interface EventPageRequest {
  run: RunRef;
  filter: EventFilter;
  offset: number;
  limit: number;
  withTotal: boolean;
}

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

/** What a run knows before its first event. */
export interface RunStart {
  session: SessionInfo;
  window: TimeWindow;
  connections: CorrelationResult['connections'];
  ranAt: number;
}

/** What a run knows at its end. */
export interface RunEnd {
  stats: RunStats;
  groups: ErrorGroup[];
  failures: RunFailure[];
  complete: boolean;
  /** The parts of the window whose every line is in the run: a refresh queries only the rest. */
  covered: TimeWindow[];
  /** The window, when it differs from the one the run started with (a refresh merged into it). */
  window?: TimeWindow;
}

/**
 * A run written while its queries run, one transaction per page of events. It is invisible
 * (no session shows it, search and eviction skip it) until `finish`; a crash leaves it behind
 * unfinished, and the next start deletes it.
 */
export interface RunWriter {
  readonly runId: number;
  append(events: readonly LogEvent[]): void;
  /** Copies the events of another run of the session whose time lies in `ranges` (a refresh keeps them). */
  copyFrom(runId: number, ranges: readonly TimeWindow[]): number;
  /** Makes the run visible (its session's current run if it outranks it) and evicts over the cap. */
  finish(end: RunEnd): SavedRun;
  /** Deletes the unfinished run. */
  abort(): void;
}

/** The local cache's named operations: the only way the app, the CLI and IPC reach it (no SQL). */
export interface CacheStore {
  /** Writes the whole run in one transaction, then evicts least-recently-viewed data over the cap. */
  saveRun(result: CorrelationResult): SavedRun;
  /** Starts a run written page by page (see RunWriter). */
  beginRun(start: RunStart): RunWriter;
  /** A run's events (finished or still being written) in time order, a page at a time. */
  eventPages(runId: number, options?: EventPageOptions): Iterable<LogEvent[]>;
  /** One run as saved, by its ID (a whole CorrelationResult: for exports and small runs). */
  readRun(runId: number): CorrelationResult;
  /** The session's latest complete run (else its latest run); marks the session as viewed. */
  openSession(sessionId: string): OpenedSession | null;
  /** The same run as openSession, as a view: no events beyond the first page. */
  openView(sessionId: string): OpenedView | null;
  /** A view of one run; of a run still being written, with the header its writer knows. */
  runView(ref: RunRef, header?: ViewHeader): SessionView;
  /** One page of a run's events, filtered, in time order. */
  eventPage(request: EventPageRequest): EventPage;
  /** Event counts per timeline bin of a run, filtered (the filter's bin aside). */
  timeline(request: { run: RunRef; filter: EventFilter; domain: Domain; count: number }): TimelineBin[];
  /** One event of a run by id, and its place in the list a filter shows. */
  findEvent(request: {
    run: RunRef;
    eventId: string;
    timestamp?: number;
    filter?: EventFilter;
  }): { event: LogEvent; index?: number } | null;
  /** The run's events of one event's stream around it. */
  neighbours(request: { run: RunRef; eventId: string; timestamp?: number; radius: number }): LogEvent[];
  /** One error group of a run. */
  group(ref: RunRef, fingerprint: string): ErrorGroup | null;
  /** Keeps the context lines fetched for a group when it was opened (the run fetched only the largest groups'). */
  setGroupContext(ref: RunRef, fingerprint: string, lines: { before: readonly ContextLine[]; after: readonly ContextLine[] }): void;
  /** The time of the run's last event before `time`, if any (where a refresh may split). */
  lastEventBefore(runId: number, time: number): number | undefined;
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
