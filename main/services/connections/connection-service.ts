import { randomBytes } from 'node:crypto';
import {
  connectionDraftSchema,
  connectionSchema,
  connectionUpdateSchema,
  type AuthInput,
  type Connection,
  type ConnectionTestResult,
  type ConnectionView,
  type LogGroupInfo,
  type LogGroupPage,
} from '../../../shared/domain/connection';
import { AppError, isAppError } from '../../../shared/errors';
import type { RequestOf } from '../../../shared/ipc/contract';
import { mapAwsError } from '../aws/aws-errors';
import { createLogsClient, errorContextOf, type LogsClientOptions } from '../aws/client-factory';
import { cloudWatchLogsRegions } from '../aws/regions';
import { decodeAwsKeySecret, encodeAwsKeySecret } from '../keychain/aws-key-secret';
import type { SecretStore } from '../keychain/secret-store';
import type { ConnectionStore } from './connection-store';
import { parseInput, parseLogGroupPrefix } from './input-validation';
import { SecretJournal } from './secret-journal';
import { withConfigLock } from '../config/config-lock';
import { describeLogGroupsPage, describeNamedLogGroups, testLogsAccess } from './log-group-queries';

export interface ConnectionServiceDeps {
  store: ConnectionStore;
  secrets: SecretStore;
  /** Client settings for test and log-group calls (timeouts, attempts). */
  clientOptions?: Omit<LogsClientOptions, 'secrets'>;
  /** The clock for "last passed a test" (tests pass their own). */
  now?: () => number;
}

/**
 * Connections: the non-secret part in connections.json, keys in the OS keychain (account = id).
 * Methods take and return the IPC contract's types; the renderer only ever learns `hasSecret`.
 */
