import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ErrorGroup, LogEvent } from '../../../shared/domain/correlation';
import { toErrorValue, type AppErrorValue } from '../../../shared/errors';
import { fetchContextLines, type ContextOptions } from './context-lines';

/** GetLogEvents allows 25 calls per second per account: a few at a time stays well under it. */
const DEFAULT_CONCURRENCY = 4;

export interface ContextFailure {
  fingerprint: string;
  error: AppErrorValue;
}

/**
 * Fills `contextBefore`/`contextAfter` of every group from its first occurrence's log stream.
 * A group whose context cannot be read keeps empty context and is listed in the failures: the
 * groups themselves are already right, and context is an aid, so one failure sinks nothing.
 */
export async function fillGroupContext(
  groups: ErrorGroup[],
  events: LogEvent[],
  clientFor: (connectionId: string) => CloudWatchLogsClient | undefined,
  options: ContextOptions & { concurrency?: number } = {},
): Promise<ContextFailure[]> {
  const byId = new Map(events.map((event) => [event.id, event]));
  const failures: ContextFailure[] = [];
  const queue = [...groups];
  const worker = async (): Promise<void> => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      const sample = byId.get(group.sampleEventId);
      const client = sample ? clientFor(sample.connectionId) : undefined;
      if (!sample || !client) continue;
      try {
        const { before, after } = await fetchContextLines(
          client,
          { logGroup: sample.logGroup, logStream: sample.logStream, timestamp: sample.timestamp, message: sample.message },
          options,
        );
        group.contextBefore = before;
        group.contextAfter = after;
      } catch (error) {
        failures.push({ fingerprint: group.fingerprint, error: toErrorValue(error) });
        if (options.signal?.aborted) return;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, worker));
  const order = new Map(groups.map((group, index) => [group.fingerprint, index]));
  return failures.sort((a, b) => (order.get(a.fingerprint) ?? 0) - (order.get(b.fingerprint) ?? 0));
}
