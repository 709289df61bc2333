import { GetLogEventsCommand, type CloudWatchLogsClient, type OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import { cancelledError, isCancelled } from '../../async/tasks';

/** One log stream of a connection, as trace tails and heads read it. */
export interface StreamRef {
  client: CloudWatchLogsClient;
  logGroup: string;
  logStream: string;
}

/** Events read around a tagged line, at most this many per read. */
export const AROUND_EVENTS = 1_000;

/**
 * One GetLogEvents page of a stream between two times (ms; start inclusive, end exclusive):
 * the earliest events of the range (`fromHead`) or the latest. Missing lines cost detail, not
 * the run — a failed read returns none; only cancelling stops it.
 */
export async function readStream(
  stream: StreamRef,
  startTime: number,
  endTime: number,
  fromHead: boolean,
  signal: AbortSignal | undefined,
): Promise<OutputLogEvent[]> {
  if (signal?.aborted) throw cancelledError();
  try {
    const output = await stream.client.send(
      new GetLogEventsCommand({
        logGroupName: stream.logGroup,
        logStreamName: stream.logStream,
        startTime: Math.max(0, startTime),
        endTime,
        startFromHead: fromHead,
        limit: AROUND_EVENTS,
      }),
      { abortSignal: signal },
    );
    return output.events ?? [];
  } catch (error) {
    if (signal?.aborted || isCancelled(error)) throw cancelledError();
    return [];
  }
}
