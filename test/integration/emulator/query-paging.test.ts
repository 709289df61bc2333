import { GetQueryResultsCommand, type GetQueryResultsCommandOutput, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { client, failure, field, KEY, waitForQuery } from './helpers';

// StartQuery `limit` and GetQueryResults paging (maxItems, nextToken) as the service model
// states them, through the real SDK over HTTP.

let emu: RunningEmulator;
let logs: ReturnType<typeof client>;
const T0 = Date.UTC(2024, 0, 24, 12, 0, 0);
const EVENTS = 100_500;
const window = { startTime: Math.floor(T0 / 1000), endTime: Math.floor(T0 / 1000) + 3600 };
const message = (i: number): string => `event-${String(i).padStart(6, '0')}`;

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY], queryLatency: { baseMs: 0 } });
  // One event every 20 ms, so the whole set fits in the hour and ascending order is well defined.
  emu.putEvents(
    '/pg/app',
    'app-1',
    Array.from({ length: EVENTS }, (_, i) => ({ timestamp: T0 + i * 20, message: message(i) })),
  );
  logs = client(emu);
});

afterAll(async () => {
  logs.destroy();
  await emu.stop();
});

async function start(limit?: number, queryString = 'fields @message | sort @timestamp asc'): Promise<string> {
  const { queryId } = await logs.send(
    new StartQueryCommand({ logGroupName: '/pg/app', queryString, ...window, ...(limit === undefined ? {} : { limit }) }),
  );
  await waitForQuery(logs, queryId!);
  return queryId!;
}

