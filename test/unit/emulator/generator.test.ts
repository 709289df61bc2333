import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SERVICES, SHAPE_SERVICES, generateTraffic } from '../../support/cloudwatch-emulator/generator/generate';
import { LogStore } from '../../support/cloudwatch-emulator/store/log-store';
import type { EmulatorManifest, ManifestSession } from '../../support/cloudwatch-emulator/types';
import { sessionTagTest, textsOf } from '../../support/generated-tags';

function generate(options: Parameters<typeof generateTraffic>[2]): { store: LogStore; manifest: EmulatorManifest } {
  const store = new LogStore();
  return { store, manifest: generateTraffic(store, '123456789012', options) };
}

function digest(store: LogStore): string {
  const h = createHash('sha256');
  for (const g of store.groups.values()) {
    for (const s of g.streams.values()) {
      for (let p = 0; p < s.count; p++) h.update(`${g.name}|${s.name}|${s.timestamps[s.at(p)]}|${s.messages[s.at(p)]}\n`);
    }
  }
  return h.digest('hex');
}

/** Independent of the generator's own bookkeeping: scan every event for the session's tags. */
function countTagged(store: LogStore, s: ManifestSession): number {
  const carries = sessionTagTest(s);
  let n = 0;
  for (const g of store.groups.values()) for (const st of g.streams.values()) for (const m of st.messages) if (carries(m)) n++;
  return n;
}

describe('traffic generator', () => {
  const { store, manifest } = generate({ sessions: 20, seed: 1, heavySession: 300 });

  it('is deterministic for the same options and differs for another seed', () => {
    const again = generate({ sessions: 20, seed: 1, heavySession: 300 });
    expect(again.manifest).toEqual(manifest);
    expect(digest(again.store)).toBe(digest(store));
    expect(digest(generate({ sessions: 20, seed: 2 }).store)).not.toBe(digest(store));
    expect(manifest.totalEvents).toBe(store.totalEvents());
  });

  it('derives windows from flake ids and encodes them in real-format tokens', () => {
    for (const s of manifest.sessions) {
      expect(Number((BigInt(s.sessionId) >> 24n) + 1_550_000_000_000n)).toBe(s.start);
      expect(s.end).toBe(s.start + 2 * 3600_000);
      if (s.token === undefined) {
        expect(s.tokenFormat).toBeNull();
        expect(s.tagStyles.filter((style) => style !== 'session-id' && style !== 'id-json')).toEqual([]);
        continue;
      }
      const parts = s.token.split('.');
      expect(parts).toHaveLength(s.tokenFormat!);
      expect(parts[0]).toBe(BigInt(s.sessionId).toString(36));
      expect(parseInt(parts[parts.length - 2]!, 36)).toBe(s.end);
      expect(parts[parts.length - 1]).toMatch(/^[1-9A-HJ-NP-Za-km-z]{40,44}$/);
    }
    const formats = manifest.sessions.map((s) => s.tokenFormat);
    expect(formats).toContain(3);
    expect(formats).toContain(4);
    expect(formats).toContain(null);
    expect(manifest.sessions.some((s) => s.tokenFormat === 4 && s.token!.split('.')[1]!.startsWith('-'))).toBe(true);
    expect(new Set(manifest.sessions.flatMap((s) => s.tagStyles))).toEqual(
      new Set(['prefix', 'json', 'session-id', 'id-json', 'token-named']),
    );
  });

  it('counts tagged events exactly as a scan of the stored events does', () => {
    for (const s of manifest.sessions) expect(countTagged(store, s), s.sessionId).toBe(s.taggedEvents);
    const heavy = manifest.sessions.filter((s) => s.heavy);
    expect(heavy).toHaveLength(1);
    expect(heavy[0]!.taggedEvents).toBe(300);
  });

  it('plants errors of every language as contiguous events with untagged context before them', () => {
    const errors = manifest.sessions.flatMap((s) => s.errors.map((e) => ({ s, e })));
    expect(new Set(errors.map(({ e }) => e.language))).toEqual(new Set(['python', 'node', 'java', 'go']));
    for (const { s, e } of errors) {
      const stream = store.getGroup(e.logGroup)!.streams.get(e.logStream)!;
      const pos = stream.lowerBound(e.timestamp);
      const lines = Array.from({ length: e.eventCount }, (_, k) => stream.messages[stream.at(pos + k)]!);
      const texts = lines.flatMap(textsOf);
      const headline = e.language === 'go' ? `panic: ${e.message}` : `${e.type}: ${e.message}`;
      // A runtime's error record names type and message apart (`errorType`, `errorMessage`).
      const found = texts.some((t) => t.includes(headline)) || (texts.includes(e.type) && texts.includes(e.message));
      expect(found, `${e.groupKey} in ${e.logStream}`).toBe(true);
      for (const frame of e.frames)
        expect(
          texts.some((t) => t.includes(frame)),
          frame,
        ).toBe(true);
      expect(e.frames.length).toBeGreaterThan(0);
      const before = stream.messages[stream.at(pos - 1)]!;
      expect(before.includes(s.token ?? '\u0000') || before.includes(`openReplaySession.id=${s.sessionId}`)).toBe(false);
    }
    const byKey = new Map<string, Set<string>>();
    for (const { e } of errors) byKey.set(e.groupKey, (byKey.get(e.groupKey) ?? new Set()).add(e.message));
    expect([...byKey.values()].some((messages) => messages.size > 1)).toBe(true);
  });

  it('plants errors in every shape: shipper envelopes, Lambda formats, structured loggers, several runtimes', () => {
    const shapes = new Set(manifest.sessions.flatMap((s) => s.errors.map((e) => e.shape)));
    expect(shapes).toEqual(new Set([...SERVICES, ...SHAPE_SERVICES].map((s) => s.shape)));
    expect(new Set(manifest.sessions.flatMap((s) => s.errors.map((e) => e.level)))).toEqual(new Set(['error', 'fatal']));
    const all = [...store.groups.values()].flatMap((g) => [...g.streams.values()].flatMap((s) => s.messages));
    const has = (text: string) => all.some((m) => m.includes(text));
    // Envelopes: Fluent Bit with and without Merge_Log, FireLens, Docker json-file.
    for (const text of [
      '"_p":"F","log":"{\\"level\\":50',
      '"log_processed":{"level":"error"',
      '"container_name":"/ecs-orders-',
      '"log":"{\\"@timestamp\\"',
    ])
      expect(has(text), text).toBe(true);
    // Lambda: Node text and JSON formats, Python text format, Python's unhandled-error record.
    for (const text of ['\tERROR\t[openReplaySessionToken=', '"level":"ERROR","requestId"', '[ERROR]\t', '"errorType": "ExportError"'])
      expect(has(text), text).toBe(true);
    // openReplaySession.id as a string, a number, nested, escaped; tokens under other names.
    for (const re of [
      /\\"openReplaySession\.id\\":\\"\d+\\"/,
      /\\"openReplaySession\.id\\":\d+[,}]/,
      /\\"openReplaySession\\":\{\\"id\\":\\"\d+\\"\}/,
      /\\"openReplaySession\.id\\": \\"\d+\\"/,
      /X-OpenReplay-SessionToken: [0-9a-z]+\./,
      /sessionToken="[0-9a-z]+\./,
    ]) {
      expect(
        all.some((m) => re.test(m)),
        String(re),
      ).toBe(true);
    }
  });

  it('plants decoys: ids with extra digits and tokens whose id part extends a real one', () => {
    const all = [...store.groups.values()].flatMap((g) => [...g.streams.values()].flatMap((s) => s.messages));
    const idDecoy = manifest.sessions.some((s) => all.some((m) => new RegExp(`openReplaySession\\.id=${s.sessionId}[0-9]`).test(m)));
    const tokenDecoy = manifest.sessions.some(
      (s) =>
        s.token !== undefined && all.some((m) => m.includes(`openReplaySessionToken=${s.token!.split('.')[0]}`) && !m.includes(s.token!)),
    );
    expect(idDecoy).toBe(true);
    expect(tokenDecoy).toBe(true);
  });
});