export class ConnectionService {
  private readonly journal: SecretJournal;
  private reconciled: Promise<void> | undefined;

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.journal = new SecretJournal(deps.store.dataDir);
  }

  async list(): Promise<ConnectionView[]> {
    await this.reconcile();
    const all = await this.deps.store.read();
    return Promise.all(all.map((connection) => this.view(connection)));
  }

  async get(request: { id: string }): Promise<ConnectionView> {
    return this.view(await this.getConnection(request.id));
  }

  /** The stored record (no secret), for the correlation engine and the CLI. */
  async getConnection(id: string): Promise<Connection> {
    const found = (await this.deps.store.read()).find((connection) => connection.id === id);
    if (!found) throw notFound(id);
    return found;
  }

  /** By id, or by name ignoring case: what a person types on the command line. */
  async findConnection(nameOrId: string): Promise<Connection> {
    const all = await this.deps.store.read();
    const wanted = nameOrId.trim().toLowerCase();
    const found = all.find((c) => c.id === nameOrId) ?? all.find((c) => c.name.toLowerCase() === wanted);
    if (!found) throw notFound(nameOrId);
    return found;
  }

  async create(input: RequestOf<'connections:create'>): Promise<ConnectionView> {
    const draft = parseInput(connectionDraftSchema, input, 'connection');
    await this.reconcile();
    return this.exclusive(async () => {
      const all = await this.deps.store.read();
      assertUniqueName(all, draft.name);
      const connection = connectionSchema.parse({
        id: newConnectionId(all),
        name: draft.name,
        region: draft.region,
        logGroups: [...new Set(draft.logGroups)],
        auth: storedAuth(draft.auth),
        endpoint: draft.endpoint,
        openReplay: draft.openReplay,
        sessionIdFields: nonEmpty(draft.sessionIdFields),
      });
      await this.commit(undefined, connection.id, draft.auth, () => this.deps.store.write([...all, connection]));
      return this.view(connection);
    });
  }

  async update(input: RequestOf<'connections:update'>): Promise<ConnectionView> {
    const update = parseInput(connectionUpdateSchema, input, 'connection update');
    await this.reconcile();
    return this.exclusive(async () => {
      const all = await this.deps.store.read();
      const current = all.find((c) => c.id === update.id);
      if (!current) throw notFound(update.id);
      const others = all.filter((c) => c !== current);
      if (update.name !== undefined) assertUniqueName(others, update.name);
      const next: Connection = {
        ...current,
        ...(update.name !== undefined ? { name: update.name } : {}),
        ...(update.region !== undefined ? { region: update.region } : {}),
        ...(update.logGroups !== undefined ? { logGroups: [...new Set(update.logGroups)] } : {}),
        ...(update.auth !== undefined ? { auth: storedAuth(update.auth) } : {}),
      };
      if (update.endpoint === null) delete next.endpoint;
      else if (update.endpoint !== undefined) next.endpoint = update.endpoint;
      if (update.openReplay === null) delete next.openReplay;
      else if (update.openReplay !== undefined) next.openReplay = update.openReplay;
      if (update.sessionIdFields === null || update.sessionIdFields?.length === 0) delete next.sessionIdFields;
      else if (update.sessionIdFields !== undefined) next.sessionIdFields = update.sessionIdFields;
      // A passed test vouches for the keys, region and endpoint it ran with, not for new ones.
      if (update.auth !== undefined || next.region !== current.region || next.endpoint !== current.endpoint) delete next.lastTestPassedAt;
      const checked = connectionSchema.parse(next);
      const write = () => this.deps.store.write(all.map((c) => (c === current ? checked : c)));
      if (update.auth === undefined) await write();
      else await this.commit(current, current.id, update.auth, write);
      return this.view(checked);
    });
  }

  async delete(request: { id: string }): Promise<void> {
    await this.reconcile();
    return this.exclusive(async () => {
      const all = await this.deps.store.read();
      const current = all.find((c) => c.id === request.id);
      if (!current) throw notFound(request.id);
      await this.commit(current, current.id, undefined, () => this.deps.store.write(all.filter((c) => c !== current)));
    });
  }

  async test(request: { id: string }): Promise<ConnectionTestResult> {
    const connection = await this.getConnection(request.id);
    const result = await this.withClient(connection, (client) => testLogsAccess(client, connection));
    await this.recordPassedTest(connection.id, this.deps.now?.() ?? Date.now());
    return result;
  }

  /** Kept in connections.json, so "last passed a test" survives restarts. */
  private recordPassedTest(id: string, at: number): Promise<void> {
    return this.exclusive(async () => {
      const all = await this.deps.store.read();
      // Deleted while the test ran: nothing to record.
      if (!all.some((c) => c.id === id)) return;
      await this.deps.store.write(all.map((c) => (c.id === id ? { ...c, lastTestPassedAt: at } : c)));
    });
  }

  async listLogGroups(request: RequestOf<'connections:log-groups'>): Promise<LogGroupPage> {
    const prefix = parseLogGroupPrefix(request.prefix);
    const connection = await this.getConnection(request.id);
    return this.withClient(connection, (client) => describeLogGroupsPage(client, { prefix, nextToken: request.nextToken || undefined }));
  }

  /** What DescribeLogGroups knows of the connection's own groups (sizes and retention, for a scan estimate). */
  async describeGroups(connection: Connection): Promise<LogGroupInfo[]> {
    if (connection.logGroups.length === 0) return [];
    return this.withClient(connection, (client) => describeNamedLogGroups(client, connection.logGroups));
  }

  async listRegions(): Promise<string[]> {
    return [...cloudWatchLogsRegions];
  }

  private async withClient<T>(connection: Connection, run: (client: ReturnType<typeof createLogsClient>) => Promise<T>): Promise<T> {
    const client = createLogsClient(connection, { ...this.deps.clientOptions, secrets: this.deps.secrets });
    try {
      return await run(client);
    } catch (error) {
      throw mapAwsError(error, errorContextOf(client));
    } finally {
      client.destroy();
    }
  }

  /**
   * Applies a keychain change (new keys, or removal of keys no longer used) and then the file
   * write; if the write fails, the previous keychain entry is put back so the two never disagree.
   * The id is journalled first, so a crash between the two writes is repaired by `reconcile`.
   */
  private async commit(
    current: Connection | undefined,
    id: string,
    auth: AuthInput | undefined,
    write: () => Promise<void>,
  ): Promise<void> {
    const { secrets } = this.deps;
    if (current?.auth.kind !== 'keys' && auth?.kind !== 'keys') return write();
    const previous = await secrets.get(id);
    await this.journal.add(id);
    if (auth?.kind === 'keys') await secrets.set(id, encodeAwsKeySecret(auth));
    else if (previous !== null) await secrets.delete(id);
    try {
      await write();
    } catch (error) {
      await (previous !== null ? secrets.set(id, previous) : secrets.delete(id)).catch(() => undefined);
      throw error;
    }
    await this.journal.remove(id);
  }

  /**
   * Repairs what a crash between a keychain write and the connections.json write left: a
   * journalled id that is not (or no longer) a keys connection in the file has its keychain entry
   * removed. Only journalled ids are touched: the keychain service is shared by every data
   * directory (a demo, a test, ORCW_DATA_DIR), so an unknown entry may well belong to another one.
   * Runs once per service, before its first use; a keychain that cannot be reached keeps the journal.
   */
  reconcile(): Promise<void> {
    this.reconciled ??= this.exclusive(async () => {
      const pending = await this.journal.pending();
      if (pending.length === 0) return;
      const all = await this.deps.store.read();
      for (const id of pending) {
        if (all.find((c) => c.id === id)?.auth.kind !== 'keys') await this.deps.secrets.delete(id);
      }
      await this.journal.clear();
    }).catch(() => {
      // A damaged connections.json or a locked keychain: try again on the next start.
      this.reconciled = undefined;
    });
    return this.reconciled;
  }

  private async view(connection: Connection): Promise<ConnectionView> {
    if (connection.auth.kind !== 'keys') return { ...connection, hasSecret: false };
    const entry = await this.keychainEntry(connection.id);
    if (entry === null) return { ...connection, hasSecret: false };
    // Only the key's ID leaves this method; the entry itself (the secret) goes out of scope here.
    const accessKeyId = accessKeyIdOf(entry, connection.name);
    return { ...connection, hasSecret: true, ...(accessKeyId !== undefined && { accessKeyId }) };
  }

  /** Listing must work without a keychain (a headless shell); tests and queries report the real error. */
  private async keychainEntry(id: string): Promise<string | null> {
    try {
      return await this.deps.secrets.get(id);
    } catch (error) {
      if (isAppError(error) && error.code === 'KEYCHAIN_UNAVAILABLE') return null;
      throw error;
    }
  }

  /** Read-modify-write of connections.json and the keychain: one at a time across every orcw process. */
  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return withConfigLock(this.deps.store.dataDir, task);
  }
}

