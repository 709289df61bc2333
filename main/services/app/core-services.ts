import type { CorrelationProgress } from '../../../shared/domain/correlation';
import type { CorrelateResponse } from '../../../shared/domain/session-view';
import { isAppError, type AppErrorValue } from '../../../shared/errors';
import { openCache, type CacheStore } from '../cache/cache-store';
import { ConnectionService } from '../connections/connection-service';
import { ConnectionStore } from '../connections/connection-store';
import { createLogsClient } from '../aws/client-factory';
import { createSessionService, type SessionService } from '../correlation/session-service';
import { createFollowService, type FollowService } from '../live/follow-service';
import type { FollowStatus, FollowUpdate } from '../../../shared/domain/live-follow';
import { createScanPlanner } from '../correlation/scan-plan';
import { createGroupContext } from '../correlation/group-context';
import { defaultSecretStore, type SecretStore } from '../keychain/secret-store';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { openFallbackCache } from './fallback-cache';
import { makeDataDirPrivate } from '../config/private-files';

export interface CoreServiceOptions {
  dataDir: string;
  emitProgress: (progress: CorrelationProgress) => void;
  /** A run's view once a first part of its window is in (the app shows it; the CLI leaves it out). */
  emitPartial?: (partial: { requestId: string; response: CorrelateResponse }) => void;
  /** A live follow's new lines and its state changes (the app shows them, the CLI prints them). */
  emitFollowUpdate?: (update: FollowUpdate) => void;
  emitFollowStatus?: (status: FollowStatus) => void;
  /** The OS keychain unless a test passes another store. */
  secrets?: SecretStore;
}

export interface CoreServices {
  settings: SettingsStore;
  connections: ConnectionService;
  cache: CacheStore;
  sessions: SessionService;
  /** Following a session live (Live Tail). */
  follow: FollowService;
  /** What a run would scan, before it runs (the preview of an orcw:// link). */
  planScan: ReturnType<typeof createScanPlanner>;
  /** Context lines of one error group, fetched when it is opened. */
  groupContext: ReturnType<typeof createGroupContext>;
  /** Problems found while starting (cache moved aside, memory-only cache…), for the UI to show. */
  notices: AppErrorValue[];
  close(): void;
}

/**
 * The services behind both the desktop app and the `orcw` CLI, built once from the data
 * directory, so both read the same connections, settings and cache the same way.
 */
export async function createCoreServices(options: CoreServiceOptions): Promise<CoreServices> {
  const notices: AppErrorValue[] = [];
  privateDataDir(options.dataDir, notices);
  const secrets = options.secrets ?? defaultSecretStore();
  const settings = createSettingsStore(options.dataDir);
  const connections = new ConnectionService({ store: new ConnectionStore(options.dataDir), secrets });
  // A crash between a keychain write and connections.json left a journal entry: repaired now.
  await connections.reconcile();
  const initial = await settings.get();
  const cache = openCacheOrFallback(options.dataDir, initial.cacheCapBytes, notices);
  const sessions = createSessionService({
    connections,
    cache,
    settings: () => settings.get(),
    clientFor: (connection) => createLogsClient(connection, { secrets }),
    emitProgress: options.emitProgress,
    ...(options.emitPartial ? { emitPartial: options.emitPartial } : {}),
  });
  const follow = createFollowService({
    connections,
    cache,
    settings: () => settings.get(),
    clientFor: (connection) => createLogsClient(connection, { secrets }),
    emitUpdate: options.emitFollowUpdate ?? (() => {}),
    emitStatus: options.emitFollowStatus ?? (() => {}),
  });
  const planScan = createScanPlanner({
    connections,
    cache,
    settings: () => settings.get(),
    describeGroups: (connection) => connections.describeGroups(connection),
  });
  const groupContext = createGroupContext({
    connections,
    cache,
    settings: () => settings.get(),
    clientFor: (connection) => createLogsClient(connection, { secrets }),
  });
  return {
    settings,
    connections,
    cache,
    sessions,
    follow,
    planScan,
    groupContext,
    notices,
    close: () => {
      // Live Tail bills per minute: nothing may stay open past the app or the CLI.
      void follow.stopAll();
      cache.close();
    },
  };
}

/** Cached log lines and connection details are the user's alone: fixed at every start (older installs too). */
function privateDataDir(dataDir: string, notices: AppErrorValue[]): void {
  try {
    makeDataDirPrivate(dataDir, { create: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    notices.push({
      code: 'INTERNAL',
      message: `The data directory ${dataDir} could not be made private to you (${reason}); other users of this computer may be able to read it.`,
      hint: `Run: chmod -R go-rwx ${dataDir}  (or set ORCW_DATA_DIR to a directory you own).`,
    });
  }
}

/** A cache that cannot be opened on disk must not stop the app: keep working in memory, and say so. */
function openCacheOrFallback(dataDir: string, capBytes: number, notices: AppErrorValue[]): CacheStore {
  try {
    const opened = openCache({ dataDir, capBytes });
    if (opened.warning) notices.push(opened.warning);
    return opened.store;
  } catch (error) {
    if (!isAppError(error)) throw error;
    notices.push(error.toValue());
    return openFallbackCache(capBytes);
  }
}
