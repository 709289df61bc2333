import type { DatabaseSync } from 'node:sqlite';
import type { LogEvent, TimeWindow } from '../../../shared/domain/correlation';
import type { RunEnd, RunStart, RunWriter, SavedRun } from './cache-types';
import { deleteRunRows } from './eviction';
import { appendCopied, appendEvents, beginRun, finishRun, type WriterMark } from './run-writer';

/** What a run writer needs from its SqliteCache. */
export interface RunWriterHost {
  db: DatabaseSync;
  now(): number;
  /** Runs `work` in a write transaction, mapping disk failures to CACHE_WRITE_FAILED. */
  write<T>(work: () => T): T;
  minRunId: number;
  /** After a run became visible: index it, evict over the cap. */
  finished(sessionId: string): void;
}

/** One run written page by page into a SqliteCache (see RunWriter). */
export class SqliteRunWriter implements RunWriter {
  readonly runId: number;
  private done = false;

  constructor(
    private readonly host: RunWriterHost,
    private readonly start: RunStart,
  ) {
    this.runId = host.write(() => beginRun(host.db, start, this.mark(), host.minRunId));
  }

  private mark(): WriterMark {
    return { pid: process.pid, at: this.host.now() };
  }

  append(events: readonly LogEvent[]): void {
    if (events.length === 0) return;
    this.host.write(() => appendEvents(this.host.db, this.runId, events, this.host.now()));
  }

  copyFrom(runId: number, ranges: readonly TimeWindow[]): number {
    if (ranges.length === 0) return 0;
    return this.host.write(() => appendCopied(this.host.db, this.runId, runId, ranges, this.host.now()));
  }

  finish(end: RunEnd): SavedRun {
    this.host.write(() => finishRun(this.host.db, this.runId, end, this.host.now()));
    this.done = true;
    this.host.finished(this.start.session.id);
    return { runId: this.runId };
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    const { db } = this.host;
    this.host.write(() => {
      const run = db.prepare('SELECT id, first_event, last_event, indexed_to FROM runs WHERE id = ? AND state = 0').get(this.runId) as
        { id: number; first_event: number | null; last_event: number | null; indexed_to: number | null } | undefined;
      if (run) deleteRunRows(db, run);
      db.prepare(
        'DELETE FROM sessions WHERE id = ? AND current_run_id IS NULL AND NOT EXISTS (SELECT 1 FROM runs WHERE session_id = ?)',
      ).run(this.start.session.id, this.start.session.id);
    });
  }
}
