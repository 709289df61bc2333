import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogsClient } from '../../../main/services/aws/client-factory';
import { openCache, type CacheStore } from '../../../main/services/cache/cache-store';
import { ConnectionService } from '../../../main/services/connections/connection-service';
import { ConnectionStore } from '../../../main/services/connections/connection-store';
import { keychainSecretStore } from '../../../main/services/keychain/secret-store';
import { createFollowService, type FollowService } from '../../../main/services/live/follow-service';
import { followStatusSchema, followUpdateSchema, type FollowStatus, type FollowUpdate } from '../../../shared/domain/live-follow';
import { defaultSettings } from '../../../shared/domain/settings';
import { DEFAULT_CREDENTIAL, startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { fastTuning, sessionIdAt } from '../correlation/support';
import { eventsOf } from '../../support/cache-fixtures/view-events';

// The follow service as the app and the CLI use it: a connection in connections.json with its keys
// in the real keychain, the real SQLite cache, the real SDK's StartLiveTail against the emulator.

const secrets = keychainSecretStore(`orcw-test-${randomBytes(4).toString('hex')}`);
const GROUPS = Array.from({ length: 12 }, (_, i) => `/live/g${String(i).padStart(2, '0')}`);
const DENIED = { accessKeyId: 'AKIDNOLIVETAIL001', secretAccessKey: 'no-live-secret', deny: ['StartLiveTail'] };
let emulator: RunningEmulator;
let cache: CacheStore;
let connections: ConnectionService;
let service: FollowService;
const updates: FollowUpdate[] = [];
const statuses: FollowStatus[] = [];
let n = 0;

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [DEFAULT_CREDENTIAL, DENIED], liveTail: { updateIntervalMs: 250 } });
  for (const g of GROUPS) emulator.putEvents(g, 'boot', [{ timestamp: Date.now() - 60_000, message: 'service started' }]);
  const dataDir = await mkdtemp(join(tmpdir(), 'orcw-follow-'));
  cache = openCache({ dataDir }).store;
  connections = new ConnectionService({ store: new ConnectionStore(dataDir), secrets });
  await connections.create({
    name: 'emu',
    region: 'eu-west-1',
    logGroups: GROUPS,
    endpoint: emulator.url,
    auth: { kind: 'keys', ...DEFAULT_CREDENTIAL },
  });
  service = createFollowService({
    connections,
    cache,
    settings: () => defaultSettings,
    clientFor: (c) => createLogsClient(c, { secrets, maxAttempts: 1 }),
    // Through the IPC contract's schemas, as the app's event emitter sends them.
    emitUpdate: (u) => updates.push(followUpdateSchema.parse(u)),
    emitStatus: (s) => statuses.push(followStatusSchema.parse(s)),
    resumeDelayMs: 50,
    tuning: fastTuning,
  });
});

afterAll(async () => {
  await service.stopAll();
  for (const c of await connections.list()) await connections.delete({ id: c.id });
  cache.close();
  await emulator.stop();
});

afterEach(() => {
  updates.length = 0;
  statuses.length = 0;
  emulator.setFaults({});
});

