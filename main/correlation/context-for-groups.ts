import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ContextLine, ErrorGroup, LogEvent } from '../../shared/domain/correlation';
import { isAppError } from '../../shared/errors';
import { settleAll } from './queries/run-part';
import { cancelledError } from './queries/timing';
import type { QueryTarget } from './queries/types';

export type ContextFetcher = (
  client: CloudWatchLogsClient,
  at: { logGroup: string; logStream: string; timestamp: number },
  options: { events: number; seconds: number },
) => Promise<{ before: ContextLine[]; after: ContextLine[] }>;

export interface ContextOptions {
  events: number;
  seconds: number;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
}

/**
 * Fills each group's context lines from the stream of its first occurrence. Context is a help,
 * not the result: a group whose lines cannot be fetched (retention, a denied GetLogEvents) keeps
 * empty context instead of failing the run.
 */
export async function attachContextLines(
  groups: ErrorGroup[],
  events: readonly LogEvent[],
  targets: readonly QueryTarget[],
  fetch: ContextFetcher,
  options: ContextOptions,
): Promise<void> {
  const byId = new Map(events.map((event) => [event.id, event]));
  const clients = new Map(targets.map((target) => [target.connectionId, target.client]));
  await settleAll(
    groups.map((group) =>
      options.limit(async () => {
        if (options.signal?.aborted) throw cancelledError();
        const sample = byId.get(group.sampleEventId);
        const client = sample && clients.get(sample.connectionId);
        if (!sample || !client) return;
        try {
          const lines = await fetch(client, { logGroup: sample.logGroup, logStream: sample.logStream, timestamp: sample.timestamp }, options);
          group.contextBefore = lines.before;
          group.contextAfter = lines.after;
        } catch (error) {
          if (options.signal?.aborted || (isAppError(error) && error.code === 'CANCELLED')) throw cancelledError();
        }
      }),
    ),
  );
}
