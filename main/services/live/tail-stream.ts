import { StartLiveTailCommand, type CloudWatchLogsClient, type LiveTailSessionLogEvent } from '@aws-sdk/client-cloudwatch-logs';

export interface TailUpdate {
  events: LiveTailSessionLogEvent[];
  /** The service sampled this update down to 500 events (`sessionMetadata.sampled`). */
  sampled: boolean;
}

/** How one Live Tail stream ended, when it did not throw a request error. */
export type TailEnd =
  /** The caller's signal. */
  | { kind: 'aborted' }
  /** SessionTimeoutException: the service's three hours are up. */
  | { kind: 'timeout' }
  /** The connection broke, or SessionStreamingException: worth starting again. */
  | { kind: 'dropped'; cause: unknown };

export interface TailOptions {
  client: CloudWatchLogsClient;
  logGroupIdentifiers: string[];
  logEventFilterPattern: string;
  signal: AbortSignal;
  /** The stream is open (sessionStart arrived). */
  onStart?: () => void;
  onUpdate: (update: TailUpdate) => void | Promise<void>;
}

/**
 * One StartLiveTail session, read to its end: a sessionStart, then a sessionUpdate about every
 * second. Request errors (AccessDenied, LimitExceeded, Throttling, expired credentials) throw, for
 * the caller to map; what happens to an open stream is returned as a TailEnd.
 */
export async function followTail(options: TailOptions): Promise<TailEnd> {
  const { client, signal } = options;
  const out = await client.send(
    new StartLiveTailCommand({ logGroupIdentifiers: options.logGroupIdentifiers, logEventFilterPattern: options.logEventFilterPattern }),
    { abortSignal: signal },
  );
  try {
    for await (const frame of out.responseStream ?? []) {
      if (signal.aborted) return { kind: 'aborted' };
      if (frame.sessionStart) options.onStart?.();
      if (frame.sessionUpdate)
        await options.onUpdate({
          events: frame.sessionUpdate.sessionResults ?? [],
          sampled: frame.sessionUpdate.sessionMetadata?.sampled === true,
        });
    }
  } catch (error) {
    if (signal.aborted) return { kind: 'aborted' };
    const name = (error as { name?: string }).name;
    if (name === 'SessionTimeoutException') return { kind: 'timeout' };
    return { kind: 'dropped', cause: error };
  }
  // A stream that simply ends without its exception frame was cut too.
  return signal.aborted ? { kind: 'aborted' } : { kind: 'dropped', cause: new Error('The Live Tail stream ended.') };
}
