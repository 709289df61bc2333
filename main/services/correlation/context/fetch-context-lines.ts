import { GetLogEventsCommand, type CloudWatchLogsClient, type OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { ContextLine } from '../../../../shared/domain/correlation';
import { AppError } from '../../../../shared/errors';
import { errorContextOf } from '../../aws/client-factory';
import { mapAwsError } from '../../aws/aws-errors';
import { stripTokenPrefix } from '../../../../shared/session/session-tags';

export interface ContextTarget {
  logGroup: string;
  logStream: string;
  timestamp: number;
  /**
   * The target event's message, when known. Lines logged in the same millisecond are then split
   * around it (instead of all being left out), and the other lines of a joined stack trace are
   * not repeated as context after it.
   */
  message?: string;
}

export interface ContextOptions {
  /** At most this many lines before and after (default 20). */
  events?: number;
  /** Only lines within this many seconds of the target (default 5). */
  seconds?: number;
  /** GetLogEvents page size (default 1,000). */
  pageSize?: number;
  /** Upper bound on GetLogEvents calls (default 20): a busy stream must not turn into a crawl. */
  maxPages?: number;
  signal?: AbortSignal;
}

export const DEFAULT_CONTEXT_EVENTS = 20;
export const DEFAULT_CONTEXT_SECONDS = 5;

/**
 * The lines just before and after one event in its log stream — usually the untagged lines of
 * the same request, which explain the error. Reads forward from the head of the ±S-second window
 * with GetLogEvents (ms times, start inclusive, end exclusive) and follows `nextForwardToken`
 * until the same token comes back, N lines after the target are in, or the page bound is hit.
 */
export async function fetchContextLines(
  client: CloudWatchLogsClient,
  target: ContextTarget,
  options: ContextOptions = {},
): Promise<{ before: ContextLine[]; after: ContextLine[] }> {
  const events = bounded(options.events ?? DEFAULT_CONTEXT_EVENTS, 0, 1_000, 'events');
  const seconds = bounded(options.seconds ?? DEFAULT_CONTEXT_SECONDS, 0, 3_600, 'seconds');
  const pageSize = bounded(options.pageSize ?? 1_000, 1, 10_000, 'pageSize');
  const maxPages = bounded(options.maxPages ?? 20, 1, 1_000, 'maxPages');
  const before: ContextLine[] = [];
  const after: ContextLine[] = [];
  if (events === 0) return { before, after };
  const placer = new Placer(target);
  let token: string | undefined;
  for (let page = 0; page < maxPages && after.length < events; page++) {
    const response = await send(client, target, seconds, pageSize, token, options.signal);
    for (const event of response.events ?? []) {
      const side = placer.place(event);
      if (side === undefined) continue;
      const line = { timestamp: event.timestamp ?? 0, logStream: target.logStream, message: (event.message ?? '').trimEnd() };
      if (side === 'before') {
        before.push(line);
        if (before.length > events) before.shift();
      } else if (after.length < events) {
        after.push(line);
      }
    }
    const next = response.nextForwardToken;
    // The same token back (or none) is the end of the range.
    if (next === undefined || next === token) break;
    token = next;
  }
  return { before, after };
}

async function send(
  client: CloudWatchLogsClient,
  target: ContextTarget,
  seconds: number,
  pageSize: number,
  token: string | undefined,
  signal: AbortSignal | undefined,
): Promise<{ events?: OutputLogEvent[]; nextForwardToken?: string }> {
  const command = new GetLogEventsCommand({
    logGroupName: target.logGroup,
    logStreamName: target.logStream,
    startTime: target.timestamp - seconds * 1_000,
    endTime: target.timestamp + seconds * 1_000 + 1,
    startFromHead: true,
    limit: pageSize,
    ...(token === undefined ? {} : { nextToken: token }),
  });
  try {
    return await client.send(command, signal ? { abortSignal: signal } : {});
  } catch (error) {
    throw mapAwsError(error, errorContextOf(client));
  }
}

/** Decides on which side of the target each line falls, and which lines are the target itself. */
class Placer {
  private readonly wanted: string | undefined;
  private traceTail: string[] = [];
  private found = false;

  constructor(private readonly target: ContextTarget) {
    this.wanted = target.message?.trimEnd();
  }

  place(event: OutputLogEvent): 'before' | 'after' | undefined {
    const timestamp = event.timestamp ?? 0;
    const message = (event.message ?? '').trimEnd();
    if (!this.found && this.isTarget(timestamp, message)) {
      this.found = true;
      const rest = (this.wanted as string).slice(message.length + 1);
      this.traceTail = rest === '' ? [] : rest.split('\n');
      return undefined;
    }
    // The other lines of a joined trace come next in the stream: they are the target, not context.
    if (this.traceTail.length > 0 && stripTokenPrefix(message) === this.traceTail[0]) {
      this.traceTail.shift();
      return undefined;
    }
    if (timestamp < this.target.timestamp) return 'before';
    if (timestamp > this.target.timestamp) return 'after';
    // Same millisecond: around the target when it can be recognised, else left out.
    if (this.wanted === undefined) return undefined;
    return this.found ? 'after' : 'before';
  }

  /** The target's first (or only) line: a joined trace starts with its first event's message. */
  private isTarget(timestamp: number, message: string): boolean {
    if (this.wanted === undefined || timestamp !== this.target.timestamp) return false;
    return this.wanted === message || this.wanted.startsWith(`${message}\n`);
  }
}

function bounded(value: number, min: number, max: number, name: string): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new AppError('INVALID_INPUT', `Context ${name} must be a whole number from ${min} to ${max}.`, 'Change the context setting.');
  }
  return value;
}
