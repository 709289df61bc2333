import { EVENT_OVERHEAD_BYTES } from './event-size';
import { LogStream } from './log-stream';

export class LogGroup {
  readonly id: number;
  readonly name: string;
  readonly creationTime: number;
  readonly streams = new Map<string, LogStream>();
  /** PutRetentionPolicy; undefined means events never expire. */
  retentionInDays: number | undefined;

  constructor(id: number, name: string, creationTime: number) {
    this.id = id;
    this.name = name;
    this.creationTime = creationTime;
  }

  /**
   * What DescribeLogGroups reports: every event as message bytes plus the per-event overhead, as
   * CloudWatch meters it, and only events inside the retention period (those older are expired,
   * even if CloudWatch takes up to 72 hours to delete them and queries may still see them).
   */
  storedBytes(now: number): number {
    let total = 0;
    if (this.retentionInDays === undefined) {
      for (const s of this.streams.values()) total += s.storedBytes;
      return total;
    }
    const oldest = now - this.retentionInDays * 86_400_000;
    for (const s of this.streams.values()) {
      for (let i = 0; i < s.count; i += 1) if (s.timestamps[i]! >= oldest) total += s.sizes[i]! + EVENT_OVERHEAD_BYTES;
    }
    return total;
  }
}

/** An event as it was appended, for whoever follows the store live. */
export interface AppendedEvent {
  group: LogGroup;
  stream: LogStream;
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface EventRef {
  group: LogGroup;
  stream: LogStream;
  index: number;
}

/** All groups of the emulated account (one store serves every region). */
export class LogStore {
  readonly groups = new Map<string, LogGroup>();
  private readonly streamsById: { group: LogGroup; stream: LogStream }[] = [];
  private nextGroupId = 0;
  /** Live Tail sessions: each is told of every event appended to any stream. */
  readonly followers = new Set<(event: AppendedEvent) => void>();

  getGroup(name: string): LogGroup | undefined {
    return this.groups.get(name);
  }

  createGroup(name: string, now = Date.now()): LogGroup {
    const group = new LogGroup(this.nextGroupId++, name, now);
    this.groups.set(name, group);
    return group;
  }

  createStream(group: LogGroup, name: string, now = Date.now()): LogStream {
    const stream = new LogStream(this.streamsById.length, name, now);
    group.streams.set(name, stream);
    this.streamsById.push({ group, stream });
    stream.onAppend = (i) => {
      if (this.followers.size === 0) return;
      const event: AppendedEvent = {
        group,
        stream,
        timestamp: stream.timestamps[i]!,
        message: stream.messages[i]!,
        ingestionTime: stream.ingestion[i]!,
      };
      for (const follow of this.followers) follow(event);
    };
    return stream;
  }

  ensureStream(groupName: string, streamName: string, now = Date.now()): LogStream {
    const group = this.groups.get(groupName) ?? this.createGroup(groupName, now);
    return group.streams.get(streamName) ?? this.createStream(group, streamName, now);
  }

  streamById(id: number): { group: LogGroup; stream: LogStream } | undefined {
    return this.streamsById[id];
  }

  totalEvents(): number {
    let n = 0;
    for (const s of this.streamsById) n += s.stream.count;
    return n;
  }
}