/** Follows nextToken to the end; returns every page. */
async function allPages(queryId: string, maxItems?: number): Promise<GetQueryResultsCommandOutput[]> {
  const pages: GetQueryResultsCommandOutput[] = [];
  let nextToken: string | undefined;
  do {
    const page = await logs.send(new GetQueryResultsCommand({ queryId, nextToken, maxItems }));
    pages.push(page);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return pages;
}

const messages = (pages: GetQueryResultsCommandOutput[]): string[] =>
  pages.flatMap((p) => p.results!.map((row) => field(row, '@message')!));

describe('StartQuery limit', { timeout: 120_000 }, () => {
  it('defaults to 10,000 rows and says how many matched', async () => {
    const pages = await allPages(await start());
    expect(messages(pages)).toEqual(Array.from({ length: 10_000 }, (_, i) => message(i)));
    expect(pages[0]!.statistics!.recordsMatched).toBe(EVENTS);
  });

  it('goes up to 100,000, read in pages of at most 10,000', async () => {
    const pages = await allPages(await start(100_000));
    expect(pages.map((p) => p.results!.length)).toEqual(Array(10).fill(10_000));
    expect(messages(pages)).toEqual(Array.from({ length: 100_000 }, (_, i) => message(i)));
    // Every page carries the statistics of the whole result set.
    for (const p of pages) expect(p.statistics).toMatchObject({ recordsMatched: EVENTS, recordsScanned: EVENTS });
  });

  it('refuses a limit outside 1..100,000 with the service validation message, and a fraction as a type error', async () => {
    const over = await failure(
      logs.send(new StartQueryCommand({ logGroupName: '/pg/app', queryString: 'fields @message', ...window, limit: 100_001 })),
    );
    expect(over).toMatchObject({ name: 'InvalidParameterException', status: 400 });
    expect(over.message).toBe(
      "1 validation error detected: Value '100001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100000",
    );
    const zero = await failure(
      logs.send(new StartQueryCommand({ logGroupName: '/pg/app', queryString: 'fields @message', ...window, limit: 0 })),
    );
    expect(zero.message).toContain('Member must have value greater than or equal to 1');
    expect(
      (await failure(logs.send(new StartQueryCommand({ logGroupName: '/pg/app', queryString: 'fields @message', ...window, limit: 2.5 }))))
        .name,
    ).toBe('SerializationException');
  });

  it('accepts a query-language limit up to 100,000 and applies the smaller of the two', async () => {
    const pages = await allPages(await start(100_000, 'fields @message | sort @timestamp asc | limit 25000'));
    expect(messages(pages)).toHaveLength(25_000);
    const malformed = await failure(
      logs.send(new StartQueryCommand({ logGroupName: '/pg/app', queryString: 'fields @message | limit 100001', ...window })),
    );
    expect(malformed.name).toBe('MalformedQueryException');
  });
});

describe('GetQueryResults paging', { timeout: 120_000 }, () => {
  let queryId: string;
  let other: string;

  beforeAll(async () => {
    queryId = await start(25_000);
    other = await start(25_000);
  });

  it('pages by maxItems (any size per call) and ends without a token', async () => {
    const pages = await allPages(queryId, 4_000);
    expect(pages.map((p) => p.results!.length)).toEqual([4_000, 4_000, 4_000, 4_000, 4_000, 4_000, 1_000]);
    expect(pages.at(-1)!.nextToken).toBeUndefined();
    expect(messages(pages)).toEqual(Array.from({ length: 25_000 }, (_, i) => message(i)));
    const first = await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 7_000 }));
    const second = await logs.send(new GetQueryResultsCommand({ queryId, nextToken: first.nextToken, maxItems: 2 }));
    expect(second.results!.map((row) => field(row, '@message'))).toEqual([message(7_000), message(7_001)]);
  });

  it('treats an absent or zero maxItems as 10,000 and refuses one above 10,000', async () => {
    expect((await logs.send(new GetQueryResultsCommand({ queryId }))).results).toHaveLength(10_000);
    expect((await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 0 }))).results).toHaveLength(10_000);
    const over = await failure(logs.send(new GetQueryResultsCommand({ queryId, maxItems: 10_001 })));
    expect(over.message).toBe(
      "1 validation error detected: Value '10001' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000",
    );
    expect((await failure(logs.send(new GetQueryResultsCommand({ queryId, maxItems: -1 })))).name).toBe('InvalidParameterException');
  });

  it('refuses a garbled token and one from another query', async () => {
    const { nextToken } = await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 10 }));
    const flipped = nextToken!.slice(0, -1) + (nextToken!.endsWith('A') ? 'B' : 'A');
    for (const bad of [flipped, 'garbage', '', `${nextToken}.x`]) {
      const e = await failure(logs.send(new GetQueryResultsCommand({ queryId, nextToken: bad })));
      expect(e).toMatchObject({ name: 'InvalidParameterException', message: 'The specified nextToken is invalid.' });
    }
    const foreign = await failure(logs.send(new GetQueryResultsCommand({ queryId: other, nextToken })));
    expect(foreign).toMatchObject({ name: 'InvalidParameterException', message: 'The specified nextToken is not valid for this query.' });
    expect((await failure(logs.send(new GetQueryResultsCommand({ queryId, nextToken: 'x'.repeat(1025) })))).message).toContain(
      'Member must have length less than or equal to 1024',
    );
  });

  it('lets a token expire one hour after it was issued (emulator clock moved, not waited for)', async () => {
    const { nextToken } = await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 10 }));
    emu.clock.advance(59 * 60 * 1000);
    const stillGood = await logs.send(new GetQueryResultsCommand({ queryId, nextToken, maxItems: 1 }));
    expect(stillGood.results!.map((row) => field(row, '@message'))).toEqual([message(10)]);
    emu.clock.advance(61 * 1000);
    const expired = await failure(logs.send(new GetQueryResultsCommand({ queryId, nextToken })));
    expect(expired).toMatchObject({ name: 'InvalidParameterException', message: 'The specified nextToken has expired.' });
    // A fresh token from the same (still stored) query works again.
    const fresh = await logs.send(new GetQueryResultsCommand({ queryId, maxItems: 10 }));
    expect((await logs.send(new GetQueryResultsCommand({ queryId, nextToken: fresh.nextToken }))).results).toHaveLength(10_000);
  });
});
