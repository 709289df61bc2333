import { GetLogEventsCommand, StartQueryCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorManifest, type ManifestSession, type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { buildSessionQuery } from '../../../shared/session/query';
import { textsOf } from '../../support/generated-tags';
import { KEY, client, field, waitForQuery } from './helpers';

let emu: RunningEmulator;
let logs: CloudWatchLogsClient;
let manifest: EmulatorManifest;

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY] });
  logs = client(emu);
  manifest = emu.generate({ sessions: 20, seed: 3, rate: 4, heavySession: 12_000 });
});

afterAll(async () => {
  logs.destroy();
  await emu.stop();
});

/** The query the app builds: every tag convention, digit boundaries on the ID. */
function correlationQuery(s: ManifestSession): string {
  return buildSessionQuery({ kind: 'session-id', sessionId: s.sessionId, start: s.start, end: s.end });
}

async function run(s: ManifestSession, queryString: string) {
  const { queryId } = await logs.send(
    new StartQueryCommand({
      logGroupNames: manifest.logGroups,
      startTime: Math.floor(s.start / 1000),
      endTime: Math.floor(s.end / 1000),
      queryString,
    }),
  );
  return waitForQuery(logs, queryId!);
}

const ts = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');

describe('generated traffic against Insights queries', () => {
  it('finds exactly the tagged events of every session, and caps the heavy one at the limit', async () => {
    for (const s of manifest.sessions) {
      const r = await run(s, correlationQuery(s));
      expect(r.status).toBe('Complete');
      expect(r.statistics!.recordsMatched, s.sessionId).toBe(s.taggedEvents);
      expect(r.results!.length).toBe(Math.min(s.taggedEvents, 10_000));
      expect(new Set(r.results!.map((row) => field(row, '@log')!.split(':')[1]))).toEqual(new Set(s.logGroups));
    }
    const heavy = manifest.sessions.find((s) => s.heavy)!;
    expect(heavy.taggedEvents).toBe(12_000);
  });

  it('returns the first line of every planted error, and GetLogEvents yields its whole trace', async () => {
    for (const s of manifest.sessions.filter((x) => x.errors.length > 0)) {
      const r = await run(s, correlationQuery(s));
      for (const e of s.errors) {
        const row = r.results!.find((x) => field(x, '@logStream') === e.logStream && field(x, '@timestamp') === ts(e.timestamp));
        expect(row, `${e.groupKey} of ${s.sessionId}`).toBeDefined();
        const trace = await logs.send(
          new GetLogEventsCommand({
            logGroupName: e.logGroup,
            logStreamName: e.logStream,
            startTime: e.timestamp,
            startFromHead: true,
            limit: e.eventCount,
          }),
        );
        expect(trace.events).toHaveLength(e.eventCount);
        const lines = trace.events!.map((x) => x.message!);
        expect(lines).toContain(field(row, '@message'));
        // The trace's own text, inside a shipper's envelope or a JSON record where there is one.
        if (e.language === 'java')
          expect(
            lines.flatMap(textsOf).some((l) => l.includes(`${e.type}: ${e.message}`)),
            e.groupKey,
          ).toBe(true);
        if (e.language === 'go')
          expect(
            textsOf(lines[0]!).some((l) => l.includes(`panic: ${e.message}`)),
            e.groupKey,
          ).toBe(true);
      }
    }
  });

  it('plants id decoys that only a search without a digit boundary would match', async () => {
    let decoys = 0;
    for (const s of manifest.sessions.filter((x) => x.tagStyles.includes('session-id'))) {
      const naive = await run(s, `filter @message like "openReplaySession.id=${s.sessionId}"`);
      const bounded = await run(s, `filter @message like /openReplaySession\\.id=${s.sessionId}([^0-9]|$)/`);
      expect(naive.statistics!.recordsMatched).toBeGreaterThanOrEqual(bounded.statistics!.recordsMatched!);
      decoys += naive.statistics!.recordsMatched! - bounded.statistics!.recordsMatched!;
    }
    expect(decoys).toBeGreaterThan(0);
  });

  it('reports bytes scanned for the whole window of the chosen groups', async () => {
    const s = manifest.sessions[0]!;
    const r = await run(s, 'filter @message like "no such text anywhere"');
    expect(r.results).toEqual([]);
    expect(r.statistics!.recordsScanned).toBeGreaterThan(s.taggedEvents);
    expect(r.statistics!.bytesScanned).toBeGreaterThan(r.statistics!.recordsScanned! * 26);
    const q = emu.metrics.queries.at(-1)!;
    expect(q.bytesScanned).toBe(r.statistics!.bytesScanned);
    expect(q.logGroups).toEqual(manifest.logGroups);
  });
});
