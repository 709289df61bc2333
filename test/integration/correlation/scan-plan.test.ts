import { CloudWatchLogsClient, CreateLogGroupCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices, type CoreServices } from '../../../main/services/app/core-services';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { flakeId, makeToken } from '../../support/cloudwatch-emulator/generator/tokens';
import { tempDataDir } from '../connections/support';

// The preview of a link's scan against the emulator through the real SDK: the estimate from
// DescribeLogGroups' storedBytes and retention is compared with what the run then really scanned
// (bytesScanned, as the emulator computed it), and the last cached run stands in when
// DescribeLogGroups is denied.

const DAY = 86_400_000;
const HOUR = 3_600_000;
const KEY = { accessKeyId: 'AKIDPLANNER00001', secretAccessKey: 'planner-secret' };
const NO_DESCRIBE = { accessKeyId: 'AKIDPLANNERDENY1', secretAccessKey: 'planner-deny-secret' };

let emulator: RunningEmulator;
let core: CoreServices;
const now = Date.now();

/** One line a minute for `days`, ~180 bytes each: even traffic, so an even-spread estimate should be close. */
function steadyTraffic(group: string, from: number, to: number) {
  const events = [];
  for (let t = from; t < to; t += 60_000)
    events.push({ timestamp: t, message: `INFO GET /api/orders/${t % 9973} 200 ${'x'.repeat(140)} t=${t}` });
  emulator.putEvents(group, 'web-1', events);
}

async function createGroupAt(name: string, creationTime: number, retentionInDays?: number) {
  const client = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: emulator.url, credentials: KEY });
  emulator.clock.advance(creationTime - emulator.clock.now());
  try {
    await client.send(new CreateLogGroupCommand({ logGroupName: name }));
  } finally {
    emulator.clock.advance(Date.now() - emulator.clock.now());
  }
  if (retentionInDays !== undefined) await client.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays }));
  client.destroy();
}

function tokenAt(start: number, seq: number): string {
  return makeToken(flakeId(start, 9, seq), start + 2 * HOUR, 4);
}

beforeAll(async () => {
  emulator = await startEmulator({ credentials: [KEY, { ...NO_DESCRIBE, deny: ['DescribeLogGroups'] }] });
  await createGroupAt('/plan/forever', now - 10 * DAY);
  steadyTraffic('/plan/forever', now - 10 * DAY, now);
  await createGroupAt('/plan/week', now - 30 * DAY, 7);
  steadyTraffic('/plan/week', now - 10 * DAY, now);
  core = await createCoreServices({ dataDir: await tempDataDir(), emitProgress: () => undefined });
});
afterAll(async () => {
  for (const c of await core.connections.list()) await core.connections.delete({ id: c.id });
  core.close();
  await emulator.stop();
});

async function connection(name: string, groups: string[], key = KEY) {
  return core.connections.create({ name, region: 'us-east-1', logGroups: groups, endpoint: emulator.url, auth: { kind: 'keys', ...key } });
}

describe('scan preview', () => {
  it('estimates from storedBytes spread over the group’s age, close to what the run scans', async () => {
    const view = await connection('forever', ['/plan/forever']);
    const reference = tokenAt(now - 5 * DAY, 1);
    const plan = await core.planScan({ reference, connectionIds: [view.id] });
    expect(plan).toMatchObject({
      cached: false,
      estimate: { basis: 'stored-bytes' },
      connections: [{ name: 'forever', logGroups: [{ name: '/plan/forever', storedBytes: expect.any(Number) }] }],
    });
    expect(plan.window.to - plan.window.from).toBe(2 * HOUR + 10 * 60_000);

    const run = await core.sessions.correlate({ requestId: 'plan-1', reference, connectionIds: [view.id], mode: 'refresh' });
    const scanned = run.result.stats.bytesScanned;
    expect(scanned).toBeGreaterThan(0);
    expect(Math.abs(plan.estimate.bytes! - scanned) / scanned).toBeLessThan(0.05);
    expect(plan.estimate.costUsd).toBeCloseTo((plan.estimate.bytes! / 1e9) * 0.005, 12);
    expect(plan.autoRun).toBe(true);
    // Now the cache holds it: the link opens at once.
    expect((await core.planScan({ reference, connectionIds: [view.id] })).cached).toBe(true);
  });

  it('spreads storedBytes over the retention when it is shorter than the group’s age', async () => {
    const view = await connection('week', ['/plan/week']);
    const reference = tokenAt(now - 2 * DAY, 2);
    const plan = await core.planScan({ reference, connectionIds: [view.id] });
    expect(plan.connections[0]!.logGroups[0]).toMatchObject({ retentionInDays: 7 });
    const run = await core.sessions.correlate({ requestId: 'plan-2', reference, connectionIds: [view.id], mode: 'refresh' });
    const scanned = run.result.stats.bytesScanned;
    expect(Math.abs(plan.estimate.bytes! - scanned) / scanned).toBeLessThan(0.05);
  });

  it('falls back to the last cached run of the same groups when DescribeLogGroups is denied, and to unknown before one', async () => {
    const view = await connection('no-describe', ['/plan/forever'], NO_DESCRIBE);
    const first = await core.planScan({ reference: tokenAt(now - 4 * DAY, 3), connectionIds: [view.id] });
    expect(first).toMatchObject({ autoRun: false, estimate: { bytes: null, costUsd: null, basis: 'unknown' } });
    expect(first.connections[0]!.note).toMatch(/AWS denied access/);

    const ran = await core.sessions.correlate({
      requestId: 'plan-3',
      reference: tokenAt(now - 4 * DAY, 3),
      connectionIds: [view.id],
      mode: 'refresh',
    });
    const next = await core.planScan({ reference: tokenAt(now - 3 * DAY, 4), connectionIds: [view.id] });
    expect(next.estimate.basis).toBe('last-run');
    expect(next.estimate.bytes).toBe(ran.result.stats.bytesScanned);
  });

  it('refuses what the run would refuse: a link window far from its session', async () => {
    const link = `orcw://session/${flakeId(now - 5 * DAY, 9, 5)}?from=2019-06-01T00:00:00Z`;
    await expect(core.planScan({ reference: link })).rejects.toMatchObject({
      code: 'INVALID_REFERENCE',
      message: expect.stringContaining('more than 1 day before the session start'),
    });
  });
});