describe("the heavy session's lines", () => {
  /** Times (ms after the session start) of the heavy session's tagged lines, found by scanning the store. */
  function heavyTimes(spread?: 'session' | 'even'): { times: number[]; session: ManifestSession } {
    const { store, manifest } = generate({
      sessions: 2,
      seed: 7,
      rate: 1,
      heavySession: 6_000,
      ...(spread ? { heavySpread: spread } : {}),
    });
    const session = manifest.sessions.find((s) => s.heavy)!;
    const carries = sessionTagTest(session);
    const times: number[] = [];
    for (const g of store.groups.values())
      for (const st of g.streams.values())
        for (let p = 0; p < st.count; p++) if (carries(st.messages[st.at(p)]!)) times.push(st.timestamps[st.at(p)]! - session.start);
    return { times, session };
  }
  /** Share of the lines in each quarter hour of the session's two hours. */
  const quarters = (times: number[]) =>
    Array.from({ length: 8 }, (_, q) => times.filter((t) => t >= q * 900_000 && t < (q + 1) * 900_000).length / times.length);

  it('happen during the session, densest at its start and thinning after (the default)', () => {
    const { times, session } = heavyTimes();
    expect(times).toHaveLength(6_000);
    expect(times.every((t) => t >= 0 && t < session.end - session.start)).toBe(true);
    const shares = quarters(times);
    // An exponential of mean 20 minutes: 1 − e^(−15/20) ≈ 53% in the first quarter hour, then each quarter e^(−3/4) ≈ 0.47× the one before.
    expect(shares[0]).toBeGreaterThan(0.5);
    expect(shares[0]).toBeLessThan(0.56);
    for (let q = 1; q < shares.length; q++) expect(shares[q]!).toBeLessThan(shares[q - 1]!);
    expect(shares[0]! + shares[1]! + shares[2]! + shares[3]!).toBeGreaterThan(0.94);
  });

  it('spread evenly over the session when asked', () => {
    const { times, session } = heavyTimes('even');
    expect(times).toHaveLength(6_000);
    // Over the session's two hours but its last minute, so the last quarter hour is a minute short.
    const span = session.end - session.start - 60_000;
    expect(Math.max(...times)).toBeLessThan(span);
    quarters(times).forEach((share, q) => expect(share).toBeCloseTo((Math.min((q + 1) * 900_000, span) - q * 900_000) / span, 2));
  });
});
