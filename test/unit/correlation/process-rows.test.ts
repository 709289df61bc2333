import { describe, expect, it } from 'vitest';
import { eventSummary, logEventSchema } from '../../../shared/domain/correlation';
import { readRecord } from '../../../main/services/correlation/log-shapes/read-record';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import type { InsightsRow } from '../../../main/services/correlation/rows/row-batch';
import { API, OTHER, SESSION_START, TOKEN_3, TOKEN_4, insightsTime, row, splitRows } from './fixtures';
import { javaTrace, nodeTypeError } from './traces';

const options = { sessionStart: SESSION_START };

describe('normalising rows', () => {
  it('fills every field from the row and its source', () => {
    const { events } = processRows(
      [{ source: API, rows: [row({ at: 1_500, message: 'INFO started\n', stream: 'api/i-9', group: '/ecs/worker' })] }],
      options,
    );
    expect(events).toHaveLength(1);
    const event = events[0];
    expect(event).toMatchObject({
      timestamp: SESSION_START + 1_500,
      offsetMs: 1_500,
      connectionId: 'c1',
      connection: 'prod',
      logGroup: '/ecs/worker',
      logStream: 'api/i-9',
      level: 'info',
      message: 'INFO started',
    });
    expect(event?.id).toMatch(/^e[0-9a-f]{16}$/);
    expect(readRecord(event?.message ?? '').record).toBeUndefined();
    expect(event?.summary).toBeUndefined();
    expect(logEventSchema.safeParse(event).success).toBe(true);
  });

  it('gives negative offsets to lines logged before the session start (the window opens 5 min early)', () => {
    const { events } = processRows([{ source: API, rows: [row({ at: -120_000, message: 'x' })] }], options);
    expect(events[0]?.offsetMs).toBe(-120_000);
  });

  it('takes the log group from the source when `@log` is missing and the query had one group', () => {
    const bare: InsightsRow = { '@timestamp': insightsTime(SESSION_START), '@message': 'x', '@logStream': 's' };
    const single = { connectionId: 'c1', connection: 'prod', logGroups: ['/aws/lambda/checkout'] };
    expect(processRows([{ source: single, rows: [bare] }], options).events[0]?.logGroup).toBe('/aws/lambda/checkout');
    expect(processRows([{ source: API, rows: [bare] }], options).events[0]?.logGroup).toBe('');
  });

  it.each([
    ['4-part', TOKEN_4],
    ['3-part', TOKEN_3],
  ])('parses JSON behind a %s token prefix and keeps the message as logged', (_name, token) => {
    const message = `[openReplaySessionToken=${token}] {"level":"error","msg":"boom","orderId":7}`;
    const { events } = processRows([{ source: API, rows: [row({ at: 0, message })] }], options);
    expect(events[0]?.message).toBe(message);
    expect(readRecord(message).record).toEqual({ level: 'error', msg: 'boom', orderId: 7 });
    expect(events[0]?.level).toBe('error');
    expect(eventSummary(events[0]!)).toBe('boom');
  });

  it('leaves arrays, scalars, broken JSON and JSON inside text unparsed', () => {
    const rows = ['[1,2,3]', '42', '{"level":"error", broken', 'INFO payload {"a":1}', '{"a":1} trailing'].map((message, i) =>
      row({ at: i, message }),
    );
    const { events } = processRows([{ source: API, rows }], options);
    expect(events.map((e) => readRecord(e.message).record)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('a JSON line without a level falls back to its message text, then to its exception', () => {
    const rows = [
      row({ at: 0, message: '{"msg":"ERROR upstream down"}' }),
      row({
        at: 1,
        message: '{"message":"boom","exc_info":"Traceback (most recent call last):\\n  File \\"/a.py\\", line 1, in f\\nValueError: x"}',
      }),
      row({ at: 2, message: '{"msg":"hello"}' }),
    ];
    expect(processRows([{ source: API, rows }], options).events.map((e) => e.level)).toEqual(['error', 'error', 'unknown']);
  });

  it('drops rows without a readable timestamp and counts them', () => {
    const rows: InsightsRow[] = [
      row({ at: 0, message: 'ok' }),
      { '@message': 'no time' },
      { '@timestamp': '24/01/2024 04:27', '@message': 'bad time' },
    ];
    const result = processRows([{ source: API, rows }], options);
    expect(result.events.map((e) => e.message)).toEqual(['ok']);
    expect(result.dropped).toBe(2);
  });
});

describe('ordering, de-duplication and ids', () => {
  it('sorts events from all batches by time', () => {
    const { events } = processRows(
      [
        { source: API, rows: [row({ at: 300, message: 'c' }), row({ at: 100, message: 'a' })] },
        { source: OTHER, rows: [row({ at: 200, message: 'b' })] },
      ],
      options,
    );
    expect(events.map((e) => e.message)).toEqual(['a', 'b', 'c']);
  });

  it('drops rows two overlapping queries both returned, by @ptr or by content', () => {
    const shared = row({ at: 100, message: 'ERROR boom', ptr: 'p-1' });
    const sameContentNewPtr = { ...row({ at: 100, message: 'ERROR boom' }), '@ptr': 'p-other' };
    const { events, groups } = processRows(
      [
        { source: API, rows: [row({ at: 0, message: 'first' }), shared] },
        { source: API, rows: [shared, sameContentNewPtr, row({ at: 200, message: 'last' })] },
      ],
      options,
    );
    expect(events.map((e) => e.message)).toEqual(['first', 'ERROR boom', 'last']);
    expect(groups[0]?.count).toBe(1);
  });

  it('keeps identical lines from different streams, groups or connections', () => {
    const rows = [
      row({ at: 0, message: 'same', stream: 'a' }),
      row({ at: 0, message: 'same', stream: 'b' }),
      row({ at: 0, message: 'same', group: '/ecs/worker' }),
    ];
    const { events } = processRows(
      [
        { source: API, rows },
        { source: OTHER, rows: [row({ at: 0, message: 'same', stream: 'a' })] },
      ],
      options,
    );
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
  });

  it('gives the same ids whatever the batch order or time split, so re-runs match the cache', () => {
    const rows = [
      row({ at: 0, message: 'INFO a' }),
      ...splitRows(nodeTypeError(), { at: 10 }),
      row({ at: 20, message: 'INFO b', stream: 'x' }),
      ...splitRows(javaTrace('A-1'), { at: 30, stream: 'java' }),
    ];
    const whole = processRows([{ source: API, rows }], options);
    const split = processRows(
      [
        { source: API, rows: rows.slice(7).map((r) => ({ ...r, '@ptr': `other-${r['@ptr']}` })) },
        { source: API, rows: rows.slice(0, 8) },
      ],
      options,
    );
    expect(split.events.map((e) => e.id)).toEqual(whole.events.map((e) => e.id));
    expect(split.groups.map((g) => [g.fingerprint, g.sampleEventId])).toEqual(whole.groups.map((g) => [g.fingerprint, g.sampleEventId]));
  });

  it('returns nothing for no rows', () => {
    expect(processRows([], options)).toEqual({ events: [], groups: [], dropped: 0 });
    expect(processRows([{ source: API, rows: [] }], options)).toEqual({ events: [], groups: [], dropped: 0 });
  });
});