/** The access key ID of a keychain entry; undefined when the entry is not in orcw's format. */
function accessKeyIdOf(entry: string, connectionName: string): string | undefined {
  try {
    return decodeAwsKeySecret(entry, connectionName).accessKeyId;
  } catch {
    return undefined;
  }
}

function storedAuth(auth: AuthInput): Connection['auth'] {
  return auth.kind === 'keys' ? { kind: 'keys' } : { kind: 'profile', profile: auth.profile };
}

function assertUniqueName(existing: readonly Connection[], name: string): void {
  const clash = existing.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (clash) {
    throw new AppError(
      'DUPLICATE',
      `A connection named "${clash.name}" already exists.`,
      'Pick another name (names are compared ignoring case).',
    );
  }
}

function newConnectionId(existing: readonly Connection[]): string {
  const taken = new Set(existing.map((c) => c.id));
  let id: string;
  do id = `c-${randomBytes(8).toString('hex')}`;
  while (taken.has(id));
  return id;
}

function notFound(what: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `No connection "${what.slice(0, 100)}".`,
    'List the connections (orcw connections list) and use one of their names or ids.',
  );
}

/** An empty list of session-ID field names is stored as none. */
function nonEmpty(names: string[] | undefined): string[] | undefined {
  return names === undefined || names.length === 0 ? undefined : names;
}
