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
 * For any other event, its neighbours in the same stream (the session's own tagged lines, read
 * from the cache; untagged lines are only in a group's fetched context), the event marked.
 */
export function neighbourContext(neighbours: readonly LogEvent[], event: LogEvent): ContextRowData[] {
  return neighbours.map((e) => ({
    timestamp: e.timestamp,
    logStream: e.logStream,
    message: e.message,
    ...(e.id === event.id && { current: true }),
  }));
}
