import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { QueryTarget } from '../../../main/services/correlation/queries/types';
import {
  DEFAULT_CREDENTIAL,
  type EmulatorManifest,
  type GenerateOptions,
  type PutEvent,
  type QueryLatency,
  type QueryMetric,
} from '../../support/cloudwatch-emulator/index';
import type { EmulatorRequest } from './emulator-worker';

/**
 * The emulator on a thread of its own. CloudWatch runs elsewhere: the scans, filters and result
 * pages it computes must not take turns with the app's event loop, or the app's times would
 * include CloudWatch's work.
 */
export interface EmulatorThread {
  url: string;
  manifest: EmulatorManifest;
  /** Every query the emulator started so far (StartQuery calls that were accepted). */
  queries(): Promise<QueryMetric[]>;
  setLatency(latency: QueryLatency): Promise<void>;
  putEvents(logGroup: string, logStream: string, events: PutEvent[]): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmulatorThread(generate: GenerateOptions): Promise<EmulatorThread> {
  const worker = new Worker(new URL('./emulator-worker.ts', import.meta.url), { workerData: generate });
  const failed = once(worker, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const next = async <T>(): Promise<T> => (await Promise.race([once(worker, 'message'), failed]))[0] as T;
  const { url, manifest } = await next<{ url: string; manifest: EmulatorManifest }>();
  let queue = Promise.resolve<unknown>(undefined);
  const ask = <T>(request: EmulatorRequest): Promise<T> => {
    const answer = queue.then(() => {
      const reply = next<T>();
      worker.postMessage(request);
      return reply;
    });
    queue = answer.catch(() => undefined);
    return answer;
  };
  return {
    url,
    manifest,
    queries: () => ask<QueryMetric[]>({ kind: 'queries' }),
    setLatency: (latency) => ask<null>({ kind: 'latency', latency }).then(() => undefined),
    putEvents: (logGroup, logStream, events) => ask<null>({ kind: 'put', logGroup, logStream, events }).then(() => undefined),
    stop: async () => {
      await ask<null>({ kind: 'stop' });
      await worker.terminate();
    },
  };
}

/** A query target on the emulator with the real SDK client, for the production query code. */
export function emulatorTarget(url: string, id: string, logGroups: readonly string[]): QueryTarget {
  const client = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: url, credentials: DEFAULT_CREDENTIAL });
  return { connectionId: id, connection: id, logGroups: [...logGroups], client, errorContext: { region: 'us-east-1', endpoint: url } };
}
