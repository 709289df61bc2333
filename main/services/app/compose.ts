import type { EventEmitter } from '../ipc/events';
import type { Handlers } from '../ipc/router';
import { createExternalOpener } from '../window/external-url';
import type { SecretStore } from '../keychain/secret-store';
import type { FileDialogs } from '../files/file-dialogs';
import { createSessionFiles } from '../files/session-files';
import { createCoreServices } from './core-services';

export interface ComposeOptions {
  dataDir: string;
  version: string;
  /** True inside Electron; false in the e2e harness and the CLI. */
  electron: boolean;
  events: EventEmitter;
  openExternal: (url: string) => Promise<void>;
  copyText: (text: string) => void;
  onRendererReady: () => void;
  /**
   * The OS file dialogs (Electron's), or the e2e harness's test-controlled stand-in. Callers that
   * never open one (unit tests, benches) leave it out: every dialog then counts as cancelled.
   */
  dialogs?: FileDialogs;
  /** The OS keychain unless a test passes another store. */
  secrets?: SecretStore;
}

const cancelledDialogs: FileDialogs = { chooseSavePath: async () => null, chooseOpenPath: async () => null };

export interface ComposedApp {
  handlers: Handlers;
  /** A session file the OS handed to orcw: imported into the cache, then announced to the renderer. */
  openSessionFile(path: string): Promise<void>;
  close(): void;
}

/**
 * The composition root shared by Electron and the e2e harness: services are created here with
 * their dependencies passed in, and every IPC channel is bound to one service method.
 */
export async function composeApp(options: ComposeOptions): Promise<ComposedApp> {
  const core = await createCoreServices({
    dataDir: options.dataDir,
    secrets: options.secrets,
    emitProgress: (progress) => options.events.emit('session:progress', progress),
    emitPartial: (partial) => options.events.emit('session:partial', partial),
    emitFollowUpdate: (update) => options.events.emit('live:update', update),
    emitFollowStatus: (status) => options.events.emit('live:status', status),
  });
  const { settings, connections, cache, sessions } = core;
  const openExternal = createExternalOpener(options.openExternal, async () =>
    (await connections.list()).flatMap((c) => (c.openReplay ? [c.openReplay.baseUrl] : [])),
  );
  const files = createSessionFiles({
    cache,
    dialogs: options.dialogs ?? cancelledDialogs,
    announce: (event) => options.events.emit('app:session-file', event),
  });
  const handlers: Handlers = {
    'app:info': () => ({
      version: options.version,
      platform: process.platform,
      electron: options.electron,
      notices: core.notices,
    }),
    'app:ready': () => options.onRendererReady(),
    'app:open-external': (request) => openExternal(request),
    'app:copy-text': ({ text }) => options.copyText(text),
    'settings:get': () => settings.get(),
    'settings:set': async (patch) => {
      const next = await settings.update(patch);
      cache.setCapBytes(next.cacheCapBytes);
      return next;
    },
    'connections:list': () => connections.list(),
    'connections:get': (request) => connections.get(request),
    'connections:create': (draft) => connections.create(draft),
    'connections:update': (update) => connections.update(update),
    'connections:delete': (request) => connections.delete(request),
    'connections:test': (request) => connections.test(request),
    'connections:log-groups': (request) => connections.listLogGroups(request),
    'connections:regions': () => connections.listRegions(),
    'session:correlate': (request) => sessions.correlate(request),
    'session:cancel': (request) => sessions.cancel(request),
    'session:plan': (request) => core.planScan(request),
    'live:start': (request) => core.follow.start(request),
    'live:stop': (request) => core.follow.stop(request),
    'cache:list': (request) => cache.listSessions(request?.limit),
    'session:events': (request) => cache.eventPage(request),
    'session:timeline': (request) => cache.timeline(request),
    'session:event': (request) => cache.findEvent(request),
    'session:neighbours': (request) => cache.neighbours(request),
    'session:context': (request) => core.groupContext(request),
    'cache:open': ({ sessionId }) => {
      const opened = cache.openView(sessionId);
      return opened && { result: opened.view, source: 'cache' as const, cachedAt: opened.cachedAt };
    },
    'cache:search': (query) => cache.search(query),
    'cache:delete': ({ sessionId }) => cache.deleteSession(sessionId),
    'cache:clear': () => cache.clear(),
    'cache:stats': () => cache.stats(),
    'cache:export': ({ sessionId, format }) => cache.exportSession(sessionId, format),
    'cache:import': ({ content }) => cache.importSession(content),
    'cache:related-errors': ({ sessionId, fingerprints, limit }) => cache.relatedErrors(sessionId, fingerprints, limit),
    'cache:error-sessions': ({ text, limit }) => cache.sessionsWithError(text, limit),
    'files:save-report': ({ sessionId }) => files.saveReport(sessionId),
    'files:save-session': ({ sessionId }) => files.saveSession(sessionId),
    'files:open-session': () => files.openWithDialog(),
  };
  return { handlers, openSessionFile: (path) => files.openFromOs(path), close: () => core.close() };
}
