import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ContextLine, ErrorGroup, LogEvent } from '../../../../shared/domain/correlation';
import { cancelledError, isCancelled, settleAll, type Limit } from '../../async/tasks';

/** The shape of `fetchContextLines` (fetch-context-lines.ts), injectable for tests and benches. */
export type ContextFetcher = (
  client: CloudWatchLogsClient,
  at: { logGroup: string; logStream: string; timestamp: number; message?: string },
  options: { events: number; seconds: number; signal?: AbortSignal },
) => Promise<GroupContextLines>;

/** The lines around one group's first occurrence. */
export interface GroupContextLines {
  before: ContextLine[];
  after: ContextLine[];
}

/** What the context stage found for one group: its lines, or that they are left to be fetched when asked for. */
export type GroupContextPatch = Pick<ErrorGroup, 'contextBefore' | 'contextAfter'> | { contextPending: true };

/**
 * A run fetches context lines for this many groups, the largest first: each costs GetLogEvents
 * calls, and a session with thousands of distinct errors must not turn into thousands of calls.
 * The others are marked `contextPending` and fetched when the user opens them.
 */
export const MAX_CONTEXT_GROUPS = 50;

export interface ContextOptions {
  events: number;
  seconds: number;
  limit: Limit;
  signal?: AbortSignal;
  /** Default MAX_CONTEXT_GROUPS. */
  maxGroups?: number;
}

/**
 * The context stage: the context lines of the largest groups (`groups` is most frequent first),
 * from the stream of their first occurrence, by fingerprint. Context is a help, not the result: a
 * group whose lines cannot be fetched (retention, a denied GetLogEvents) gets no entry and keeps
 * its empty context instead of failing the run. The groups past `maxGroups` are marked pending,
 * and so is every group left without lines by a cancel: every line of the run is in by then, so
 * a cancel only leaves context lines to be fetched when asked for.
 */
export async function contextForGroups(
  groups: readonly ErrorGroup[],
  sampleOf: (fingerprint: string) => LogEvent | undefined,
  clientOf: (connectionId: string) => CloudWatchLogsClient | undefined,
  fetch: ContextFetcher,
  options: ContextOptions,
): Promise<Map<string, GroupContextPatch>> {
  const max = options.maxGroups ?? MAX_CONTEXT_GROUPS;
  const found = new Map<string, GroupContextLines>();
  let cancelled = false;
  try {
    await settleAll(
      groups.slice(0, max).map((group) =>
        options.limit(async () => {
          if (options.signal?.aborted) throw cancelledError();
          const sample = sampleOf(group.fingerprint);
          const fetched = sample ? await fetchGroupContext(sample, clientOf(sample.connectionId), fetch, options) : undefined;
          if (fetched?.lines) found.set(group.fingerprint, fetched.lines);
        }),
      ),
    );
  } catch (error) {
    if (!isCancelled(error)) throw error;
    cancelled = true;
  }
  const patches = new Map<string, GroupContextPatch>();
  for (const [i, group] of groups.entries()) {
    const lines = found.get(group.fingerprint);
    if (lines && !(cancelled && lines.before.length + lines.after.length === 0))
      patches.set(group.fingerprint, { contextBefore: lines.before, contextAfter: lines.after });
    else if (i >= max || cancelled) patches.set(group.fingerprint, { contextPending: true });
  }
  return patches;
}

/** Every group's context left to be fetched when asked for (a run that did not reach the context stage). */
export function contextPendingFor(groups: readonly ErrorGroup[]): Map<string, GroupContextPatch> {
  return new Map(groups.map((group) => [group.fingerprint, { contextPending: true }]));
}

/** Fresh groups with the context stage's findings merged in; the groups given are left as they are. */
export function withContext(groups: readonly ErrorGroup[], patches: ReadonlyMap<string, GroupContextPatch>): ErrorGroup[] {
  return groups.map((group) => {
    const patch = patches.get(group.fingerprint);
    if (!patch) return { ...group };
    if ('contextPending' in patch) return { ...group, contextPending: true };
    const { contextPending: _, ...rest } = group;
    return { ...rest, contextBefore: patch.contextBefore, contextAfter: patch.contextAfter };
  });
}

/**
 * One group's context lines (also what an on-demand fetch runs): the lines, or why they could not
 * be fetched, for a caller that shows it. Throws only CANCELLED.
 */
export async function fetchGroupContext(
  sample: LogEvent,
  client: CloudWatchLogsClient | undefined,
  fetch: ContextFetcher,
  options: Pick<ContextOptions, 'events' | 'seconds' | 'signal'>,
): Promise<{ lines?: GroupContextLines; error?: unknown }> {
  if (!client) return {};
  try {
    // The message lets the fetcher tell the lines of a joined trace (the event itself) from context.
    const at = { logGroup: sample.logGroup, logStream: sample.logStream, timestamp: sample.timestamp, message: sample.message };
    return { lines: await fetch(client, at, { events: options.events, seconds: options.seconds, signal: options.signal }) };
  } catch (error) {
    if (options.signal?.aborted || isCancelled(error)) throw cancelledError();
    return { error };
  }
}
