import type { CorrelationProgress, RunStats } from '../../../../shared/domain/correlation';
import { costUsd } from './cost';

export type QueryProgress = CorrelationProgress['queries'][number];
export type QueryStatus = QueryProgress['status'];
/** A progress snapshot without the request id (the session service adds it). */
export type RunProgress = Omit<CorrelationProgress, 'requestId'>;

/**
 * Keeps the state of every query of a run and turns it into progress snapshots. Status changes
 * are reported at once; statistics-only changes at most every `minIntervalMs`, so dozens of
 * queries polled in parallel cannot flood the renderer.
 */
export class ProgressTracker {
  private readonly entries = new Map<string, QueryProgress>();
  private lastEmit = Number.NEGATIVE_INFINITY;
  private phase: RunProgress['phase'] = 'querying';
  /** StartQuery calls that began a query: re-runs and halves are billed queries too. */
  private started = 0;
  /** Scanned by earlier attempts of a re-run query: billed even though the attempt's rows were dropped. */
  private retired = { bytesScanned: 0, recordsScanned: 0 };
  private parts: RunProgress['parts'] = [];

  constructor(
    private readonly pricePerGb: number,
    private readonly emit: ((progress: RunProgress) => void) | undefined,
    private readonly minIntervalMs = 100,
    private readonly clock: () => number = Date.now,
  ) {}

  add(key: string, connection: string, logGroups: number): void {
    this.entries.set(key, { key, connection, logGroups, status: 'Pending', recordsScanned: 0, recordsMatched: 0, bytesScanned: 0 });
    this.report(true);
  }

  update(key: string, change: Partial<Pick<QueryProgress, 'status' | 'recordsScanned' | 'recordsMatched' | 'bytesScanned'>>): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    const statusChanged = change.status !== undefined && change.status !== entry.status;
    Object.assign(entry, change);
    this.report(statusChanged);
  }

  markStarted(key: string): void {
    this.started += 1;
    const entry = this.entries.get(key);
    if (entry) {
      this.retired.bytesScanned += entry.bytesScanned;
      this.retired.recordsScanned += entry.recordsScanned;
    }
    this.update(key, { status: 'Scheduled', recordsScanned: 0, recordsMatched: 0, bytesScanned: 0 });
  }

  /** The window's parts (epoch ms), all waiting. */
  setParts(parts: readonly { from: number; to: number }[]): void {
    this.parts = parts.map(({ from, to }) => ({ from, to, state: 'waiting' }));
    this.report(true);
  }

  markPart(index: number, state: RunProgress['parts'][number]['state']): void {
    const part = this.parts[index];
    if (!part || part.state === state) return;
    part.state = state;
    this.report(true);
  }

  setPhase(phase: RunProgress['phase'], message?: string): void {
    this.phase = phase;
    this.report(true, message);
  }

  totals(): RunStats {
    let { bytesScanned, recordsScanned } = this.retired;
    let recordsMatched = 0;
    for (const entry of this.entries.values()) {
      bytesScanned += entry.bytesScanned;
      recordsScanned += entry.recordsScanned;
      // Once a query's rows are read this is the rows it added (a capped query's continuation repeats its edge).
      recordsMatched += entry.recordsMatched;
    }
    return { bytesScanned, recordsScanned, recordsMatched, costUsd: costUsd(bytesScanned, this.pricePerGb), queries: this.started };
  }

  snapshot(message?: string): RunProgress {
    const queries = [...this.entries.values()].map((query) => ({ ...query }));
    return {
      phase: this.phase,
      queries,
      totals: this.totals(),
      parts: this.parts.map((part) => ({ ...part })),
      ...(message === undefined ? {} : { message }),
    };
  }

  private report(force: boolean, message?: string): void {
    if (!this.emit) return;
    const now = this.clock();
    if (!force && now - this.lastEmit < this.minIntervalMs) return;
    this.lastEmit = now;
    this.emit(this.snapshot(message));
  }
}
