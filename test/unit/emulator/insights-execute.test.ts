import { describe, expect, it } from 'vitest';
import { executeQuery, type ResultField } from '../../support/cloudwatch-emulator/insights/execute';
import { parseQuery } from '../../support/cloudwatch-emulator/insights/parser';
import { LogStore } from '../../support/cloudwatch-emulator/store/log-store';

const T0 = Date.UTC(2024, 0, 24, 12, 0, 0); // 12:00:00.000
const sec = (ms: number): number => Math.floor(ms / 1000);

function fixture(): LogStore {
  const store = new LogStore();
  const add = (group: string, stream: string, ts: number, message: string): void =>
    store.ensureStream(group, stream, T0).append(ts, message, ts + 1000);
  add('/ecs/api', 'a', T0 - 1, 'before the window');
  add('/ecs/api', 'a', T0 + 100, '[openReplaySessionToken=abc.1.2.SIG] INFO request ok');
  add('/ecs/api', 'a', T0 + 900, 'Traceback (most recent call last):');
  add('/ecs/api', 'b', T0 + 60_000, 'openReplaySession.id=42 GET /cart 200');
  add('/ecs/api', 'b', T0 + 61_000, 'openReplaySession.id=4217 decoy');
  add(
    '/ecs/web',
    'w',
    T0 + 120_000,
    JSON.stringify({ level: 'error', openReplaySessionToken: 'abc.1.2.SIG', res: { statusCode: 500 }, durationMs: 12.5 }),
  );
  add('/ecs/web', 'w', T0 + 180_000, JSON.stringify({ level: 'info', res: { statusCode: 200 }, durationMs: 3 }));
  add('/ecs/web', 'w', T0 + 1_000_000, 'after the window');
  return store;
}

function run(store: LogStore, query: string, opts: { groups?: string[]; start?: number; end?: number; limit?: number } = {}) {
  const groups = (opts.groups ?? ['/ecs/api', '/ecs/web']).map((g) => store.getGroup(g)!);
  return executeQuery({
    query: parseQuery(query),
    groups,
    startTime: opts.start ?? sec(T0),
    endTime: opts.end ?? sec(T0 + 600_000),
    accountId: '123456789012',
    limit: opts.limit ?? 10_000,
  });
}

const value = (row: ResultField[], field: string): string | undefined => row.find((f) => f.field === field)?.value;

