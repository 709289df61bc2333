import type { LogEvent } from '../../../shared/domain/correlation';
import type { EventFilter, EventPage, RunRef } from '../../../shared/domain/session-view';
import type { Result } from '../../../shared/ipc/result';

/** Events per request: one screen and a bit, so a scroll step rarely waits for more than one. */
export const PAGE_EVENTS = 200;
/** Pages kept: the ones around the view; a long scroll drops the oldest, so memory stays flat. */
const MAX_PAGES = 30;

export type FetchPage = (request: {
  run: RunRef;
  filter: EventFilter;
  offset: number;
  limit: number;
  withTotal: boolean;
}) => Promise<Result<EventPage>>;

/**
 * The event list's window onto a run in the cache: the events of one filter, read a page at a
 * time as the list scrolls, the pages near the view kept and the rest dropped. The renderer never
 * holds the whole session. Listeners hear of every page that arrives.
 */
export class EventPages {
  total: number | undefined;
  /** Bumped on every change, for React's useSyncExternalStore. */
  version = 0;
  private readonly pages = new Map<number, LogEvent[]>();
  private readonly loading = new Map<number, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly run: RunRef | undefined,
    private readonly filter: EventFilter,
    private readonly fetch: FetchPage,
    /** The first events and their count when already known (the view's unfiltered first page). */
    first?: { events: readonly LogEvent[]; total: number },
  ) {
    if (first) {
      this.total = first.total;
      if (first.events.length > 0) this.pages.set(0, [...first.events]);
    } else if (!run) this.total = 0;
    else void this.load(0, true);
  }

  eventAt(index: number): LogEvent | undefined {
    return this.pages.get(Math.floor(index / PAGE_EVENTS))?.[index % PAGE_EVENTS];
  }

  /** Where a loaded event sits in the list, or -1. */
  indexOf(id: string): number {
    for (const [page, events] of this.pages) {
      const at = events.findIndex((e) => e.id === id);
      if (at !== -1) return page * PAGE_EVENTS + at;
    }
    return -1;
  }

  find(id: string): LogEvent | undefined {
    for (const events of this.pages.values()) {
      const found = events.find((e) => e.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /** Asks for the pages of events [from, to] that are not there yet. */
  want(from: number, to: number): void {
    if (!this.run || this.total === undefined) return;
    const last = Math.min(to, this.total - 1);
    for (let page = Math.floor(Math.max(0, from) / PAGE_EVENTS); page * PAGE_EVENTS <= last; page += 1) {
      if (!this.pages.has(page)) void this.load(page, false);
      else this.touch(page);
    }
  }

  /** The event at `index`, read first if needed. */
  async at(index: number): Promise<LogEvent | undefined> {
    const page = Math.floor(index / PAGE_EVENTS);
    if (!this.pages.has(page)) await this.load(page, false);
    return this.eventAt(index);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The list moved on (another filter or run): late answers are ignored. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }

  private load(page: number, withTotal: boolean): Promise<void> {
    const pending = this.loading.get(page);
    if (pending) return pending;
    const run = this.run;
    if (!run) return Promise.resolve();
    const loaded = this.fetch({ run, filter: this.filter, offset: page * PAGE_EVENTS, limit: PAGE_EVENTS, withTotal }).then((result) => {
      this.loading.delete(page);
      if (this.closed || !result.ok) return;
      if (result.value.total !== undefined) this.total = result.value.total;
      this.pages.set(page, result.value.events);
      this.evict(page);
      this.changed();
    });
    this.loading.set(page, loaded);
    return loaded;
  }

  /** Map order is insertion order: re-inserting marks a page as recently used. */
  private touch(page: number): void {
    const events = this.pages.get(page);
    if (!events) return;
    this.pages.delete(page);
    this.pages.set(page, events);
  }

  private evict(keep: number): void {
    for (const page of this.pages.keys()) {
      if (this.pages.size <= MAX_PAGES) break;
      if (page !== keep) this.pages.delete(page);
    }
  }

  private changed(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}
