import { EVENT_OVERHEAD_BYTES } from './event-size';

/**
 * One log stream, stored column-wise so a million events stay lean: timestamps and ingestion
 * times in typed arrays, UTF-8 sizes precomputed (bytesScanned is summed on every query), and
 * messages as plain strings. Events are kept in insertion order (pointers stay valid); a sorted
 * permutation is built lazily only when events arrived out of timestamp order.
 */
export class LogStream {
  readonly id: number;
  readonly name: string;
  readonly creationTime: number;
  count = 0;
  timestamps = new Float64Array(16);
  ingestion = new Float64Array(16);
  sizes = new Uint32Array(16);
  messages: string[] = [];
  /** Messages plus the per-event overhead, as a log group's storedBytes counts them. */
  storedBytes = 0;
  lastIngestionTime: number | undefined;
  /** Told of every event appended (Live Tail sessions follow the store through it). */
  onAppend: ((index: number) => void) | undefined;
  private sortedUpTo = 0;
  private order: Int32Array | null = null;
  private inOrder = true;

  constructor(id: number, name: string, creationTime: number) {
    this.id = id;
    this.name = name;
    this.creationTime = creationTime;
  }

  append(timestamp: number, message: string, ingestionTime: number): void {
    if (this.count === this.timestamps.length) this.grow();
    const i = this.count;
    if (i > 0 && timestamp < this.timestamps[i - 1]!) this.inOrder = false;
    this.timestamps[i] = timestamp;
    this.ingestion[i] = ingestionTime;
    const size = Buffer.byteLength(message, 'utf8');
    this.sizes[i] = size;
    this.messages.push(message);
    this.storedBytes += size + EVENT_OVERHEAD_BYTES;
    this.count = i + 1;
    if (this.lastIngestionTime === undefined || ingestionTime > this.lastIngestionTime) this.lastIngestionTime = ingestionTime;
    this.onAppend?.(i);
  }

  /** Event index (insertion order) at sorted position `pos`. */
  at(pos: number): number {
    const order = this.sortedOrder();
    return order === null ? pos : order[pos]!;
  }

  /** null when insertion order already is timestamp order. */
  sortedOrder(): Int32Array | null {
    if (this.inOrder) return null;
    if (this.order !== null && this.sortedUpTo === this.count) return this.order;
    const ts = this.timestamps;
    const idx = Array.from({ length: this.count }, (_, i) => i);
    // Stable: equal timestamps keep ingestion order, as CloudWatch does.
    idx.sort((a, b) => ts[a]! - ts[b]! || a - b);
    this.order = Int32Array.from(idx);
    this.sortedUpTo = this.count;
    return this.order;
  }

  /** First sorted position whose timestamp is >= ms. */
  lowerBound(ms: number): number {
    const order = this.sortedOrder();
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.timestamps[order === null ? mid : order[mid]!]!;
      if (t < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  firstTimestamp(): number | undefined {
    return this.count === 0 ? undefined : this.timestamps[this.at(0)];
  }

  lastTimestamp(): number | undefined {
    return this.count === 0 ? undefined : this.timestamps[this.at(this.count - 1)];
  }

  private grow(): void {
    const cap = this.timestamps.length * 2;
    const t = new Float64Array(cap);
    t.set(this.timestamps);
    this.timestamps = t;
    const g = new Float64Array(cap);
    g.set(this.ingestion);
    this.ingestion = g;
    const s = new Uint32Array(cap);
    s.set(this.sizes);
    this.sizes = s;
  }
}
