import type { Result } from './result';
import type { EventChannel, EventOf, InvokeChannel, RequestOf, ResponseOf } from './contract';

/**
 * Builds `window.correlator` from a transport: Electron's ipcRenderer in the preload, a
 * Playwright binding in the e2e harness. One named function per capability, so the
 * renderer can never reach an arbitrary channel.
 */
export interface BridgeTransport {
  invoke(channel: InvokeChannel, payload: unknown): Promise<unknown>;
  /** Registers a listener for a main → renderer event; returns an unsubscribe. */
  subscribe(channel: EventChannel, listener: (payload: unknown) => void): () => void;
}

const capabilities = {
  appInfo: 'app:info',
  rendererReady: 'app:ready',
  openExternal: 'app:open-external',
  copyText: 'app:copy-text',
  getSettings: 'settings:get',
  setSettings: 'settings:set',
  listConnections: 'connections:list',
  getConnection: 'connections:get',
  createConnection: 'connections:create',
  updateConnection: 'connections:update',
  deleteConnection: 'connections:delete',
  testConnection: 'connections:test',
  listLogGroups: 'connections:log-groups',
  listRegions: 'connections:regions',
  correlate: 'session:correlate',
  cancelCorrelation: 'session:cancel',
  planScan: 'session:plan',
  startFollow: 'live:start',
  stopFollow: 'live:stop',
  readEvents: 'session:events',
  readTimeline: 'session:timeline',
  findEvent: 'session:event',
  readNeighbours: 'session:neighbours',
  fetchGroupContext: 'session:context',
  listCachedSessions: 'cache:list',
  openCachedSession: 'cache:open',
  searchCache: 'cache:search',
  deleteCachedSession: 'cache:delete',
  clearCache: 'cache:clear',
  cacheStats: 'cache:stats',
  exportSession: 'cache:export',
  importSession: 'cache:import',
  relatedErrors: 'cache:related-errors',
  sessionsWithError: 'cache:error-sessions',
  saveReport: 'files:save-report',
  saveSessionFile: 'files:save-session',
  openSessionFile: 'files:open-session',
} as const satisfies Record<string, InvokeChannel>;

const subscriptions = {
  onProgress: 'session:progress',
  onPartial: 'session:partial',
  onFollowUpdate: 'live:update',
  onFollowStatus: 'live:status',
  onDeepLink: 'app:deep-link',
  onSessionFile: 'app:session-file',
} as const satisfies Record<string, EventChannel>;

type Capabilities = typeof capabilities;
type Subscriptions = typeof subscriptions;

type InvokeFn<C extends InvokeChannel> =
  undefined extends RequestOf<C>
    ? (request?: RequestOf<C>) => Promise<Result<ResponseOf<C>>>
    : (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;

export type CorrelatorApi = { readonly [K in keyof Capabilities]: InvokeFn<Capabilities[K]> } & {
  readonly [K in keyof Subscriptions]: (listener: (event: EventOf<Subscriptions[K]>) => void) => () => void;
};

export function createCorrelatorBridge(transport: BridgeTransport): CorrelatorApi {
  const api: Record<string, unknown> = {};
  for (const [name, channel] of Object.entries(capabilities)) {
    api[name] = (request?: unknown) => transport.invoke(channel, request);
  }
  for (const [name, channel] of Object.entries(subscriptions)) {
    api[name] = (listener: (event: unknown) => void) => transport.subscribe(channel, (payload) => listener(payload));
  }
  return Object.freeze(api) as CorrelatorApi;
}
