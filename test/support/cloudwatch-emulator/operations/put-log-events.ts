import { AwsError, invalidParameter, validationError } from '../server/aws-error';
import { type Input, patterns } from '../server/input';
import type { OperationContext } from '../state';
import { sequenceToken } from './groups-streams';
import { EVENT_OVERHEAD_BYTES } from '../store/event-size';

/** PutLogEvents quotas (service docs): batch bytes count each message's UTF-8 size + 26. */
const MAX_BATCH_BYTES = 1_048_576;
const MAX_BATCH_EVENTS = 10_000;
const MAX_SPAN_MS = 24 * 3_600_000;
const TOO_NEW_MS = 2 * 3_600_000;
const TOO_OLD_MS = 14 * 24 * 3_600_000;

export function putLogEvents(input: Input, ctx: OperationContext): unknown {
  const groupName = input.reqStr('logGroupName', { min: 1, max: 512, pattern: patterns.logGroupName });
  const streamName = input.reqStr('logStreamName', { min: 1, max: 512, pattern: patterns.logStreamName });
  input.str('sequenceToken', { min: 1 });
  const raw = input.list('logEvents');
  if (raw === undefined) throw validationError('logEvents', undefined, 'Member must not be null');
  if (raw.length < 1) throw validationError('logEvents', '[]', 'Member must have length greater than or equal to 1');
  if (raw.length > MAX_BATCH_EVENTS)
    throw validationError('logEvents', `[${raw.length} events]`, `Member must have length less than or equal to ${MAX_BATCH_EVENTS}`);
  const events = raw.map((e, i) => {
    const ev = e as { timestamp?: unknown; message?: unknown } | null;
    if (ev === null || typeof ev !== 'object') throw new AwsError('SerializationException', `logEvents.${i + 1} is not a structure`);
    if (typeof ev.timestamp !== 'number' || !Number.isInteger(ev.timestamp) || ev.timestamp < 0) {
      throw validationError(
        `logEvents.${i + 1}.member.timestamp`,
        ev.timestamp,
        'Member must not be null and must be greater than or equal to 0',
      );
    }
    if (typeof ev.message !== 'string' || ev.message.length < 1) {
      throw validationError(`logEvents.${i + 1}.member.message`, ev.message, 'Member must have length greater than or equal to 1');
    }
    return { timestamp: ev.timestamp, message: ev.message };
  });
  const group = ctx.state.store.getGroup(groupName);
  if (group === undefined) throw new AwsError('ResourceNotFoundException', 'The specified log group does not exist.');
  const stream = group.streams.get(streamName);
  if (stream === undefined) throw new AwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
  let bytes = 0;
  for (const e of events) bytes += Buffer.byteLength(e.message, 'utf8') + EVENT_OVERHEAD_BYTES;
  if (bytes > MAX_BATCH_BYTES) throw invalidParameter(`Upload too large: ${bytes} bytes exceeds limit of ${MAX_BATCH_BYTES}`);
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.timestamp < events[i - 1]!.timestamp)
      throw invalidParameter('Log events in a single PutLogEvents request must be in chronological order.');
  }
  // Events outside [now - 14 d, now + 2 h] are rejected individually, the rest accepted.
  let tooOldEnd = -1;
  let tooNewStart = -1;
  events.forEach((e, i) => {
    if (e.timestamp < ctx.now - TOO_OLD_MS) tooOldEnd = i;
    if (tooNewStart < 0 && e.timestamp > ctx.now + TOO_NEW_MS) tooNewStart = i;
  });
  const valid = events.slice(tooOldEnd + 1, tooNewStart < 0 ? events.length : tooNewStart);
  if (valid.length > 1 && valid[valid.length - 1]!.timestamp - valid[0]!.timestamp > MAX_SPAN_MS) {
    throw invalidParameter('The batch of log events in a single PutLogEvents request cannot span more than 24 hours.');
  }
  for (const e of valid) stream.append(e.timestamp, e.message, ctx.now);
  const rejected = {
    ...(tooNewStart >= 0 ? { tooNewLogEventStartIndex: tooNewStart } : {}),
    ...(tooOldEnd >= 0 ? { tooOldLogEventEndIndex: tooOldEnd } : {}),
  };
  return {
    nextSequenceToken: sequenceToken(stream.count),
    ...(Object.keys(rejected).length > 0 ? { rejectedLogEventsInfo: rejected } : {}),
  };
}
