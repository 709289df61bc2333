import type { AddressInfo } from 'node:net';
import { generateTraffic } from './generator/generate';
import { handlers, streamingHandlers } from './operations/handlers';
import { Faults } from './server/faults';
import { createLogsServer } from './server/http-server';
import { loadNdjson, putEvents } from './seed';
import { EmulatorState } from './state';
import type { EmulatorOptions, EmulatorMetrics, QueryLatency, RunningEmulator } from './types';

export type * from './types';

export const DEFAULT_CREDENTIAL: { readonly accessKeyId: string; readonly secretAccessKey: string } = {
  accessKeyId: 'AKIDEMULATOR0001',
  secretAccessKey: 'emulator-secret',
};
export const DEFAULT_ACCOUNT_ID = '123456789012';
/** Fast by default so tests do not wait; raise them to exercise polling. */
export const DEFAULT_QUERY_LATENCY: Readonly<QueryLatency> = { baseMs: 40, bytesPerSecond: 2_000_000_000 };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** Starts a CloudWatch Logs endpoint on loopback and returns its handle. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  // It accepts any well-signed request and holds test data: never expose it beyond this machine.
  if (!LOOPBACK.has(host)) throw new Error(`cloudwatch-emulator: refusing to listen on non-loopback host ${host}`);
  const state = new EmulatorState({
    accountId: options.accountId ?? DEFAULT_ACCOUNT_ID,
    credentials: options.credentials ?? [{ ...DEFAULT_CREDENTIAL }],
    faults: new Faults(options.faults),
    queryLatency: { ...DEFAULT_QUERY_LATENCY, ...options.queryLatency },
    maxConcurrentQueries: options.maxConcurrentQueries ?? 100,
  });
  if (options.liveTail?.maxSessions !== undefined) state.liveTails.maxSessions = options.liveTail.maxSessions;
  if (options.liveTail?.updateIntervalMs !== undefined) state.liveTails.updateIntervalMs = options.liveTail.updateIntervalMs;
  const server = createLogsServer(state, handlers, streamingHandlers);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let stopped: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    stop: () =>
      (stopped ??= new Promise<void>((resolve, reject) => {
        state.liveTails.closeAll();
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      })),
    putEvents: (group, stream, events) => putEvents(state.store, group, stream, events),
    loadNdjson: (path) => loadNdjson(state.store, path),
    generate: (opts) => generateTraffic(state.store, state.accountId, opts),
    setFaults: (faults) => state.faults.set(faults),
    liveTail: {
      sessions: () => state.liveTails.sessions(),
      get sessionsStarted() {
        return state.liveTails.sessionsStarted;
      },
      dropStreams: () => state.liveTails.dropAll(),
      failStreams: (message) => state.liveTails.failAll(message),
    },
    clock: state.clock,
    get queryLatency() {
      return state.queryLatency;
    },
    set queryLatency(v) {
      state.queryLatency = v;
    },
    get metrics(): EmulatorMetrics {
      return { operations: state.operations, queriesStarted: state.queriesStarted, queries: state.queries.metrics(state.clock.now()) };
    },
  };
}
