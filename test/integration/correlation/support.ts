import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { Connection } from '../../../shared/domain/connection';
import type { CorrelationResult, LogEvent, TimeWindow } from '../../../shared/domain/correlation';
import { runCorrelation, type RunCorrelationInput } from '../../../main/services/correlation/run-correlation';
import { ProgressTracker, type RunProgress } from '../../../main/services/correlation/queries/progress-tracker';
import type { QueryTarget, QueryTuning } from '../../../main/services/correlation/queries/types';
import { logsRetryStrategy } from '../../../main/services/aws/retry-strategy';
import { FLAKE_EPOCH_MS } from '../../../shared/session/limits';
import { parseSessionReference } from '../../../shared/session/parse-reference';
import type { SessionReference } from '../../../shared/session/types';
import { DEFAULT_CREDENTIAL, type RunningEmulator } from '../../support/cloudwatch-emulator/index';

/**
 * Attempts per call in these tests, through the product's one retry layer: as many as the two
 * stacked layers made before it (2 SDK attempts × 5 of ours), so the fault tests face the same odds.
 */
export const MAX_ATTEMPTS = 5;
/** The product's retry strategy with waits a hundredth as long, so fault tests finish fast. */
export const fastRetry = { maxAttempts: MAX_ATTEMPTS, delayScale: 0.01, maxDelayMs: 100 };

/** Short waits so fault tests finish fast; the logic is the production one. */
export const fastTuning: Partial<QueryTuning> = {
  pollFirstMs: 10,
  pollMinMs: 20,
  pollMaxMs: 200,
  concurrencyRetryBaseMs: 20,
  concurrencyWaitMs: 20_000,
};

/** A real SDK client talking SigV4 over HTTP to the emulator. */
export function emulatorClient(
  emulator: RunningEmulator,
  credentials: { accessKeyId: string; secretAccessKey: string } = DEFAULT_CREDENTIAL,
) {
  return new CloudWatchLogsClient({
    region: 'us-east-1',
    endpoint: emulator.url,
    credentials,
    retryStrategy: logsRetryStrategy(fastRetry),
  });
}

export function target(
  emulator: RunningEmulator,
  id: string,
  logGroups: string[],
  credentials?: { accessKeyId: string; secretAccessKey: string },
): QueryTarget {
  return {
    connectionId: id,
    connection: id,
    logGroups,
    client: emulatorClient(emulator, credentials),
    errorContext: { region: 'us-east-1', endpoint: emulator.url },
  };
}

export function tracker(seen: RunProgress[] = []): ProgressTracker {
  return new ProgressTracker(0.005, (p) => seen.push(p), 0);
}

/** A flake session ID for a session that started at `start` (the flake layout in docs/architecture.md). */
export function sessionIdAt(start: number, seq = 1): string {
  return ((BigInt(start - FLAKE_EPOCH_MS) << 24n) | (7n << 8n) | BigInt(seq)).toString();
}

export function reference(text: string, now = Date.now()): SessionReference {
  const parsed = parseSessionReference(text, { now });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A stored-connection record pointing at the emulator (keys auth; the test supplies the client). */
export function connection(emulator: RunningEmulator, id: string, logGroups: string[], extra: Partial<Connection> = {}): Connection {
  return { id, name: id, region: 'us-east-1', logGroups, auth: { kind: 'keys' }, endpoint: emulator.url, ...extra };
}

/**
 * runCorrelation with its events collected, in the order the cache reads them back (by time, ties
 * in the order they were handed on): what a test compares with the emulator's ground truth.
 */
export async function correlateCollecting(
  input: Omit<RunCorrelationInput, 'onEvents'>,
): Promise<CorrelationResult & { covered: TimeWindow[] }> {
  const events: LogEvent[] = [];
  const { eventCount, covered, ...outcome } = await runCorrelation({ ...input, onEvents: (page) => void events.push(...page) });
  if (eventCount !== events.length) throw new Error(`runCorrelation counted ${eventCount} events but handed on ${events.length}`);
  events.sort((a, b) => a.timestamp - b.timestamp);
  return { ...outcome, events, covered };
}
