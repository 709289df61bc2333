import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ContextLine, ErrorGroup, LogEvent } from '../../shared/domain/correlation';
import { isAppError } from '../../shared/errors';
import { settleAll } from './queries/settle';
import { cancelledError } from './queries/timing';

/** The shape of `fetchContextLines` (processing/context-lines.ts), injectable for tests and benches. */
export type ContextFetcher = (
  client: CloudWatchLogsClient,
  at: { logGroup: string; logStream: string; timestamp: number; message?: string },
  options: { events: number; seconds: number; signal?: AbortSignal },
) => Promise<{ before: ContextLine[]; after: ContextLine[] }>;

/**
 * A run fetches context lines for this many groups, the largest first: each costs GetLogEvents
 * calls, and a session with thousands of distinct errors must not turn into thousands of calls.
 * The others are marked `contextPending` and fetched when the user opens them.
 */
export const MAX_CONTEXT_GROUPS = 50;

export interface ContextOptions {
  events: number;
  seconds: number;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
  /** Default MAX_CONTEXT_GROUPS. */
  maxGroups?: number;
}

/**
 * Fills the context lines of the largest groups (`groups` is most frequent first) from the stream
 * of their first occurrence. Context is a help, not the result: a group whose lines cannot be
 * fetched (retention, a denied GetLogEvents) keeps empty context instead of failing the run.
 */
export async function attachContextLines(
  groups: ErrorGroup[],
  sampleOf: (fingerprint: string) => LogEvent | undefined,
  clientOf: (connectionId: string) => CloudWatchLogsClient | undefined,
  fetch: ContextFetcher,
  options: ContextOptions,
): Promise<void> {
  const max = options.maxGroups ?? MAX_CONTEXT_GROUPS;
  for (const group of groups.slice(max)) group.contextPending = true;
  await settleAll(
    groups.slice(0, max).map((group) =>
      options.limit(async () => {
        if (options.signal?.aborted) throw cancelledError();
        const sample = sampleOf(group.fingerprint);
        if (sample) await fillContext(group, sample, clientOf(sample.connectionId), fetch, options);
      }),
    ),
  );
}

/**
 * One group's context lines (also what an on-demand fetch runs). Returns why they could not be
 * fetched, for a caller that shows it; throws only CANCELLED.
 */
export async function fillContext(
  group: ErrorGroup,
  sample: LogEvent,
  client: CloudWatchLogsClient | undefined,
  fetch: ContextFetcher,
  options: Pick<ContextOptions, 'events' | 'seconds' | 'signal'>,
): Promise<unknown> {
  if (!client) return undefined;
  try {
    // The message lets the fetcher tell the lines of a joined trace (the event itself) from context.
    const at = { logGroup: sample.logGroup, logStream: sample.logStream, timestamp: sample.timestamp, message: sample.message };
    const lines = await fetch(client, at, { events: options.events, seconds: options.seconds, signal: options.signal });
    group.contextBefore = lines.before;
    group.contextAfter = lines.after;
    delete group.contextPending;
    return undefined;
  } catch (error) {
    if (options.signal?.aborted || (isAppError(error) && error.code === 'CANCELLED')) throw cancelledError();
    return error;
  }
}
