import { readRecord } from '../../../main/services/correlation/log-shapes/read-record';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrelationResult, LogEvent } from '../../../shared/domain/correlation';
import { defaultSettings } from '../../../shared/domain/settings';
import { deriveTimeWindow } from '../../../shared/session/time-window';
import { SERVICES, SHAPE_SERVICES } from '../../support/cloudwatch-emulator/generator/generate';
import { startEmulator, type EmulatorManifest, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { sessionTagTest } from '../../support/generated-tags';
import { connection, emulatorClient, fastTuning, correlateCollecting, reference } from './support';

// Generated traffic (several services, tag conventions, languages, noise, decoys) is the input and
// the emulator's manifest the ground truth: every planted error must come back, grouped right.

// Generated at load time: `it.each` needs the sessions while the tests are being collected.
const emulator: RunningEmulator = await startEmulator();
const manifest: EmulatorManifest = emulator.generate({ sessions: 24, seed: 11, rate: 4 });
const results = new Map<string, CorrelationResult>();
const queriesBySession = new Map<string, { startTime: number; endTime: number; bytesScanned: number }[]>();

beforeAll(async () => {
  const now = manifest.timeRange.to + 86_400_000;
  const conn = connection(emulator, 'emu', manifest.logGroups, { openReplay: { baseUrl: 'https://replay.example.com', projectId: '42' } });
  for (const session of manifest.sessions) {
    const ref = reference(session.token ?? session.sessionId, now);
    const window = deriveTimeWindow(ref, { now });
    const before = emulator.metrics.queries.length;
    const result = await correlateCollecting({
      reference: ref,
      connections: [conn],
      window,
      settings: defaultSettings,
      clientFor: () => emulatorClient(emulator),
      now: () => now,
      tuning: fastTuning,
    });
    results.set(session.sessionId, result);
    queriesBySession.set(session.sessionId, emulator.metrics.queries.slice(before));
  }
}, 240_000);
afterAll(() => emulator.stop());

const eachSession = () => manifest.sessions.map((s) => [s.sessionId, s] as const);
/**
 * What an event says: its message, and for a JSON line every string inside it (a stack is often
 * one), JSON held in a string (an envelope's line) opened too.
 */
function textOf(event: LogEvent): string {
  const strings: string[] = [];
  const open = (text: string): void => {
    strings.push(text);
    const walk = (value: unknown): void => {
      if (typeof value === 'string') open(value);
      else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(readRecord(text).record);
  };
  for (const line of [event.message, ...event.message.split('\n')]) open(line);
  return strings.join('\n');
}

const tagTests = new Map(manifest.sessions.map((s) => [s.sessionId, sessionTagTest(s)]));

describe('correlation against generated traffic', () => {
  it('covers every tag convention, token format and language', () => {
    expect(new Set(manifest.sessions.flatMap((s) => s.tagStyles))).toEqual(
      new Set(['prefix', 'json', 'session-id', 'id-json', 'token-named']),
    );
    expect(new Set(manifest.sessions.map((s) => s.tokenFormat))).toEqual(new Set([3, 4, null]));
    expect(new Set(manifest.sessions.flatMap((s) => s.errors.map((e) => e.language)))).toEqual(new Set(['python', 'node', 'java', 'go']));
    // Every shape (shipper × logger × runtime) the generator knows has errors planted here.
    expect(new Set(manifest.sessions.flatMap((s) => s.errors.map((e) => e.shape)))).toEqual(
      new Set([...SERVICES, ...SHAPE_SERVICES].map((s) => s.shape)),
    );
  });

  it.each(eachSession())('session %s: complete, every tagged event, nothing from another session', (id, session) => {
    const result = results.get(id)!;
    expect(result.failures).toEqual([]);
    expect(result.complete).toBe(true);
    expect(result.stats.recordsMatched).toBe(session.taggedEvents);
    const others = manifest.sessions.filter((s) => s !== session);
    for (const event of result.events) {
      expect(tagTests.get(id)!(event.message), event.message.slice(0, 200)).toBe(true);
      expect(others.filter((s) => tagTests.get(s.sessionId)!(event.message)).map((s) => s.sessionId)).toEqual([]);
    }
  });

  it.each(eachSession())('session %s: every planted error found, traces joined, grouped by cause, at its level', (id, session) => {
    const result = results.get(id)!;
    for (const error of session.errors) {
      const where = `${error.groupKey} (${error.shape}) at ${error.timestamp}`;
      const event = result.events.find(
        (e) => e.timestamp === error.timestamp && e.logStream === error.logStream && e.fingerprint !== undefined,
      );
      expect(event, where).toBeDefined();
      expect(event!.level, where).toBe(error.level);
      const text = textOf(event!);
      for (const frame of error.frames) expect(text, where).toContain(frame);
      const group = result.groups.find((g) => g.fingerprint === event!.fingerprint)!;
      expect(group.count, where).toBe(session.errors.filter((e) => e.groupKey === error.groupKey).length);
      expect(group.type, where).toContain(error.type.split('.').at(-1));
      expect(group.replayUrl).toMatch(new RegExp(`^https://replay\\.example\\.com/42/session/${id}\\?jumpto=\\d+$`));
    }
    expect(result.groups).toHaveLength(new Set(session.errors.map((e) => e.groupKey)).size);
  });

  it('gives one fingerprint per cause across sessions, and different causes different fingerprints', () => {
    const byKey = new Map<string, Set<string>>();
    for (const session of manifest.sessions) {
      const result = results.get(session.sessionId)!;
      for (const error of session.errors) {
        const event = result.events.find(
          (e) => e.timestamp === error.timestamp && e.logStream === error.logStream && e.fingerprint !== undefined,
        );
        expect(event, `${error.groupKey} at ${error.timestamp}`).toBeDefined();
        byKey.set(error.groupKey, (byKey.get(error.groupKey) ?? new Set()).add(event!.fingerprint!));
      }
    }
    for (const [key, fingerprints] of byKey) expect([key, fingerprints.size]).toEqual([key, 1]);
    const all = [...byKey.values()].map((set) => [...set][0]);
    expect(new Set(all).size).toBe(byKey.size);
  });

  it('gives each group the lines around its first occurrence from its own stream, not the trace again', () => {
    let withContext = 0;
    for (const result of results.values()) {
      for (const group of result.groups) {
        const sample = result.events.find((e) => e.id === group.sampleEventId)!;
        const own = new Set(sample.message.split('\n').map((line) => line.trim()));
        const lines = [...group.contextBefore, ...group.contextAfter];
        expect(group.contextBefore.length).toBeLessThanOrEqual(defaultSettings.contextEvents);
        expect(group.contextAfter.length).toBeLessThanOrEqual(defaultSettings.contextEvents);
        for (const line of group.contextBefore) expect(line.timestamp).toBeLessThanOrEqual(sample.timestamp);
        for (const line of group.contextAfter) expect(line.timestamp).toBeGreaterThanOrEqual(sample.timestamp);
        for (const line of lines) {
          expect(line.logStream).toBe(sample.logStream);
          expect(Math.abs(line.timestamp - sample.timestamp)).toBeLessThanOrEqual(defaultSettings.contextSeconds * 1000);
          expect(own.has(line.message.trim())).toBe(false);
        }
        if (lines.length > 0) withContext += 1;
      }
    }
    expect(withContext).toBeGreaterThan(10);
  });

  it.each(eachSession())('session %s: one query over exactly the session window', (id) => {
    const result = results.get(id)!;
    const queries = queriesBySession.get(id)!;
    expect(queries).toHaveLength(1);
    expect(queries[0]).toMatchObject({ startTime: Math.floor(result.window.from / 1000), endTime: Math.ceil(result.window.to / 1000) });
    expect(result.stats.bytesScanned).toBe(queries[0]!.bytesScanned);
  });
});
