import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQueries, type PartDone } from '../../../main/services/correlation/queries/run-queries';
import type { RowBatch } from '../../../main/services/correlation/rows/row-batch';
import { buildSessionQuery } from '../../../shared/session/query';
import { startEmulator, type RunningEmulator } from '../../support/cloudwatch-emulator/index';
import { fastTuning, reference, sessionIdAt, target, tracker } from './support';

// How a query's rows are read: page by page (maxItems, nextToken), bounded by a page cap and a
// deadline, continued only when Insights matched more than the limit, and cut into window parts
// whose shared edge second comes back once. Real SDK against the emulator.

let emulator: RunningEmulator;
const START = Date.UTC(2025, 5, 3, 8, 0, 0, 0);
const SESSION = sessionIdAt(START);
const query = buildSessionQuery(reference(SESSION, START + 86_400_000));
const tagged = (i: number, what: string) => `openReplaySession.id=${SESSION} ${what} ${i}`;

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.putEvents(
    '/paging/many',
    'main',
    Array.from({ length: 25_000 }, (_, i) => ({ timestamp: START + i * 10, message: tagged(i, 'many') })),
  );
  emulator.putEvents(
    '/paging/exact',
    'main',
    Array.from({ length: 2_000 }, (_, i) => ({ timestamp: START + i * 10, message: tagged(i, 'exact') })),
  );
  // Three lines in the very second where the parts below meet, and one on each side.
  const edge = START + 600_000;
  emulator.putEvents(
    '/paging/edge',
    'main',
    [-1_500, 0, 400, 999, 1_500].map((d, i) => ({ timestamp: edge + d, message: tagged(i, 'edge') })),
  );
});
afterAll(() => emulator.stop());

const window = { from: START - 60_000, to: START + 1_200_000 };
const messages = (batches: RowBatch[]) => batches.flatMap((b) => b.rows.map((r) => r['@message']!));
const calls = () => emulator.metrics.operations.GetQueryResults ?? 0;

describe('reading query results', () => {
  it('reads 25,000 rows of one query in pages of at most pageSize, handing each page on before the next', async () => {
    const before = emulator.metrics.queries.length;
    const pages: number[] = [];
    const rows: string[] = [];
    const result = await runQueries([target(emulator, 'p', ['/paging/many'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: { ...fastTuning, pageSize: 4_000 },
      onRows: (page) => {
        pages.push(page.rows.length);
        rows.push(...page.rows.map((r) => r['@message']!));
      },
    });
    expect(result.failures).toEqual([]);
    expect(emulator.metrics.queries.length - before).toBe(1);
    expect(new Set(rows).size).toBe(25_000);
    expect(rows[0]).toBe(tagged(0, 'many'));
    expect(rows.at(-1)).toBe(tagged(24_999, 'many'));
    expect(Math.max(...pages)).toBeLessThanOrEqual(4_000);
    // The poll that saw the end carried one row; the rest came 4,000 at a time.
    expect(pages).toEqual([1, ...Array(6).fill(4_000), 999]);
    expect(result.batches).toEqual([]);
    expect(result.stats.recordsMatched).toBe(25_000);
  });

  it('splits only when Insights matched more than the limit: exactly the limit is one complete query', async () => {
    const before = emulator.metrics.queries.length;
    const result = await runQueries([target(emulator, 'p', ['/paging/exact'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: { ...fastTuning, limit: 2_000 },
    });
    expect(result.failures).toEqual([]);
    expect(emulator.metrics.queries.length - before).toBe(1);
    expect(messages(result.batches)).toHaveLength(2_000);

    const capped = await runQueries([target(emulator, 'p', ['/paging/exact'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: { ...fastTuning, limit: 1_999 },
    });
    expect(capped.failures).toEqual([]);
    expect(emulator.metrics.queries.length - before).toBe(3);
    expect(new Set(messages(capped.batches)).size).toBe(2_000);
  });

  it('stops at the page cap and reports the seconds it did not read', async () => {
    const before = calls();
    const result = await runQueries([target(emulator, 'p', ['/paging/many'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: { ...fastTuning, pageSize: 1_000, maxResultPages: 5 },
    });
    // The capped chain was not followed past five pages (plus the polls before the end).
    const rows = messages(result.batches);
    expect(rows).toHaveLength(1 + 4 * 1_000);
    expect(calls() - before).toBeLessThan(5 + 20);
    expect(result.failures).toEqual([
      expect.objectContaining({ code: 'AWS_QUERY_FAILED', logGroups: ['/paging/many'], message: expect.stringContaining('after 5 pages') }),
    ]);
    // The failure names the slice from the last row read to the end of the window.
    const lastSecond = Math.floor((START + 4_000 * 10) / 1000);
    expect(result.failures[0]!.message).toContain(new Date(lastSecond * 1000).toISOString().replace('.000Z', 'Z'));
  });

  it('gives up on the rest of a result it could not read before its deadline', async () => {
    const result = await runQueries([target(emulator, 'p', ['/paging/many'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: { ...fastTuning, pageSize: 5_000, resultsDeadlineMs: 50 },
      onRows: () => new Promise((resolve) => setTimeout(resolve, 30)),
    });
    expect(result.failures).toEqual([
      expect.objectContaining({ code: 'AWS_QUERY_FAILED', message: expect.stringContaining('expire after an hour') }),
    ]);
    expect(result.stats.recordsMatched).toBeLessThan(25_000);
    expect(result.stats.recordsMatched).toBeGreaterThan(0);
  });

  it('queries the window in parts, reads them one after the other, and the edge second comes back once', async () => {
    const before = emulator.metrics.queries.length;
    const done: PartDone[] = [];
    const boundary = START + 600_000;
    const result = await runQueries([target(emulator, 'p', ['/paging/edge'])], {
      queryString: query,
      window,
      tracker: tracker(),
      tuning: fastTuning,
      partBoundaries: [boundary],
      onPartDone: (part) => {
        done.push(part);
      },
    });
    expect(result.failures).toEqual([]);
    expect(result.partsDone).toBe(2);
    // Both parts' queries ran at once; their rows were read part after part (onPartDone in order).
    const started = emulator.metrics.queries.slice(before).sort((a, b) => a.startTime - b.startTime);
    expect(started.map((q) => [q.startTime, q.endTime])).toEqual([
      [Math.floor(window.from / 1000), boundary / 1000],
      [boundary / 1000, Math.ceil(window.to / 1000)],
    ]);
    expect(done.map((p) => [p.index, p.window.from, p.window.to])).toEqual([
      [0, Math.floor(window.from / 1000) * 1000, boundary],
      [1, boundary, Math.ceil(window.to / 1000) * 1000],
    ]);
    expect(messages(result.batches).sort()).toEqual([0, 1, 2, 3, 4].map((i) => tagged(i, 'edge')).sort());
  });
});