const liveSession = () => sessionIdAt(Date.now() - 5 * 60_000, ++n);
const waitFor = async (what: () => boolean, ms = 8000) => {
  const until = Date.now() + ms;
  while (!what()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const shown = () => updates.flatMap((u) => u.lines.map((l) => l.message));

describe('following a session live', () => {
  it("opens one Live Tail session per 10 log groups, shows only the session's lines, and saves them as a run", async () => {
    const id = liveSession();
    const started = await service.start({ requestId: 'f1', reference: id });
    expect(started.tails).toBe(2);
    expect(started.logGroups).toBe(12);
    const open = emulator.liveTail.sessions();
    expect(open.map((s) => s.logGroupIdentifiers.length).sort()).toEqual([10, 2]);
    expect(open[0]!.logGroupIdentifiers[0]).toMatch(/^arn:aws:logs:eu-west-1:123456789012:log-group:\/live\/g/);
    const t = Date.now();
    emulator.putEvents('/live/g00', 'api/1', [{ timestamp: t, message: `GET /cart openReplaySession.id=${id}` }]);
    emulator.putEvents('/live/g11', 'w/1', [{ timestamp: t + 1, message: `{"openReplaySession": {"id": "${id}"}, "msg": "charged"}` }]);
    // Through the tail's pattern (it holds the ID's digits), but not the session's: a longer ID, an untagged number.
    emulator.putEvents('/live/g00', 'api/1', [{ timestamp: t + 2, message: `openReplaySession.id=${id}9 other session` }]);
    emulator.putEvents('/live/g05', 'api/2', [{ timestamp: t + 3, message: `order ${id} placed` }]);
    await waitFor(() => shown().length >= 2);
    await new Promise((r) => setTimeout(r, 600));
    expect(shown()).toEqual([`GET /cart openReplaySession.id=${id}`, `{"openReplaySession": {"id": "${id}"}, "msg": "charged"}`]);
    await service.stop({ requestId: 'f1' });
    await waitFor(() => emulator.liveTail.sessions().length === 0, 1000);
    const end = statuses.at(-1)!;
    expect(end).toMatchObject({ state: 'ended', reason: 'stopped' });
    const saved = cache.openView(id)!;
    expect(saved.view.run.runId).toBe(started.view.run.runId);
    expect(eventsOf(cache, saved.view).map((e) => e.message)).toEqual(shown());
  });

  it('resumes a dropped stream without duplicates, filling the gap with an Insights query marked as such', async () => {
    const id = liveSession();
    await service.start({ requestId: 'f2', reference: id });
    const t = Date.now();
    emulator.putEvents('/live/g01', 's', [{ timestamp: t, message: `one openReplaySession.id=${id}` }]);
    await waitFor(() => shown().length === 1);
    const before = emulator.liveTail.sessionsStarted;
    emulator.liveTail.dropStreams();
    // Written while no stream is open: only the gap query can bring it.
    emulator.putEvents('/live/g01', 's', [{ timestamp: Date.now(), message: `two openReplaySession.id=${id}` }]);
    await waitFor(() => emulator.liveTail.sessionsStarted >= before + 2 && emulator.liveTail.sessions().length === 2);
    await waitFor(() => updates.some((u) => u.gap !== undefined && u.lines.length > 0));
    emulator.putEvents('/live/g01', 's', [{ timestamp: Date.now(), message: `three openReplaySession.id=${id}` }]);
    await waitFor(() => shown().length >= 3);
    await service.stop({ requestId: 'f2' });
    expect(statuses.some((s) => s.state === 'resuming')).toBe(true);
    const gap = updates.find((u) => u.gap !== undefined && u.lines.length > 0)!;
    expect(gap.lines.map((l) => l.message)).toEqual([`two openReplaySession.id=${id}`]);
    expect(gap.gap!.to).toBeGreaterThan(gap.gap!.from);
    // The gap query also returned line one (its window starts before the drop): not shown twice.
    expect([...shown()].sort()).toEqual([
      `one openReplaySession.id=${id}`,
      `three openReplaySession.id=${id}`,
      `two openReplaySession.id=${id}`,
    ]);
    expect(eventsOf(cache, cache.openView(id)!.view).map((e) => e.message)).toEqual([
      `one openReplaySession.id=${id}`,
      `two openReplaySession.id=${id}`,
      `three openReplaySession.id=${id}`,
    ]);
  });

  it('says when an update was sampled', async () => {
    const id = liveSession();
    await service.start({ requestId: 'f3', reference: id });
    const t = Date.now();
    emulator.putEvents(
      '/live/g02',
      's',
      Array.from({ length: 700 }, (_, i) => ({ timestamp: t, message: `burst ${i} openReplaySession.id=${id}` })),
    );
    await waitFor(() => updates.some((u) => u.sampled));
    await service.stop({ requestId: 'f3' });
    expect(updates.find((u) => u.sampled)!.lines.length).toBeLessThanOrEqual(500);
  });

  it('ends at the 3-hour limit when the service times the session out', async () => {
    const id = liveSession();
    await service.start({ requestId: 'f4', reference: id });
    emulator.clock.advance(3 * 3_600_000);
    try {
      await waitFor(() => statuses.some((s) => s.state === 'ended'));
    } finally {
      emulator.clock.advance(-3 * 3_600_000);
    }
    expect(statuses.at(-1)).toMatchObject({ state: 'ended', reason: 'time-limit' });
    await waitFor(() => emulator.liveTail.sessions().length === 0, 1000);
  });

  it("stops by itself once the session's window has passed", async () => {
    // The window ends 2 h (the default session length) + 5 min (the margin) after the start: 1.5 s from now.
    const id = sessionIdAt(Date.now() - 2 * 3_600_000 - 5 * 60_000 + 1500, ++n);
    const started = await service.start({ requestId: 'f9', reference: id });
    expect(started.endsAt - started.startedAt).toBeLessThanOrEqual(1500);
    await waitFor(() => statuses.some((s) => s.requestId === 'f9' && s.state === 'ended'), 5000);
    expect(statuses.at(-1)).toMatchObject({ state: 'ended', reason: 'window-passed' });
    await waitFor(() => emulator.liveTail.sessions().length === 0, 1000);
  });

  it('refuses a session whose window has passed unless asked to follow it anyway', async () => {
    const old = sessionIdAt(Date.now() - 5 * 3_600_000, ++n);
    await expect(service.start({ requestId: 'f5', reference: old })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const started = await service.start({ requestId: 'f6', reference: old, anyTime: true });
    expect(started.endsAt).toBe(started.startedAt + 3 * 3_600_000);
    await service.stop({ requestId: 'f6' });
  });

  it("reports access denied and throttling through the app's errors, leaving nothing open", async () => {
    const denied = await connections.create({
      name: 'denied',
      region: 'eu-west-1',
      logGroups: ['/live/g00'],
      endpoint: emulator.url,
      auth: { kind: 'keys', ...DENIED },
    });
    await expect(service.start({ requestId: 'f7', reference: liveSession(), connectionIds: [denied.id] })).rejects.toMatchObject({
      code: 'AWS_ACCESS_DENIED',
      message: expect.stringContaining('logs:StartLiveTail'),
    });
    emulator.setFaults({ throttle: { StartLiveTail: 1 } });
    const emu = (await connections.list()).find((c) => c.name === 'emu')!;
    await expect(service.start({ requestId: 'f8', reference: liveSession(), connectionIds: [emu.id] })).rejects.toMatchObject({
      code: 'AWS_THROTTLED',
    });
    await waitFor(() => emulator.liveTail.sessions().length === 0, 1000);
    await connections.delete({ id: denied.id });
  });
});
