import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import type { LogStore } from './store/log-store';
import type { PutEvent } from './types';

const seedLine = z.object({
  logGroup: z.string().min(1),
  logStream: z.string().min(1),
  timestamp: z.number().int().nonnegative(),
  message: z.string(),
});

/** Seeded events were "ingested" shortly after they happened; keep it deterministic. */
const SEED_INGESTION_LAG_MS = 1500;

export function putEvents(store: LogStore, logGroup: string, logStream: string, events: PutEvent[]): void {
  const stream = store.ensureStream(logGroup, logStream);
  for (const e of events) stream.append(e.timestamp, e.message, e.timestamp + SEED_INGESTION_LAG_MS);
}

/** Loads NDJSON lines `{"logGroup","logStream","timestamp","message"}`; blank lines are skipped. */
export async function loadNdjson(store: LogStore, path: string): Promise<number> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${lineNo}: not valid JSON`);
    }
    const r = seedLine.safeParse(parsed);
    if (!r.success)
      throw new Error(`${path}:${lineNo}: expected {logGroup, logStream, timestamp, message}: ${r.error.issues[0]?.message ?? ''}`);
    const e = r.data;
    store.ensureStream(e.logGroup, e.logStream).append(e.timestamp, e.message, e.timestamp + SEED_INGESTION_LAG_MS);
    n++;
  }
  return n;
}
