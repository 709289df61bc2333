import type { ErrorGroup } from '../../../shared/domain/correlation';
import { describeError } from '../log-shapes/describe-error';
import { isErrorLevel, maxLevel } from '../log-shapes/levels';
import { fingerprintError } from './fingerprint';
import type { ProcessOptions, WorkEvent } from './types';

/**
 * Groups the error events (level error or fatal — a stack trace with no stated level counts as
 * an error, a warning with one does not) by fingerprint, and stamps the fingerprint on each
 * event. `events` must be sorted by time, so a group's first event is its first occurrence.
 * Context lines are left empty: fetching them needs the network (see context-lines.ts).
 */
export function groupErrors(events: WorkEvent[], options: ProcessOptions): ErrorGroup[] {
  const groups = new Map<string, ErrorGroup>();
  for (const work of events) {
    const { event } = work;
    if (!isErrorLevel(event.level)) continue;
    const description = work.description ?? describeError({ level: event.level, body: work.body, ...(work.record && { record: work.record }) });
    const { fingerprint, title } = fingerprintError(description);
    event.fingerprint = fingerprint;
    const group = groups.get(fingerprint);
    if (group) {
      group.count++;
      group.lastSeen = Math.max(group.lastSeen, event.timestamp);
      group.offsetsMs.push(event.offsetMs);
      group.level = maxLevel(group.level, event.level);
      continue;
    }
    const created: ErrorGroup = {
      fingerprint,
      title,
      type: description.type,
      level: event.level,
      count: 1,
      firstSeen: event.timestamp,
      lastSeen: event.timestamp,
      firstOffsetMs: event.offsetMs,
      offsetsMs: [event.offsetMs],
      sampleEventId: event.id,
      connection: event.connection,
      logGroup: event.logGroup,
      logStream: event.logStream,
      frames: description.frames,
      contextBefore: [],
      contextAfter: [],
    };
    if (description.stack !== undefined) created.stack = description.stack;
    if (description.exception) created.exception = description.exception;
    const replayUrl = options.replayUrlAt?.(event.offsetMs);
    if (replayUrl !== undefined) created.replayUrl = replayUrl;
    groups.set(fingerprint, created);
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || a.firstSeen - b.firstSeen || (a.fingerprint < b.fingerprint ? -1 : 1),
  );
}
