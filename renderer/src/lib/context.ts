import type { ErrorGroup, LogEvent } from '../../../shared/domain/correlation';

export interface ContextRowData {
  timestamp: number;
  logStream: string;
  message: string;
  current?: boolean;
}

/** The lines main fetched around the group's sample (GetLogEvents), the sample itself in the middle. */
export function groupContext(group: ErrorGroup, sample: LogEvent | undefined): ContextRowData[] {
  const middle = sample
    ? { timestamp: sample.timestamp, logStream: sample.logStream, message: sample.message, current: true }
    : { timestamp: group.firstSeen, logStream: group.logStream, message: group.title, current: true };
  return [...group.contextBefore, middle, ...group.contextAfter];
}

/**
 * For any other event, the neighbours already loaded from the same stream (the session's own
 * tagged lines; untagged lines are only in a group's fetched context).
 */
export function neighbourContext(events: readonly LogEvent[], event: LogEvent, radius: number): ContextRowData[] {
  const stream = events.filter((e) => e.logStream === event.logStream && e.logGroup === event.logGroup);
  const at = stream.indexOf(event);
  if (at === -1) return [];
  return stream.slice(Math.max(0, at - radius), at + radius + 1).map((e) => ({
    timestamp: e.timestamp,
    logStream: e.logStream,
    message: e.message,
    ...(e === event && { current: true }),
  }));
}
