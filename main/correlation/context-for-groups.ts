import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ContextLine, ErrorGroup, LogEvent } from '../../shared/domain/correlation';
import { isAppError } from '../../shared/errors';
import { settleAll } from './queries/settle';
import { cancelledError } from './queries/timing';
import type { QueryTarget } from './queries/types';

/** The shape of `fetchContextLines` (processing/context-lines.ts), injectable for tests and benches. */
export type ContextFetcher = (
  client: CloudWatchLogsClient,
  at: { logGroup: string; logStream: string; timestamp: number; message?: string },
  options: { events: number; seconds: number; signal?: AbortSignal },
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
          // The message lets the fetcher tell the lines of a joined trace (the event itself) from context.
          const at = { logGroup: sample.logGroup, logStream: sample.logStream, timestamp: sample.timestamp, message: sample.message };
          const lines = await fetch(client, at, { events: options.events, seconds: options.seconds, signal: options.signal });
          group.contextBefore = lines.before;
          group.contextAfter = lines.after;
        } catch (error) {
          if (options.signal?.aborted || (isAppError(error) && error.code === 'CANCELLED')) throw cancelledError();
        }
      }),
    ),
  );
}
