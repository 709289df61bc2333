import { AppError } from '../../shared/errors';
import type { InvokeChannel } from '../../shared/ipc/contract';
import type { EventEmitter } from '../ipc/events';
import type { Handlers } from '../ipc/router';
import { createExternalOpener } from '../shell/external-url';
import { createSettingsStore } from '../settings/settings-store';
import { ConnectionService } from '../connections/connection-service';
import { ConnectionStore } from '../connections/connection-store';
import { defaultSecretStore, type SecretStore } from '../keychain/secret-store';

export interface ComposeOptions {
  dataDir: string;
  version: string;
  /** True inside Electron; false in the e2e harness and the CLI. */
  electron: boolean;
  events: EventEmitter;
  openExternal: (url: string) => Promise<void>;
  copyText: (text: string) => void;
  onRendererReady: () => void;
  /** The OS keychain unless a test passes another store. */
  secrets?: SecretStore;
}

export interface ComposedApp {
  handlers: Handlers;
  close(): void;
}

/**
 * The composition root shared by Electron and the e2e harness: services are created here with
 * their dependencies passed in, and every IPC channel is bound to one service method.
 */
export async function composeApp(options: ComposeOptions): Promise<ComposedApp> {
  const openExternal = createExternalOpener(options.openExternal);
  const settings = createSettingsStore(options.dataDir);
  const connections = new ConnectionService({
    store: new ConnectionStore(options.dataDir),
    secrets: options.secrets ?? defaultSecretStore(),
  });
  const pending = (channel: InvokeChannel) => () => {
    throw new AppError('INTERNAL', `${channel} is not available in this build yet.`, 'Update orcw.');
  };
  const handlers: Handlers = {
    'app:info': () => ({ version: options.version, platform: process.platform, electron: options.electron }),
    'app:ready': () => options.onRendererReady(),
    'app:open-external': ({ url }) => openExternal(url),
    'app:copy-text': ({ text }) => options.copyText(text),
    'settings:get': () => settings.get(),
    'settings:set': (patch) => settings.update(patch),
    'connections:list': () => connections.list(),
    'connections:get': (request) => connections.get(request),
    'connections:create': (draft) => connections.create(draft),
    'connections:update': (update) => connections.update(update),
    'connections:delete': (request) => connections.delete(request),
    'connections:test': (request) => connections.test(request),
    'connections:log-groups': (request) => connections.listLogGroups(request),
    'connections:regions': () => connections.listRegions(),
    'session:correlate': pending('session:correlate'),
    'session:cancel': pending('session:cancel'),
    'cache:list': pending('cache:list'),
    'cache:open': pending('cache:open'),
    'cache:search': pending('cache:search'),
    'cache:delete': pending('cache:delete'),
    'cache:clear': pending('cache:clear'),
    'cache:stats': pending('cache:stats'),
    'cache:export': pending('cache:export'),
    'cache:import': pending('cache:import'),
  };
  return { handlers, close: () => undefined };
}
