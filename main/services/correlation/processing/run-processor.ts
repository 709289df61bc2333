import type { ErrorGroup, LogEvent } from '../../../../shared/domain/correlation';
import { describeEvent } from '../log-shapes/describe-event';
import { GroupBuilder } from './group-errors';
import { eventId } from './id-hash';
import { MAX_TRACE_GAP_MS, StreamJoiner } from './join-stack-traces';
import { normaliseRow, type StreamCache } from './normalise-row';
import type { ProcessOptions, WorkEvent } from './types';
import type { RowBatch } from '../rows/row-batch';

interface Stream {
  joiner: StreamJoiner;
  /** Ids given in the stream's current millisecond, with the message as it arrived: identical lines there are one event. */
  moment: number;
  ids: Map<string, string>;
}

/**
 * The whole per-run processing, fed page by page: rows → normalised events, identical events
 * dropped, split stack traces joined per stream, each event described (summary, exception) once
 * its trace is whole, errors fingerprinted and grouped. Each call
 * returns the events that are final (their trace closed, their fingerprint stamped), so they can
 * be stored and forgotten; what it keeps is one open trace per stream and one entry per group.
 * Rows must come in time order per stream, as a batch's queries deliver them.
 */
export class RunProcessor {
  private readonly streamInfo: StreamCache = new Map();
  private readonly streams = new Map<string, Stream>();
  private readonly grouper: GroupBuilder;
  private order = 0;
  /** Rows without a readable timestamp: they cannot be placed on the timeline, so they are left out. */
  dropped = 0;
  /** Events handed out so far. */
  emitted = 0;

  constructor(private readonly options: ProcessOptions) {
    this.grouper = new GroupBuilder(options);
  }

  /** One page of rows (one batch's, in time order); returns the events it finished. */
  push(page: RowBatch): LogEvent[] {
    const out: WorkEvent[] = [];
    for (const row of page.rows) {
      const work = normaliseRow(row, page.source, this.options.sessionStart, this.order++, this.streamInfo);
      if (work) this.add(work, out);
      else this.dropped += 1;
    }
    return this.finished(out);
  }

  /** An event already normalised, in time order within its stream. */
  pushWork(work: WorkEvent): LogEvent[] {
    const out: WorkEvent[] = [];
    this.add(work, out);
    return this.finished(out);
  }

  /**
   * Every row up to `time` has been delivered: a stream quiet for longer than a trace may pause
   * cannot be continued, so its held events are final.
   */
  flushIdle(time: number): LogEvent[] {
    const out: WorkEvent[] = [];
    for (const stream of this.streams.values()) {
      const last = stream.joiner.lastTimestamp();
      if (last !== undefined && time - last > MAX_TRACE_GAP_MS) out.push(...stream.joiner.flush());
    }
    return this.finished(out);
  }

  /** The end of the rows: every held event is final. */
  flush(): LogEvent[] {
    const out: WorkEvent[] = [];
    for (const stream of this.streams.values()) out.push(...stream.joiner.flush());
    return this.finished(out);
  }

  /** The groups so far, most frequent first. */
  groups(): ErrorGroup[] {
    return this.grouper.groups();
  }

  /** The first occurrence of a group, as handed out. */
  sampleOf(fingerprint: string): LogEvent | undefined {
    return this.grouper.sampleOf(fingerprint);
  }

  private add(work: WorkEvent, out: WorkEvent[]): void {
    let stream = this.streams.get(work.streamKey);
    if (!stream) this.streams.set(work.streamKey, (stream = { joiner: new StreamJoiner(), moment: Number.NaN, ids: new Map() }));
    if (!assignId(stream, work)) return;
    out.push(...stream.joiner.push(work));
  }

  private finished(works: WorkEvent[]): LogEvent[] {
    const events = works.map((work) => {
      describe(work);
      this.grouper.add(work);
      return work.event;
    });
    this.emitted += events.length;
    return events;
  }
}

/** Summary and exception of one event, once its trace is whole. */
function describe(work: WorkEvent): void {
  const { event } = work;
  const { parts, description } = describeEvent({
    message: event.message,
    level: event.level,
    body: work.body,
    record: work.record,
    stack: work.stack,
    title: work.title,
  });
  Object.assign(event, parts);
  if (description) work.description = description;
}

/**
 * Gives the event its id, or returns false when the stream already had an identical one in the
 * same millisecond (two queries that overlap at an edge return it twice). The id hashes stream,
 * timestamp and message, so it does not depend on which query, batch or order delivered the row —
 * a re-run gives the same ids, which the cache relies on. Ids of different content that collide
 * get a suffix; only one millisecond of one stream is compared, where identical content can occur.
 */
function assignId(stream: Stream, work: WorkEvent): boolean {
  const { event } = work;
  if (event.timestamp !== stream.moment) {
    stream.moment = event.timestamp;
    stream.ids.clear();
  }
  const hash = eventId(work.streamKey, event.timestamp, event.message);
  let id = hash;
  let holder = stream.ids.get(id);
  for (let n = 2; holder !== undefined && holder !== event.message; n++) {
    id = `${hash}-${n}`;
    holder = stream.ids.get(id);
  }
  if (holder !== undefined) return false;
  stream.ids.set(id, event.message);
  event.id = id;
  return true;
}
