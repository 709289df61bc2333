/**
 * The committed corpus of real logs (test/fixtures/real-logs/, made by scripts/real-logs/):
 * events as shippers sent them, and the ground truth the programs wrote about themselves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusEvent, CorpusTruth } from '../../../scripts/real-logs/corpus-file';
import type { RunningEmulator } from '../cloudwatch-emulator/index';

export type { CorpusEvent, CorpusTruth } from '../../../scripts/real-logs/corpus-file';

const DIR = join(import.meta.dirname, '../../fixtures/real-logs');

export interface Corpus {
  truth: CorpusTruth;
  events: CorpusEvent[];
  logGroups: string[];
}

export function loadCorpus(): Corpus {
  const truth = JSON.parse(readFileSync(join(DIR, 'truth.json'), 'utf8')) as CorpusTruth;
  const events = readFileSync(join(DIR, 'events.ndjson'), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as CorpusEvent);
  return { truth, events, logGroups: [...new Set(events.map((e) => e.event.logGroup))].sort() };
}

/** Puts every event into the emulator, stream by stream (the emulator's loading API). */
export function plantCorpus(emulator: RunningEmulator, corpus: Corpus): void {
  const streams = new Map<string, CorpusEvent[]>();
  for (const e of corpus.events) {
    const key = `${e.event.logGroup}\u0000${e.event.logStream}`;
    streams.set(key, [...(streams.get(key) ?? []), e]);
  }
  for (const list of streams.values()) {
    const { logGroup, logStream } = list[0]!.event;
    emulator.putEvents(
      logGroup,
      logStream,
      list.map((e) => ({ timestamp: e.event.timestamp, message: e.event.message })),
    );
  }
}

/** What identifies an event in query results: group, stream, time and text. */
export function eventKey(e: { logGroup: string; logStream: string; timestamp: number; message: string }): string {
  return `${e.logGroup}\u0000${e.logStream}\u0000${e.timestamp}\u0000${e.message}`;
}
