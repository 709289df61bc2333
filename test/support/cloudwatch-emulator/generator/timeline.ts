import type { LogStore } from '../store/log-store';

/** Events of one stream before they are loaded, plus time ranges reserved for multi-line blocks. */
export interface StreamBuffer {
  group: string;
  stream: string;
  ts: number[];
  msg: string[];
  seq: number[];
  /** Reserved [from, to] ranges (inclusive, sorted): nothing else may land inside. */
  ranges: [number, number][];
}

/**
 * Collects generated events per stream. Multi-line blocks (a stack trace with its context lines)
 * reserve their time range, so no other line can interleave and split them.
 */
export class Timeline {
  private readonly buffers = new Map<string, StreamBuffer>();
  private seq = 0;
  private loaded = 0;
  private readonly merged = new Set<StreamBuffer>();
  /** Tagged-event count per session index. */
  readonly tagged = new Map<number, number>();

  buffer(group: string, stream: string): StreamBuffer {
    const key = `${group}\u0000${stream}`;
    let b = this.buffers.get(key);
    if (b === undefined) {
      b = { group, stream, ts: [], msg: [], seq: [], ranges: [] };
      this.buffers.set(key, b);
    }
    return b;
  }

  /** Earliest start >= from where [start, start + length] is free; reserves and returns it. */
  reserve(b: StreamBuffer, from: number, length: number): number {
    let start = from;
    for (const [lo, hi] of b.ranges) {
      if (hi < start) continue;
      if (lo > start + length) break;
      start = hi + 1;
    }
    let i = b.ranges.findIndex(([lo]) => lo > start);
    if (i < 0) i = b.ranges.length;
    b.ranges.splice(i, 0, [start, start + length]);
    return start;
  }

  /** Adds one event; `tag` is the index of the session whose tag the line carries, if any. */
  push(b: StreamBuffer, ts: number, message: string, tag?: number): void {
    b.ts.push(ts);
    b.msg.push(message);
    b.seq.push(this.seq++);
    if (tag !== undefined) this.tagged.set(tag, (this.tagged.get(tag) ?? 0) + 1);
  }

  /** Adds a single line, moved past any reserved range it would fall into. */
  pushFree(b: StreamBuffer, ts: number, message: string, tag?: number): number {
    const t = this.freeTime(b, ts);
    this.push(b, t, message, tag);
    return t;
  }

  freeTime(b: StreamBuffer, ts: number): number {
    const r = b.ranges;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r[mid]![1] < ts) lo = mid + 1;
      else hi = mid;
    }
    let t = ts;
    while (lo < r.length && r[lo]![0] <= t) t = r[lo++]![1] + 1;
    return t;
  }

  all(): StreamBuffer[] {
    return [...this.buffers.values()];
  }

  /**
   * Streams a buffer into the store: the caller emits background lines in time order and the
   * buffered session lines are merged in (on equal timestamps, session lines first).
   */
  merge(
    store: LogStore,
    b: StreamBuffer,
    creationTime: number,
    lag: (n: number) => number,
  ): { emit(ts: number, message: string): void; finish(): number } {
    const idx = Array.from({ length: b.ts.length }, (_, i) => i);
    idx.sort((x, y) => b.ts[x]! - b.ts[y]! || b.seq[x]! - b.seq[y]!);
    const stream = store.ensureStream(b.group, b.stream, creationTime);
    let k = 0;
    let n = 0;
    const append = (ts: number, message: string): void => {
      stream.append(ts, message, ts + lag(this.loaded++));
      n++;
    };
    this.merged.add(b);
    return {
      emit: (ts, message) => {
        while (k < idx.length && b.ts[idx[k]!]! <= ts) append(b.ts[idx[k]!]!, b.msg[idx[k++]!]!);
        append(ts, message);
      },
      finish: () => {
        while (k < idx.length) append(b.ts[idx[k]!]!, b.msg[idx[k++]!]!);
        b.ts = [];
        b.msg = [];
        b.seq = [];
        return n;
      },
    };
  }

  /** Loads the buffers no one merged background lines into; returns their event count. */
  flushRest(store: LogStore, creationTime: number, lag: (n: number) => number): number {
    let total = 0;
    for (const b of this.buffers.values()) if (!this.merged.has(b)) total += this.merge(store, b, creationTime, lag).finish();
    return total;
  }
}
