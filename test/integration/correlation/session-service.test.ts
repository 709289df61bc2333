import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogsClient } from '../../../main/services/aws/client-factory';
import { openCache, type CacheStore } from '../../../main/services/cache/cache-store';
import { LayeredStore, OVERFLOW_RUN_IDS } from '../../../main/services/cache/layered-store';
import { openDatabase, openMemoryDatabase } from '../../../main/services/cache/open-database';
import { SqliteCache } from '../../../main/services/cache/sqlite-cache';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { createSessionService, type SessionService } from '../../../main/services/correlation/session-service';
import { keychainSecretStore } from '../../../main/services/keychain/secret-store';
import type { CorrelationProgress } from '../../../shared/domain/correlation';
import { defaultSettings } from '../../../shared/domain/settings';
import { DEFAULT_CREDENTIAL, startEmulator, type EmulatorManifest, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { fastTuning } from './support';
import { eventsOf } from '../../support/cache-fixtures/view-events';

// The service as the app and the CLI use it: connections in connections.json with keys in the
// real keychain (run inside scripts/with-keyring.sh), the real SQLite cache, the real SDK against
// the emulator. Only the clock is set by the test, to make a session "live".

const secrets = keychainSecretStore(`orcw-test-${randomBytes(4).toString('hex')}`);
let emulator: RunningEmulator;
let manifest: EmulatorManifest;
let cache: CacheStore;
let connections: ConnectionService;
let service: SessionService;
let clock: number;
const progress: CorrelationProgress[] = [];

async function addConnection(name: string, endpoint: string, logGroups: string[]) {
  return connections.create({
    name,
    region: 'us-east-1',
    logGroups,
    endpoint,
    auth: { kind: 'keys', accessKeyId: DEFAULT_CREDENTIAL.accessKeyId, secretAccessKey: DEFAULT_CREDENTIAL.secretAccessKey },
  });
}

function newService(over: { runTimeoutMs?: number } = {}) {
  return createSessionService({
    connections,
    cache,
    settings: () => defaultSettings,
    clientFor: (connection) => createLogsClient(connection, { secrets, maxAttempts: 2, requestTimeoutMs: 5_000, connectTimeoutMs: 1_000 }),
    emitProgress: (p) => progress.push(p),
    now: () => clock,
    tuning: fastTuning,
    ...over,
  });
}

beforeAll(async () => {
  emulator = await startEmulator();
  manifest = emulator.generate({ sessions: 6, seed: 21, rate: 3 });
  const dataDir = await mkdtemp(join(tmpdir(), 'orcw-session-'));
  cache = openCache({ dataDir, now: () => clock }).store;
  connections = new ConnectionService({ store: new ConnectionStore(dataDir), secrets });
  await addConnection('emu', emulator.url, manifest.logGroups);
  service = newService();
});
afterAll(async () => {
  for (const c of await connections.list()) await connections.delete({ id: c.id });
  cache.close();
  await emulator.stop();
});
afterEach(() => {
  emulator.setFaults({});
  emulator.queryLatency = { baseMs: 40, bytesPerSecond: 2_000_000_000 };
  progress.length = 0;
});

const later = () => manifest.timeRange.to + 86_400_000;
const started = () => emulator.metrics.queries.length;
const tokenOf = (i: number) => manifest.sessions[i]!.token ?? manifest.sessions[i]!.sessionId;

describe('session service', () => {
  it('runs once, saves the run, then answers from the cache without querying', async () => {
    clock = later();
    const session = manifest.sessions[0]!;
    const first = await service.correlate({ requestId: 'r1', reference: `  ${tokenOf(0)}  `, mode: 'cache-first' });
    expect(first.source).toBe('network');
    expect(first.result.complete).toBe(true);
    expect(first.result.stats.recordsMatched).toBe(session.taggedEvents);
    expect(progress.every((p) => p.requestId === 'r1')).toBe(true);
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['querying', 'processing', 'saving', 'done']));
    expect(progress.at(-1)!.phase).toBe('done');

    const before = started();
    clock += 60_000;
    const again = await service.correlate({ requestId: 'r2', reference: session.sessionId, mode: 'cache-first' });
    expect(again.source).toBe('cache');
    expect(again.cachedAt).toBe(later());
    // The same cached run, seen the same way: header, groups, counts and the first events.
    expect(again.result).toEqual(first.result);
    const events = eventsOf(cache, again.result);
    expect(events.length).toBe(first.result.eventCount);
    expect(events.slice(0, first.result.firstEvents.length)).toEqual(first.result.firstEvents);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(started()).toBe(before);
  });

  it('refreshing a session whose window the cache already covers scans nothing', async () => {
    clock = later();
    await service.correlate({ requestId: 'r3', reference: tokenOf(1), mode: 'refresh' });
    const before = started();
    const refreshed = await service.correlate({ requestId: 'r4', reference: tokenOf(1), mode: 'refresh' });
    expect(refreshed.source).toBe('cache');
    expect(started()).toBe(before);
  });

  it('refreshing a live session queries only the uncovered tail and matches a full run', async () => {
    const session = manifest.sessions[2]!;
    clock = session.start + 40 * 60_000;
    const early = await service.correlate({ requestId: 'r5', reference: tokenOf(2), mode: 'refresh' });
    expect(early.result.window.to).toBe(clock);

    clock += 50 * 60_000;
    const before = started();
    const refreshed = await service.correlate({ requestId: 'r6', reference: tokenOf(2), mode: 'refresh' });
    const queries = emulator.metrics.queries.slice(before);
    expect(queries).toHaveLength(1);
    expect(queries[0]!.startTime * 1000).toBeGreaterThan(early.result.window.from);
    expect(queries[0]!.startTime * 1000).toBeLessThanOrEqual(early.result.window.to - 5 * 60_000);
    expect(refreshed.result.window).toEqual({ from: early.result.window.from, to: clock });

    const full = await newService().correlate({ requestId: 'r7', reference: tokenOf(2), mode: 'refresh', from: early.result.window.from });
    expect(full.source).toBe('network');
    expect(eventsOf(cache, refreshed.result).map((e) => e.id)).toEqual(eventsOf(cache, full.result).map((e) => e.id));
    expect(refreshed.result.groups.map((g) => [g.fingerprint, g.count, g.firstSeen, g.lastSeen])).toEqual(
      full.result.groups.map((g) => [g.fingerprint, g.count, g.firstSeen, g.lastSeen]),
    );
  });

  it('picks the connections the request or the deep link names, and refuses unknown ones', async () => {
    clock = later();
    const other = await addConnection('Staging', emulator.url, [manifest.logGroups[0]!]);
    try {
      const viaLink = await service.correlate({
        requestId: 'r8',
        reference: `orcw://session/${tokenOf(3)}?connection=staging`,
        mode: 'refresh',
      });
      expect(viaLink.result.connections.map((c) => c.name)).toEqual(['Staging']);
      const viaIds = await service.correlate({ requestId: 'r9', reference: tokenOf(3), connectionIds: [other.id], mode: 'refresh' });
      expect(viaIds.result.connections.map((c) => c.id)).toEqual([other.id]);
      await expect(
        service.correlate({ requestId: 'r10', reference: `orcw://session/${tokenOf(3)}?connection=nope`, mode: 'refresh' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await connections.delete({ id: other.id });
    }
  });

  it('parses the raw reference itself and rejects a bad one', async () => {
    await expect(service.correlate({ requestId: 'r11', reference: 'jw4wdfpgqhoj.3az', mode: 'refresh' })).rejects.toMatchObject({
      code: 'INVALID_REFERENCE',
    });
    await expect(service.correlate({ requestId: 'r11', reference: 12 as unknown as string })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('cancel stops every running query and saves nothing', async () => {
    clock = later();
    emulator.queryLatency = { baseMs: 30_000, bytesPerSecond: 2_000_000_000 };
    const before = started();
    const stops = emulator.metrics.operations.StopQuery ?? 0;
    const running = service.correlate({ requestId: 'cancel-me', reference: tokenOf(4), mode: 'cache-first' });
    // Both parts of the window (the first 15 minutes, the rest) are queried at once.
    while (started() - before < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    service.cancel({ requestId: 'cancel-me' });
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(emulator.metrics.queries.slice(before).map((q) => q.status)).toEqual(['Cancelled', 'Cancelled']);
    expect((emulator.metrics.operations.StopQuery ?? 0) - stops).toBe(2);
    expect(cache.openSession(manifest.sessions[4]!.sessionId)).toBeNull();
  });

  it('gives up after the run timeout, stopping its queries', async () => {
    clock = later();
    emulator.queryLatency = { baseMs: 30_000, bytesPerSecond: 2_000_000_000 };
    const stops = emulator.metrics.operations.StopQuery ?? 0;
    const before = started();
    await expect(
      newService({ runTimeoutMs: 300 }).correlate({ requestId: 't1', reference: tokenOf(4), mode: 'refresh' }),
    ).rejects.toMatchObject({ code: 'AWS_QUERY_TIMEOUT' });
    // Every query it started (one per part of the window) was stopped.
    expect(started() - before).toBe(2);
    expect((emulator.metrics.operations.StopQuery ?? 0) - stops).toBe(2);
  });
});

describe('offline', () => {
  it('offline mode answers from the cache only', async () => {
    clock = later();
    const before = started();
    const cached = await service.correlate({ requestId: 'o1', reference: tokenOf(0), mode: 'offline' });
    expect(cached.source).toBe('cache');
    await expect(service.correlate({ requestId: 'o2', reference: tokenOf(5), mode: 'offline' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(started()).toBe(before);
  });

  it('shows the cached run, marked offline, when CloudWatch cannot be reached or the keys are gone', async () => {
    clock = later();
    const dead = await startEmulator();
    await dead.stop();
    const [main] = await connections.list();
    const away = await addConnection('away', dead.url, manifest.logGroups);
    try {
      const first = await service.correlate({ requestId: 'o3', reference: tokenOf(0), connectionIds: [main!.id], mode: 'cache-first' });
      const offline = await service.correlate({ requestId: 'o4', reference: tokenOf(0), connectionIds: [away.id], mode: 'refresh' });
      expect(offline.source).toBe('cache');
      expect(offline.offline).toMatchObject({
        code: 'OFFLINE',
        message: expect.stringMatching(/^offline — showing cached results from \d{4}-/),
      });
      expect(eventsOf(cache, offline.result)).toEqual(eventsOf(cache, first.result));

      await secrets.delete(main!.id);
      // A wider window than the cached run's, so the refresh has to go to the network.
      const from = first.result.window.from - 60_000;
      const noKeys = await service.correlate({ requestId: 'o5', reference: tokenOf(0), connectionIds: [main!.id], mode: 'refresh', from });
      expect(noKeys).toMatchObject({ source: 'cache', offline: { code: 'OFFLINE' } });
      expect(noKeys.offline!.message).toContain('No access keys');

      // Nothing cached and nothing reachable: the failure itself is the answer.
      const nothing = await service.correlate({ requestId: 'o6', reference: tokenOf(5), connectionIds: [away.id], mode: 'refresh' });
      expect(nothing.source).toBe('network');
      expect(nothing.result.complete).toBe(false);
      expect(nothing.result.failures).toEqual([expect.objectContaining({ connection: 'away', code: 'AWS_NETWORK' })]);
      expect(cache.openSession(manifest.sessions[5]!.sessionId)).toBeNull();
    } finally {
      await connections.delete({ id: away.id });
    }
  });

  it('tells the user when the disk refuses the run, and still returns the result', async () => {
    clock = later();
    const dir = await mkdtemp(join(tmpdir(), 'orcw-full-'));
    const opened = openDatabase(dir, () => clock);
    const disk = new SqliteCache(opened.db, { capBytes: 1024 ** 3, now: () => clock, memoryOnly: false });
    const full = new LayeredStore(
      disk,
      () => new SqliteCache(openMemoryDatabase(), { capBytes: 1024 ** 3, now: () => clock, memoryOnly: true, minRunId: OVERFLOW_RUN_IDS }),
    );
    // SQLITE_FULL as soon as the file would grow: the same error as a full disk.
    const { page_count: pages } = opened.db.prepare('PRAGMA page_count').get() as { page_count: number };
    opened.db.exec(`PRAGMA max_page_count = ${pages}`);
    const onFullDisk = createSessionService({
      connections,
      cache: full,
      settings: () => defaultSettings,
      clientFor: (connection) => createLogsClient(connection, { secrets, maxAttempts: 2 }),
      emitProgress: () => undefined,
      now: () => clock,
      tuning: fastTuning,
    });
    // Its own connection: earlier tests take the keys of the shared one away.
    const own = await addConnection('emu-disk', emulator.url, manifest.logGroups);
    const response = await onFullDisk.correlate({
      requestId: 'disk-full',
      reference: tokenOf(1),
      connectionIds: [own.id],
      mode: 'refresh',
    });
    expect(response.source).toBe('network');
    expect(response.result.stats.recordsMatched).toBe(manifest.sessions[1]!.taggedEvents);
    expect(response.cacheWarning).toMatchObject({ code: 'CACHE_WRITE_FAILED', hint: expect.any(String) });
    full.close();
  });
});
