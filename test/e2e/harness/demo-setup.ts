import type { ConnectionView, OpenReplaySettings } from '../../../shared/domain/connection';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { defaultSecretStore, type SecretStore } from '../../../main/services/keychain/secret-store';
import { DEFAULT_CREDENTIAL, startEmulator } from '../../support/cloudwatch-emulator';
import type { EmulatorManifest, FaultOptions, ManifestSession, QueryLatency, RunningEmulator } from '../../support/cloudwatch-emulator';

export interface DemoOptions {
  /** Generated traffic (see the emulator README); small defaults keep the app quick. */
  sessions?: number;
  seed?: number;
  rate?: number;
  heavySession?: number;
  /** Epoch ms where the generated traffic begins (default: a fixed day in 2024) and its length. */
  start?: number;
  days?: number;
  queryLatency?: Partial<QueryLatency>;
  faults?: FaultOptions;
  connectionName?: string;
  region?: string;
  /** Replay links for pasted tokens and IDs; `null` leaves them out. */
  openReplay?: OpenReplaySettings | null;
  secrets?: SecretStore;
}

export interface DemoSetup {
  emulator: RunningEmulator;
  manifest: EmulatorManifest;
  connection: ConnectionView;
  /** The real connections service on the same data directory, for specs that add more. */
  connections: ConnectionService;
  stop(): Promise<void>;
}

export const DEMO_OPEN_REPLAY: OpenReplaySettings = { baseUrl: 'https://app.openreplay.com', projectId: 'demo' };

/**
 * The one setup behind `npm run demo` and the e2e specs: a CloudWatch emulator on loopback with
 * generated sessions, and a ready connection to it (keys in the OS keychain, every generated log
 * group selected) written through the real connections service into `dataDir`.
 */
export async function startDemo(dataDir: string, options: DemoOptions = {}): Promise<DemoSetup> {
  const emulator = await startEmulator({
    ...(options.queryLatency && { queryLatency: options.queryLatency }),
    ...(options.faults && { faults: options.faults }),
  });
  try {
    const manifest = emulator.generate({
      sessions: options.sessions ?? 12,
      seed: options.seed ?? 7,
      ...(options.rate !== undefined && { rate: options.rate }),
      ...(options.heavySession !== undefined && { heavySession: options.heavySession }),
      ...(options.start !== undefined && { start: options.start }),
      ...(options.days !== undefined && { days: options.days }),
    });
    const connections = new ConnectionService({ store: new ConnectionStore(dataDir), secrets: options.secrets ?? defaultSecretStore() });
    const openReplay = options.openReplay === undefined ? DEMO_OPEN_REPLAY : options.openReplay;
    const connection = await connections.create({
      name: options.connectionName ?? 'Demo (emulator)',
      region: options.region ?? 'eu-west-1',
      endpoint: emulator.url,
      logGroups: manifest.logGroups,
      auth: { kind: 'keys', ...DEFAULT_CREDENTIAL },
      ...(openReplay && { openReplay }),
    });
    return { emulator, manifest, connection, connections, stop: () => emulator.stop() };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}

/** Removes every connection of a data directory through the service, so keychain entries go too. */
export async function removeConnections(dataDir: string, secrets: SecretStore = defaultSecretStore()): Promise<void> {
  const service = new ConnectionService({ store: new ConnectionStore(dataDir), secrets });
  for (const connection of await service.list().catch(() => [])) await service.delete({ id: connection.id });
}

/** The first generated session that fits, so specs state what kind of session they need. */
export function pickSession(manifest: EmulatorManifest, fits: (session: ManifestSession) => boolean): ManifestSession {
  const found = manifest.sessions.find(fits);
  if (!found) throw new Error('demo-setup: no generated session fits; change the seed or the predicate');
  return found;
}

/** Ground truth for the error groups of a session: occurrences per cause and the exception type. */
export function expectedGroups(session: ManifestSession): { key: string; count: number; type: string }[] {
  const byKey = new Map<string, { key: string; count: number; type: string }>();
  for (const error of session.errors) {
    const entry = byKey.get(error.groupKey) ?? { key: error.groupKey, count: 0, type: error.type.split('.').at(-1) ?? error.type };
    entry.count += 1;
    byKey.set(error.groupKey, entry);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}
