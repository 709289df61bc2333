import type { LogEvent, TimeWindow } from '../../../shared/domain/correlation';
import type { AppError, AppErrorValue } from '../../../shared/errors';
import type { CacheStore, RunEnd, RunStart, RunWriter, SavedRun } from './cache-types';

/** What the writer needs from its LayeredStore. */
export interface Layers {
  /** Where writes go now: the disk, or memory once the disk refused one. */
  target(): CacheStore;
  /** The store holding a run, by its ID (the overflow's IDs are apart from the disk's). */
  storeOf(runId: number): CacheStore;
  /** Switches writes to memory after the disk refused `error`; returns the memory store. */
  failOver(error: AppError): CacheStore;
  isWriteFailed(error: unknown): error is AppError;
}

/**
 * A run written through a LayeredStore. When the disk refuses a page halfway through the run,
 * the pages already on disk are read back (reading still works on a full disk), the run carries
 * on in memory, and `finish` says so with a warning: nothing that arrived is lost.
 */
export class LayeredRunWriter implements RunWriter {
  private store: CacheStore;
  private writer: RunWriter;
  private warning: AppErrorValue | undefined;

  constructor(
    private readonly layers: Layers,
    private readonly start: RunStart,
  ) {
    this.store = layers.target();
    try {
      this.writer = this.store.beginRun(start);
    } catch (error) {
      if (!layers.isWriteFailed(error) || this.store !== layers.target()) throw error;
      this.store = layers.failOver(error);
      this.writer = this.store.beginRun(start);
      this.warning = error.toValue();
    }
  }

  get runId(): number {
    return this.writer.runId;
  }

  append(events: readonly LogEvent[]): void {
    this.guard((writer) => writer.append(events));
  }

  copyFrom(runId: number, ranges: readonly TimeWindow[]): number {
    const source = this.layers.storeOf(runId);
    if (source === this.store) return this.guard((writer) => writer.copyFrom(runId, ranges));
    let copied = 0;
    for (const page of source.eventPages(runId, { ranges })) {
      this.append(page);
      copied += page.length;
    }
    return copied;
  }

  finish(end: RunEnd): SavedRun {
    const saved = this.guard((writer) => writer.finish(end));
    return this.warning ? { ...saved, warning: this.warning } : saved;
  }

  abort(): void {
    this.writer.abort();
  }

  private guard<T>(work: (writer: RunWriter) => T): T {
    try {
      return work(this.writer);
    } catch (error) {
      if (!this.layers.isWriteFailed(error) || this.warning !== undefined) throw error;
      this.moveToMemory(error);
      return work(this.writer);
    }
  }

  private moveToMemory(error: AppError): void {
    const disk = { store: this.store, writer: this.writer };
    this.store = this.layers.failOver(error);
    this.writer = this.store.beginRun(this.start);
    this.warning = error.toValue();
    for (const page of disk.store.eventPages(disk.writer.runId)) this.writer.append(page);
    try {
      disk.writer.abort();
    } catch {
      // The disk refuses even the clean-up: the unfinished run stays invisible and goes at the next start.
    }
  }
}
