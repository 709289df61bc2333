import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  GetLogRecordCommand,
  GetQueryResultsCommand,
  PutLogEventsCommand,
  StartQueryCommand,
  StopQueryCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../support/cloudwatch-emulator';
import { KEY, client, failure, field, waitForQuery } from './helpers';

let emu: RunningEmulator;
let logs: CloudWatchLogsClient;
const NOW = Date.now();
const T0 = Date.UTC(2024, 0, 24, 12, 0, 0);

beforeAll(async () => {
  emu = await startEmulator({ credentials: [KEY] });
  logs = client(emu);
  emu.putEvents('/q/api', 'api-1', [
    { timestamp: T0 + 100, message: '[openReplaySessionToken=abc.1.2.SIG] GET /cart 200' },
    { timestamp: T0 + 900, message: 'Traceback (most recent call last):' },
    { timestamp: T0 + 5_000, message: 'noise' },
  ]);
  emu.putEvents('/q/web', 'web-1', [
    { timestamp: T0 + 2_000, message: JSON.stringify({ level: 'error', openReplaySessionToken: 'abc.1.2.SIG' }) },
  ]);
});

afterAll(async () => {
  logs.destroy();
  await emu.stop();
});

describe('log groups and streams', () => {
  it('creates groups and streams and reports duplicates and bad names', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/ops/a' }));
    expect(await failure(logs.send(new CreateLogGroupCommand({ logGroupName: '/ops/a' })))).toMatchObject({
      name: 'ResourceAlreadyExistsException',
      status: 400,
    });
    const bad = await failure(logs.send(new CreateLogGroupCommand({ logGroupName: 'has space' })));
    expect(bad.name).toBe('InvalidParameterException');
    expect(bad.message).toContain("at 'logGroupName' failed to satisfy constraint");
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/ops/a', logStreamName: 's1' }));
    expect((await failure(logs.send(new CreateLogStreamCommand({ logGroupName: '/ops/a', logStreamName: 's1' })))).name).toBe(
      'ResourceAlreadyExistsException',
    );
    expect((await failure(logs.send(new CreateLogStreamCommand({ logGroupName: '/ops/none', logStreamName: 's1' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('describes groups in ASCII order with prefix, limit and nextToken', async () => {
    for (const name of ['/pg/b', '/pg/B', '/pg/a', '/pg/_', '/pgx']) await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    const seen: string[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/pg/', limit: 2, nextToken }));
      seen.push(...page.logGroups!.map((g) => g.logGroupName!));
      nextToken = page.nextToken;
      pages++;
    } while (nextToken !== undefined);
    expect(seen).toEqual(['/pg/B', '/pg/_', '/pg/a', '/pg/b']);
    expect(pages).toBe(2);
    const one = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/pg/a' }));
    expect(one.logGroups![0]).toMatchObject({
      logGroupName: '/pg/a',
      arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/pg/a:*',
      logGroupArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/pg/a',
      storedBytes: 0,
    });
    const byId = await logs.send(
      new DescribeLogGroupsCommand({ logGroupIdentifiers: ['/pg/b', 'arn:aws:logs:eu-west-1:123456789012:log-group:/pgx'] }),
    );
    expect(byId.logGroups!.map((g) => g.logGroupName)).toEqual(['/pg/b', '/pgx']);
    expect((await failure(logs.send(new DescribeLogGroupsCommand({ limit: 51 })))).name).toBe('InvalidParameterException');
    expect((await failure(logs.send(new DescribeLogGroupsCommand({ nextToken: 'garbage' })))).name).toBe('InvalidParameterException');
  });

  it('describes streams by name or by last event time', async () => {
    emu.putEvents('/st', 'b', [{ timestamp: T0 + 10, message: 'x' }]);
    emu.putEvents('/st', 'a', [{ timestamp: T0 + 20, message: 'yy' }]);
    emu.putEvents('/st', 'c', [{ timestamp: T0 + 5, message: 'z' }]);
    const byName = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/st' }));
    expect(byName.logStreams!.map((s) => s.logStreamName)).toEqual(['a', 'b', 'c']);
    expect(byName.logStreams![0]).toMatchObject({
      firstEventTimestamp: T0 + 20,
      lastEventTimestamp: T0 + 20,
      arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/st:log-stream:a',
    });
    const byTime = await logs.send(
      new DescribeLogStreamsCommand({
        logGroupIdentifier: 'arn:aws:logs:eu-west-1:123456789012:log-group:/st',
        orderBy: 'LastEventTime',
        descending: true,
        limit: 2,
      }),
    );
    expect(byTime.logStreams!.map((s) => s.logStreamName)).toEqual(['a', 'b']);
    expect(byTime.nextToken).toBeDefined();
    const rest = await logs.send(
      new DescribeLogStreamsCommand({
        logGroupName: '/st',
        orderBy: 'LastEventTime',
        descending: true,
        limit: 2,
        nextToken: byTime.nextToken,
      }),
    );
    expect(rest.logStreams!.map((s) => s.logStreamName)).toEqual(['c']);
    expect(
      (await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/st', orderBy: 'LastEventTime', logStreamNamePrefix: 'a' }))))
        .name,
    ).toBe('InvalidParameterException');
    expect((await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/nope' })))).name).toBe('ResourceNotFoundException');
  });
});

describe('PutLogEvents', () => {
  const put = (logEvents: { timestamp: number; message: string }[]) =>
    logs.send(new PutLogEventsCommand({ logGroupName: '/ops/put', logStreamName: 's', logEvents }));

  beforeAll(async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/ops/put' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/ops/put', logStreamName: 's' }));
  });

  it('accepts a batch and rejects events too old or too new individually', async () => {
    const ok = await put([
      { timestamp: NOW - 1000, message: 'one' },
      { timestamp: NOW, message: 'two' },
    ]);
    expect(ok.nextSequenceToken).toMatch(/^\d{56}$/);
    const mixed = await put([
      { timestamp: NOW - 15 * 86_400_000, message: 'ancient' },
      { timestamp: NOW, message: 'fine' },
      { timestamp: NOW + 3 * 3_600_000, message: 'future' },
    ]);
    expect(mixed.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 0, tooNewLogEventStartIndex: 2 });
    const events = await logs.send(new GetLogEventsCommand({ logGroupName: '/ops/put', logStreamName: 's', startFromHead: true }));
    expect(events.events!.map((e) => e.message)).toEqual(['one', 'two', 'fine']);
  });

  it('enforces order, count, size and the 24-hour span', async () => {
    const order = await failure(
      put([
        { timestamp: NOW, message: 'b' },
        { timestamp: NOW - 1, message: 'a' },
      ]),
    );
    expect(order).toMatchObject({ name: 'InvalidParameterException' });
    expect(order.message).toContain('chronological');
    const many = Array.from({ length: 10_001 }, (_, i) => ({ timestamp: NOW - 10_001 + i, message: 'x' }));
    expect((await failure(put(many))).name).toBe('InvalidParameterException');
    // 2 × (524,276 + 26) bytes = 1,048,604 > 1,048,576
    const big = 'x'.repeat(524_276);
    const size = await failure(
      put([
        { timestamp: NOW, message: big },
        { timestamp: NOW, message: big },
      ]),
    );
    expect(size.message).toContain('Upload too large: 1048604 bytes exceeds limit of 1048576');
    const justFits = 'x'.repeat(524_262);
    await put([
      { timestamp: NOW, message: justFits },
      { timestamp: NOW, message: justFits },
    ]);
    expect(
      (
        await failure(
          put([
            { timestamp: NOW - 25 * 3_600_000, message: 'a' },
            { timestamp: NOW, message: 'b' },
          ]),
        )
      ).message,
    ).toContain('24 hours');
    expect((await failure(put([]))).name).toBe('InvalidParameterException');
    expect(
      (
        await failure(
          logs.send(
            new PutLogEventsCommand({ logGroupName: '/ops/put', logStreamName: 'missing', logEvents: [{ timestamp: NOW, message: 'x' }] }),
          ),
        )
      ).name,
    ).toBe('ResourceNotFoundException');
  });
});

describe('GetLogEvents', () => {
  beforeAll(() => {
    emu.putEvents(
      '/gle',
      's',
      Array.from({ length: 5 }, (_, i) => ({ timestamp: T0 + i * 1000, message: `e${i}` })),
    );
  });
  const get = (input: Partial<ConstructorParameters<typeof GetLogEventsCommand>[0]>) =>
    logs.send(new GetLogEventsCommand({ logGroupName: '/gle', logStreamName: 's', ...input }));

  it('pages forward from the head until the same token comes back', async () => {
    const messages: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 10; i++) {
      const page = await get({ startFromHead: true, limit: 2, nextToken: token });
      messages.push(...page.events!.map((e) => e.message!));
      expect(page.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
      expect(page.nextBackwardToken).toMatch(/^b\/\d{56}\/s$/);
      if (page.nextForwardToken === token) break;
      token = page.nextForwardToken;
    }
    expect(messages).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
  });

  it('starts at the tail by default and pages backwards', async () => {
    const tail = await get({ limit: 2 });
    expect(tail.events!.map((e) => e.message)).toEqual(['e3', 'e4']);
    const back = await get({ limit: 2, nextToken: tail.nextBackwardToken });
    expect(back.events!.map((e) => e.message)).toEqual(['e1', 'e2']);
    const first = await get({ limit: 2, nextToken: back.nextBackwardToken });
    expect(first.events!.map((e) => e.message)).toEqual(['e0']);
    const end = await get({ limit: 2, nextToken: first.nextBackwardToken });
    expect(end.events).toEqual([]);
    expect(end.nextBackwardToken).toBe(first.nextBackwardToken);
  });

  it('filters by [startTime, endTime) in ms and reports unknown streams', async () => {
    const range = await get({ startFromHead: true, startTime: T0 + 1000, endTime: T0 + 3000 });
    expect(range.events!.map((e) => e.message)).toEqual(['e1', 'e2']);
    expect(range.events![0]).toMatchObject({ timestamp: T0 + 1000, ingestionTime: expect.any(Number) });
    expect((await failure(get({ logStreamName: 'nope' }))).name).toBe('ResourceNotFoundException');
    expect((await failure(logs.send(new GetLogEventsCommand({ logStreamName: 's' })))).name).toBe('InvalidParameterException');
    expect((await failure(get({ nextToken: 'x/1' }))).name).toBe('InvalidParameterException');
  });
});

describe('FilterLogEvents', () => {
  beforeAll(() => {
    emu.putEvents('/fle', 'a', [
      { timestamp: T0, message: 'ERROR boom 1' },
      { timestamp: T0 + 2, message: 'INFO fine' },
      { timestamp: T0 + 4, message: 'ERROR boom 3' },
    ]);
    emu.putEvents('/fle', 'b', [
      { timestamp: T0 + 1, message: 'ERROR "quoted" 2' },
      { timestamp: T0 + 3, message: 'WARN meh' },
    ]);
  });

  it('interleaves streams by time and pages with nextToken', async () => {
    const messages: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await logs.send(new FilterLogEventsCommand({ logGroupName: '/fle', filterPattern: 'ERROR', limit: 2, nextToken }));
      messages.push(...page.events!.map((e) => `${e.logStreamName}:${e.message}`));
      expect(page.events!.every((e) => /^\d{56}$/.test(e.eventId!))).toBe(true);
      nextToken = page.nextToken;
    } while (nextToken !== undefined);
    expect(messages).toEqual(['a:ERROR boom 1', 'b:ERROR "quoted" 2', 'a:ERROR boom 3']);
  });

  it('supports quoted terms, stream selection and an inclusive time range', async () => {
    const quoted = await logs.send(new FilterLogEventsCommand({ logGroupName: '/fle', filterPattern: '"\\"quoted\\""' }));
    expect(quoted.events!.map((e) => e.message)).toEqual(['ERROR "quoted" 2']);
    const ranged = await logs.send(
      new FilterLogEventsCommand({ logGroupName: '/fle', logStreamNames: ['a'], startTime: T0 + 2, endTime: T0 + 4 }),
    );
    expect(ranged.events!.map((e) => e.message)).toEqual(['INFO fine', 'ERROR boom 3']);
    expect((await failure(logs.send(new FilterLogEventsCommand({ logGroupName: '/fle', filterPattern: '{ $.x = 1 }' })))).name).toBe(
      'InvalidParameterException',
    );
    expect(
      (await failure(logs.send(new FilterLogEventsCommand({ logGroupName: '/fle', logStreamNames: ['a'], logStreamNamePrefix: 'a' }))))
        .name,
    ).toBe('InvalidParameterException');
  });
});

describe('Logs Insights queries', () => {
  const window = { startTime: Math.floor(T0 / 1000), endTime: Math.floor(T0 / 1000) + 60 };

  it('runs the correlation query across groups and returns rows of {field, value} with statistics', async () => {
    const queryString = `fields @timestamp, @message, @logStream, @log
| filter @message like "openReplaySessionToken=abc.1.2.SIG" or @message like /"openReplaySessionToken"\\s*:\\s*"abc\\.1\\.2\\.SIG"/
| sort @timestamp asc
| limit 10000`;
    const { queryId } = await logs.send(new StartQueryCommand({ logGroupNames: ['/q/api', '/q/web'], queryString, ...window }));
    expect(queryId).toMatch(/^[0-9a-f-]{36}$/);
    const r = await waitForQuery(logs, queryId!);
    expect(r.status).toBe('Complete');
    expect(r.results!.map((row) => field(row, '@logStream'))).toEqual(['api-1', 'web-1']);
    expect(r.results![0]!.map((f) => f.field)).toEqual(['@timestamp', '@message', '@logStream', '@log', '@ptr']);
    expect(field(r.results![0], '@timestamp')).toBe('2024-01-24 12:00:00.100');
    expect(field(r.results![1], '@log')).toBe('123456789012:/q/web');
    const bytes = [
      '[openReplaySessionToken=abc.1.2.SIG] GET /cart 200',
      'Traceback (most recent call last):',
      'noise',
      JSON.stringify({ level: 'error', openReplaySessionToken: 'abc.1.2.SIG' }),
    ].reduce((n, m) => n + Buffer.byteLength(m) + 26, 0);
    expect(r.statistics).toEqual({ recordsMatched: 2, recordsScanned: 4, bytesScanned: bytes });
  });

  it('accepts logGroupName and ARN identifiers, includes the end second, and honours the limit parameter', async () => {
    const byName = await logs.send(
      new StartQueryCommand({
        logGroupName: '/q/api',
        queryString: 'fields @message',
        startTime: window.startTime,
        endTime: window.startTime,
      }),
    );
    expect((await waitForQuery(logs, byName.queryId!)).results!.map((row) => field(row, '@message'))).toEqual([
      'Traceback (most recent call last):',
      '[openReplaySessionToken=abc.1.2.SIG] GET /cart 200',
    ]);
    const byArn = await logs.send(
      new StartQueryCommand({
        logGroupIdentifiers: ['arn:aws:logs:eu-west-1:123456789012:log-group:/q/api', '/q/web'],
        queryString: 'fields @message',
        limit: 1,
        ...window,
      }),
    );
    const limited = await waitForQuery(logs, byArn.queryId!);
    expect(limited.results).toHaveLength(1);
    expect(limited.statistics!.recordsMatched).toBe(4);
    // The service model forbids the trailing ':*' in identifiers (DescribeLogGroups' `arn` has it).
    expect(
      (
        await failure(
          logs.send(
            new StartQueryCommand({
              logGroupIdentifiers: ['arn:aws:logs:eu-west-1:123456789012:log-group:/q/api:*'],
              queryString: 'fields @message',
              ...window,
            }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterException');
  });

  it('rejects malformed queries with a location, and bad parameters', async () => {
    const e = await failure(
      logs.send(new StartQueryCommand({ logGroupName: '/q/api', queryString: 'fields @message | dedup @message', ...window })),
    );
    expect(e.name).toBe('MalformedQueryException');
    expect(e.raw['queryCompileError']).toMatchObject({ location: { startCharOffset: 18, endCharOffset: 23 } });
    expect(
      (await failure(logs.send(new StartQueryCommand({ logGroupName: '/q/none', queryString: 'fields @message', ...window })))).name,
    ).toBe('ResourceNotFoundException');
    expect((await failure(logs.send(new StartQueryCommand({ queryString: 'fields @message', ...window })))).name).toBe(
      'InvalidParameterException',
    );
    expect(
      (
        await failure(
          logs.send(
            new StartQueryCommand({ logGroupName: '/q/api', logGroupNames: ['/q/web'], queryString: 'fields @message', ...window }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterException');
    expect(
      (
        await failure(
          logs.send(new StartQueryCommand({ logGroupName: '/q/api', queryString: 'fields @message', startTime: 10, endTime: 5 })),
        )
      ).name,
    ).toBe('InvalidParameterException');
    expect(
      (
        await failure(
          logs.send(
            new StartQueryCommand({
              logGroupNames: Array.from({ length: 51 }, (_, i) => `/g${i}`),
              queryString: 'fields @message',
              ...window,
            }),
          ),
        )
      ).name,
    ).toBe('InvalidParameterException');
    expect(
      (await failure(logs.send(new StartQueryCommand({ logGroupName: '/q/api', queryString: 'x'.repeat(10_001), ...window })))).name,
    ).toBe('InvalidParameterException');
    expect((await failure(logs.send(new GetQueryResultsCommand({ queryId: '00000000-0000-0000-0000-000000000000' })))).name).toBe(
      'ResourceNotFoundException',
    );
  });

  it('moves through Scheduled and Running (partial results) to Complete under the latency model', async () => {
    // Wide phases (1.5 s Scheduled, ~2 s Running) so a busy machine cannot skip one between polls.
    emu.queryLatency = { baseMs: 3000, bytesPerSecond: 100 };
    try {
      const { queryId } = await logs.send(
        new StartQueryCommand({ logGroupNames: ['/q/api', '/q/web'], queryString: 'fields @message', ...window }),
      );
      const statuses: string[] = [];
      const partial: number[] = [];
      let last;
      do {
        last = await logs.send(new GetQueryResultsCommand({ queryId }));
        if (statuses[statuses.length - 1] !== last.status) statuses.push(last.status!);
        if (last.status === 'Scheduled') expect(last.results).toEqual([]);
        if (last.status === 'Running') partial.push(last.results!.length);
        await new Promise((r) => setTimeout(r, 25));
      } while (last.status === 'Scheduled' || last.status === 'Running');
      expect(statuses).toEqual(['Scheduled', 'Running', 'Complete']);
      expect(last.results).toHaveLength(4);
      // Running shows a growing share of the rows.
      expect(partial.some((n) => n > 0 && n < 4)).toBe(true);
      expect(partial).toEqual([...partial].sort((a, b) => a - b));
    } finally {
      emu.queryLatency = { baseMs: 0, bytesPerSecond: 1e12 };
    }
  });

  it('cancels with StopQuery and reports unknown ids', async () => {
    emu.queryLatency = { baseMs: 60_000, bytesPerSecond: 1e12 };
    try {
      const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: '/q/api', queryString: 'fields @message', ...window }));
      expect((await logs.send(new StopQueryCommand({ queryId }))).success).toBe(true);
      expect((await logs.send(new GetQueryResultsCommand({ queryId }))).status).toBe('Cancelled');
      expect((await failure(logs.send(new StopQueryCommand({ queryId })))).name).toBe('InvalidParameterException');
      expect((await failure(logs.send(new StopQueryCommand({ queryId: 'nope' })))).name).toBe('ResourceNotFoundException');
    } finally {
      emu.queryLatency = { baseMs: 0, bytesPerSecond: 1e12 };
    }
  });

  it('resolves @ptr with GetLogRecord, JSON fields included', async () => {
    const { queryId } = await logs.send(
      new StartQueryCommand({ logGroupName: '/q/web', queryString: 'filter level = "error"', ...window }),
    );
    const r = await waitForQuery(logs, queryId!);
    const ptr = field(r.results![0], '@ptr')!;
    const { logRecord } = await logs.send(new GetLogRecordCommand({ logRecordPointer: ptr }));
    expect(logRecord).toMatchObject({
      '@timestamp': String(T0 + 2000),
      '@logStream': 'web-1',
      '@log': '123456789012:/q/web',
      level: 'error',
      openReplaySessionToken: 'abc.1.2.SIG',
    });
    expect((await failure(logs.send(new GetLogRecordCommand({ logRecordPointer: 'bogus' })))).name).toBe('InvalidParameterException');
  });

  it('answers an operation it does not implement with UnknownOperationException', async () => {
    expect((await failure(logs.send(new DeleteLogGroupCommand({ logGroupName: '/q/api' })))).name).toBe('UnknownOperationException');
  });
});
