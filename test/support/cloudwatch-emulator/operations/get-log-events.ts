import { invalidParameter } from '../server/aws-error';
import { type Input, patterns } from '../server/input';
import type { OperationContext } from '../state';
import { requireGroup, requireStream } from './resolve';

/** A page holds at most 10,000 events or 1 MB (messages + 26 bytes each). */
const MAX_PAGE_EVENTS = 10_000;
const MAX_PAGE_BYTES = 1_048_576;

export function getLogEvents(input: Input, ctx: OperationContext): unknown {
  const group = requireGroup(input, ctx);
  const stream = requireStream(group, input.reqStr('logStreamName', { min: 1, max: 512, pattern: patterns.logStreamName }));
  const startTime = input.num('startTime', { min: 0 });
  const endTime = input.num('endTime', { min: 0 });
  const limit = input.num('limit', { min: 1, max: MAX_PAGE_EVENTS }) ?? MAX_PAGE_EVENTS;
  const startFromHead = input.bool('startFromHead') ?? false;
  const token = input.str('nextToken', { min: 1 });
  input.bool('unmask');
  // startTime inclusive, endTime exclusive (service docs).
  const lo = startTime === undefined ? 0 : stream.lowerBound(startTime);
  const hi = endTime === undefined ? stream.count : Math.max(lo, stream.lowerBound(endTime));
  const parsed = token === undefined ? undefined : parseToken(token);
  const forward = parsed === undefined ? startFromHead : parsed.forward;
  const clamp = (p: number): number => Math.min(hi, Math.max(lo, p));
  let start: number;
  let end: number;
  let bytes = 0;
  const sizeAt = (pos: number): number => stream.sizes[stream.at(pos)]! + 26;
  if (forward) {
    start = parsed === undefined ? lo : clamp(parsed.position);
    end = start;
    while (end < hi && end - start < limit && bytes + sizeAt(end) <= MAX_PAGE_BYTES) bytes += sizeAt(end++);
  } else {
    end = parsed === undefined ? hi : clamp(parsed.position);
    start = end;
    while (start > lo && end - start < limit && bytes + sizeAt(start - 1) <= MAX_PAGE_BYTES) bytes += sizeAt(--start);
  }
  const events = [];
  for (let pos = start; pos < end; pos++) {
    const i = stream.at(pos);
    events.push({ timestamp: stream.timestamps[i], message: stream.messages[i], ingestionTime: stream.ingestion[i] });
  }
  // At either end the same token comes back: that is how clients know to stop.
  return { events, nextForwardToken: makeToken('f', end), nextBackwardToken: makeToken('b', start) };
}

function makeToken(direction: 'f' | 'b', position: number): string {
  return `${direction}/${String(position).padStart(56, '0')}/s`;
}

function parseToken(token: string): { forward: boolean; position: number } {
  const m = /^([fb])\/(\d{56})\/s$/.exec(token);
  if (m === null) throw invalidParameter('The specified nextToken is invalid.');
  return { forward: m[1] === 'f', position: Number(m[2]) };
}