describe('Logs Insights execution', () => {
  it('runs the correlation query: like, JSON regex, id with digit boundary, sorted ascending', () => {
    const out = run(
      fixture(),
      `fields @timestamp, @message, @logStream, @log
| filter @message like "openReplaySessionToken=abc.1.2.SIG" or @message like /"openReplaySessionToken"\\s*:\\s*"abc\\.1\\.2\\.SIG"/ or @message like /openReplaySession\\.id=42([^0-9]|$)/
| sort @timestamp asc | limit 10000`,
    );
    expect(out.rows.map((r) => value(r, '@message')!.slice(0, 30))).toEqual([
      '[openReplaySessionToken=abc.1.',
      'openReplaySession.id=42 GET /c',
      '{"level":"error","openReplaySe',
    ]);
    const first = out.rows[0]!;
    expect(first.map((f) => f.field)).toEqual(['@timestamp', '@message', '@logStream', '@log', '@ptr']);
    expect(value(first, '@timestamp')).toBe('2024-01-24 12:00:00.100');
    expect(value(first, '@log')).toBe('123456789012:/ecs/api');
    expect(out.recordsMatched).toBe(3);
  });

  it('treats both ends as inclusive seconds and counts bytes of every event in the window', () => {
    const store = fixture();
    // endTime = 12:00:00 still includes the event at 12:00:00.900.
    const out = run(store, 'fields @message', { start: sec(T0), end: sec(T0) });
    expect(out.recordsScanned).toBe(2);
    expect(out.rows.map((r) => value(r, '@message'))).toEqual([
      'Traceback (most recent call last):',
      '[openReplaySessionToken=abc.1.2.SIG] INFO request ok',
    ]);
    const bytes =
      Buffer.byteLength('Traceback (most recent call last):') +
      Buffer.byteLength('[openReplaySessionToken=abc.1.2.SIG] INFO request ok') +
      2 * 26;
    expect(out.bytesScanned).toBe(bytes);
  });

  it('caps rows at the limit while recordsMatched stays the true total', () => {
    const store = new LogStore();
    const s = store.ensureStream('/g', 's', T0);
    for (let i = 0; i < 25; i++) s.append(T0 + i, `line ${i}`, T0 + i);
    const out = executeQuery({
      query: parseQuery('filter @message like "line" | sort @timestamp desc | limit 10'),
      groups: [store.getGroup('/g')!],
      startTime: sec(T0),
      endTime: sec(T0),
      accountId: '1',
      limit: 10_000,
    });
    expect(out.rows).toHaveLength(10);
    expect(out.recordsMatched).toBe(25);
    expect(value(out.rows[0]!, '@message')).toBe('line 24');
    const capped = executeQuery({
      query: parseQuery('filter @message like "line"'),
      groups: [store.getGroup('/g')!],
      startTime: sec(T0),
      endTime: sec(T0),
      accountId: '1',
      limit: 7,
    });
    expect(capped.rows).toHaveLength(7);
    expect(capped.recordsMatched).toBe(25);
  });

  it('discovers JSON fields and compares them as numbers or strings', () => {
    const store = fixture();
    expect(
      run(store, 'filter level = "error" | fields res.statusCode, durationMs').rows.map((r) => [
        value(r, 'res.statusCode'),
        value(r, 'durationMs'),
      ]),
    ).toEqual([['500', '12.5']]);
    expect(run(store, 'filter res.statusCode >= 500').recordsMatched).toBe(1);
    expect(run(store, 'filter durationMs < 10').recordsMatched).toBe(1);
    expect(run(store, 'filter res.statusCode != 200 and ispresent(res.statusCode)').recordsMatched).toBe(1);
    expect(run(store, 'filter level in ["error", "warn"]').recordsMatched).toBe(1);
  });

  it('supports not like, =~, (?i), parentheses and display', () => {
    const store = fixture();
    expect(run(store, 'filter @message =~ /(?i)traceback/').recordsMatched).toBe(1);
    expect(
      run(store, 'filter @message not like /openReplay/ and not (@message like "level")').rows.map((r) => value(r, '@message')),
    ).toEqual(['Traceback (most recent call last):']);
    const shown = run(store, 'fields @message, @logStream | filter @message like "GET" | display @logStream');
    expect(shown.rows).toEqual([[{ field: '@logStream', value: 'b' }, shown.rows[0]![1]!]]);
    expect(shown.rows[0]![1]!.field).toBe('@ptr');
  });

  it('extracts fields with parse (glob and named-group regex)', () => {
    const store = fixture();
    const glob = run(
      store,
      'parse @message "openReplaySession.id=* *" as sid, rest | filter ispresent(sid) | sort sid asc | display sid, rest',
    );
    expect(glob.rows.map((r) => [value(r, 'sid'), value(r, 'rest')])).toEqual([
      ['42', 'GET /cart 200'],
      ['4217', 'decoy'],
    ]);
    const regex = run(store, 'parse @message /id=(?<sid>\\d+) (?<verb>[A-Z]+)/ | filter ispresent(verb) | fields sid, verb');
    expect(regex.rows.map((r) => [value(r, 'sid'), value(r, 'verb')])).toEqual([['42', 'GET']]);
  });

  it('aggregates with stats count(*) by bin() and by field, with no @ptr', () => {
    const out = run(fixture(), 'stats count(*) as n by bin(1m)');
    expect(out.rows).toEqual([
      [
        { field: 'bin(1m)', value: '2024-01-24 12:00:00.000' },
        { field: 'n', value: '2' },
      ],
      [
        { field: 'bin(1m)', value: '2024-01-24 12:01:00.000' },
        { field: 'n', value: '2' },
      ],
      [
        { field: 'bin(1m)', value: '2024-01-24 12:02:00.000' },
        { field: 'n', value: '1' },
      ],
      [
        { field: 'bin(1m)', value: '2024-01-24 12:03:00.000' },
        { field: 'n', value: '1' },
      ],
    ]);
    expect(out.recordsMatched).toBe(6);
    const byStream = run(fixture(), 'stats count(*), avg(durationMs) as avgMs by @logStream | sort @logStream desc');
    expect(byStream.rows[0]).toEqual([
      { field: '@logStream', value: 'w' },
      { field: 'count(*)', value: '2' },
      { field: 'avgMs', value: '7.75' },
    ]);
  });

  it('returns newest first without a sort, and default fields without fields/display', () => {
    const out = run(fixture(), 'filter @message like "openReplaySession.id="');
    expect(out.rows.map((r) => value(r, '@message'))).toEqual(['openReplaySession.id=4217 decoy', 'openReplaySession.id=42 GET /cart 200']);
    expect(out.rows[0]!.map((f) => f.field)).toEqual(['@timestamp', '@message', '@logStream', '@log', '@ptr']);
  });
});
