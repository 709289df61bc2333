import { type Input, patterns } from '../server/input';
import { invalidParameter } from '../server/aws-error';
import type { OperationContext } from '../state';
import type { LogStream } from '../store/log-stream';
import { compileFilterPattern } from './filter-pattern';
import { decodeToken, encodeToken, requireGroup } from './resolve';

const MAX_PAGE_BYTES = 1_048_576;

interface Hit {
  stream: LogStream;
  index: number;
  ts: number;
}

/** Interleaved across streams, ordered by timestamp (then ingestion order); paged by a resume key. */
export function filterLogEvents(input: Input, ctx: OperationContext): unknown {
  const group = requireGroup(input, ctx);
  const names = input.strList('logStreamNames', { min: 1, max: 512, pattern: patterns.logStreamName }, 100);
  const prefix = input.str('logStreamNamePrefix', { min: 1, max: 512, pattern: patterns.logStreamName });
  if (names !== undefined && prefix !== undefined)
    throw invalidParameter('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
  const startTime = input.num('startTime', { min: 0 });
  const endTime = input.num('endTime', { min: 0 });
  const filterPattern = input.str('filterPattern', { max: 1024 });
  const limit = input.num('limit', { min: 1, max: 10_000 }) ?? 10_000;
  const token = input.str('nextToken', { min: 1 });
  input.bool('interleaved');
  input.bool('unmask');
  const predicate = compileFilterPattern(filterPattern);
  const resume = token === undefined ? undefined : parseResume(decodeToken(`filter:${group.name}`, token));
  const hits: Hit[] = [];
  for (const stream of group.streams.values()) {
    if (names !== undefined && !names.includes(stream.name)) continue;
    if (prefix !== undefined && !stream.name.startsWith(prefix)) continue;
    const lo = startTime === undefined ? 0 : stream.lowerBound(startTime);
    // endTime is inclusive for FilterLogEvents (unlike GetLogEvents).
    const hi = endTime === undefined ? stream.count : stream.lowerBound(endTime + 1);
    for (let pos = lo; pos < hi; pos++) {
      const index = stream.at(pos);
      const ts = stream.timestamps[index]!;
      if (resume !== undefined && compareKey([ts, stream.id, index], resume) <= 0) continue;
      if (predicate(stream.messages[index]!)) hits.push({ stream, index, ts });
    }
  }
  hits.sort((a, b) => compareKey([a.ts, a.stream.id, a.index], [b.ts, b.stream.id, b.index]));
  const events = [];
  let bytes = 0;
  for (const h of hits) {
    const size = h.stream.sizes[h.index]! + 26;
    if (events.length >= limit || bytes + size > MAX_PAGE_BYTES) break;
    bytes += size;
    events.push({
      logStreamName: h.stream.name,
      timestamp: h.ts,
      message: h.stream.messages[h.index],
      ingestionTime: h.stream.ingestion[h.index],
      eventId: eventId(h.ts, h.stream.id, h.index),
    });
  }
  const last = hits[events.length - 1];
  const more = events.length < hits.length && last !== undefined;
  return {
    events,
    searchedLogStreams: [],
    ...(more ? { nextToken: encodeToken(`filter:${group.name}`, `${last.ts}:${last.stream.id}:${last.index}`) } : {}),
  };
}

type Key = [number, number, number];

function compareKey(a: Key, b: Key): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function parseResume(value: string): Key {
  const parts = value.split(':').map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) throw invalidParameter('The specified nextToken is invalid.');
  return parts as Key;
}

/** Event IDs are 56-digit strings in the real service. */
function eventId(ts: number, streamId: number, index: number): string {
  return `${String(ts).padStart(16, '0')}${String(streamId).padStart(10, '0')}${String(index).padStart(30, '0')}`;
}
