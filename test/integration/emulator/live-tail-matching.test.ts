import { StartQueryCommand, type CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatorManifest, type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { compileFilterPattern } from '../../support/cloudwatch-emulator/operations/filter-pattern';
import { buildSessionQuery } from '../../../shared/session/query';
import { buildLiveTailPattern, MAX_FILTER_PATTERN_LENGTH } from '../../../shared/session/live-tail-pattern';
import { sessionLineMatcher } from '../../../shared/session/session-line-matcher';
import { KEY, client, field, waitForQuery } from './helpers';

let emu: RunningEmulator;
let logs: CloudWatchLogsClient;
let manifest: EmulatorManifest;
const allMessages: string[] = [];

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY] });
  logs = client(emu);
  manifest = emu.generate({ sessions: 12, seed: 7, rate: 6 });
  // Lines of the live view the generator does not write: the edges of the ID and the token.
  const s = manifest.sessions[0]!;
  const extra = [
    `openReplaySession.id=${s.sessionId}7 longer id`,
    `x=${s.sessionId}`,
    `"OpenReplay-Session-Id": "${s.sessionId}"`,
    `{"openReplaySession": {"user": 1, "id": ${s.sessionId}}}`,
    `ref=a${s.sessionId.slice(0, 5)}`,
  ];
  emu.putEvents(
    manifest.logGroups[0]!,
    'edges',
    extra.map((message, i) => ({ timestamp: s.start + 1000 + i, message })),
  );
  for (const e of extra) allMessages.push(e);
});

afterAll(async () => {
  logs.destroy();
  await emu.stop();
});

describe('Live Tail matching is the Insights query', () => {
  it('the client matcher picks exactly the lines the session query returns, and the filter pattern lets each of them through', async () => {
    for (const s of manifest.sessions) {
      const ref = { kind: 'session-id' as const, sessionId: s.sessionId, start: s.start, end: s.end };
      const { queryId } = await logs.send(
        new StartQueryCommand({
          logGroupNames: manifest.logGroups,
          startTime: Math.floor(manifest.timeRange.from / 1000),
          endTime: Math.floor(manifest.timeRange.to / 1000) + 1,
          queryString: buildSessionQuery(ref),
        }),
      );
      const r = await waitForQuery(logs, queryId!);
      const fromQuery = (r.results ?? []).map((row) => field(row, '@message')!).sort();
      // Every stored event, read back with a query that matches everything.
      const all = await logs.send(
        new StartQueryCommand({
          logGroupNames: manifest.logGroups,
          startTime: Math.floor(s.start / 1000) - 600,
          endTime: Math.floor(s.end / 1000) + 600,
          queryString: 'fields @message | limit 100000',
        }),
      );
      const everything = ((await waitForQuery(logs, all.queryId!)).results ?? []).map((row) => field(row, '@message')!);
      const matches = sessionLineMatcher(ref);
      const fromMatcher = everything.filter(matches).sort();
      expect(fromMatcher, s.sessionId).toEqual(fromQuery.filter((m) => everything.includes(m)));
      expect(fromMatcher.length, s.sessionId).toBe(s.taggedEvents + (s === manifest.sessions[0] ? 2 : 0));
      const pattern = buildLiveTailPattern(ref);
      expect(pattern.length).toBeLessThanOrEqual(MAX_FILTER_PATTERN_LENGTH);
      const passes = compileFilterPattern(pattern);
      for (const m of fromMatcher) expect(passes(m), m).toBe(true);
    }
  });

  it('the pattern is wider than the query (decoys pass it) and the matcher removes them', () => {
    const s = manifest.sessions[0]!;
    const ref = { kind: 'session-id' as const, sessionId: s.sessionId, start: s.start, end: s.end };
    const passes = compileFilterPattern(buildLiveTailPattern(ref));
    const matches = sessionLineMatcher(ref);
    expect(passes(allMessages[0]!)).toBe(true);
    expect(matches(allMessages[0]!)).toBe(false);
    expect(passes(allMessages[1]!)).toBe(true);
    expect(matches(allMessages[1]!)).toBe(false);
    expect(matches(allMessages[2]!)).toBe(true);
    expect(matches(allMessages[3]!)).toBe(true);
    expect(passes(allMessages[4]!)).toBe(false);
  });
});
