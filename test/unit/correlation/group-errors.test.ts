import { describe, expect, it } from 'vitest';
import { errorGroupSchema } from '../../../shared/domain/correlation';
import { MAX_TITLE } from '../../../main/services/correlation/processing/fingerprint';
import { fnv1a64 } from '../../../main/services/correlation/processing/fnv1a';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import type { InsightsRow } from '../../../main/services/correlation/rows/row-batch';
import { API, OTHER, SESSION_START, TOKEN_4, row, splitRows } from './fixtures';
import { goPanic, javaTrace, nodeConnRefused, nodeTypeError, pythonKeyError } from './traces';

const replayUrlAt = (offsetMs: number): string => `https://app.openreplay.com/42/session/2618307011354435587?jumpto=${offsetMs}`;

function run(rows: InsightsRow[]) {
  return processRows([{ source: API, rows }], { sessionStart: SESSION_START, replayUrlAt });
}

describe('grouping errors', () => {
  it('groups one error whose values, keys and line numbers vary', () => {
    const rows = [
      ...splitRows(pythonKeyError('user_id', 42), { at: 1_000, token: TOKEN_4 }),
      ...splitRows(pythonKeyError('email', 43), { at: 60_000, token: TOKEN_4, stream: 'api/i-2' }),
      ...splitRows(pythonKeyError('tenant', 44), { at: 120_000, token: TOKEN_4 }),
    ];
    const { events, groups } = run(rows);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group).toMatchObject({
      title: 'KeyError: <str>',
      type: 'KeyError',
      level: 'error',
      count: 3,
      firstSeen: SESSION_START + 1_000,
      lastSeen: SESSION_START + 120_000,
      firstOffsetMs: 1_000,
      offsetsMs: [1_000, 60_000, 120_000],
      sampleEventId: events[0]?.id,
      connection: 'prod',
      logGroup: '/ecs/api',
      logStream: 'api/i-1',
      replayUrl: replayUrlAt(1_000),
      contextBefore: [],
      contextAfter: [],
    });
    expect(events.map((e) => e.fingerprint)).toEqual([group?.fingerprint, group?.fingerprint, group?.fingerprint]);
    expect(errorGroupSchema.safeParse(group).success).toBe(true);
  });

  it('computes the documented fingerprint: type, masked message and the innermost application frame', () => {
    // One application frame (the Flask frames are library frames): the message is part of the identity.
    const { groups } = run(splitRows(pythonKeyError('user_id'), { at: 0 }));
    expect(groups[0]?.fingerprint).toBe(fnv1a64(['KeyError', '<str>', 'get_order (/app/api/orders.py)'].join('\n')));
  });

  it('computes the documented fingerprint: type and three application frames, without the message', () => {
    const { groups } = run(splitRows(javaTrace('A-1'), { at: 0 }));
    const frames = [
      'com.acme.orders.OrderService.cancel(OrderService.java)',
      'com.acme.orders.OrderController.cancel(OrderController.java)',
      'com.acme.Main.main(Main.java)',
    ];
    expect(groups[0]?.fingerprint).toBe(fnv1a64(['java.lang.IllegalStateException', '', ...frames].join('\n')));
  });

  it('keeps different errors apart: type, throwing place, and the message when frames are few', () => {
    const otherPlace = pythonKeyError('user_id').replace('in get_order', 'in list_orders');
    const otherType = pythonKeyError('user_id').replace("KeyError: 'user_id'", 'IndexError: list index out of range');
    const rows = [
      ...splitRows(pythonKeyError('user_id'), { at: 0 }),
      ...splitRows(otherPlace, { at: 100 }),
      ...splitRows(otherType, { at: 200 }),
      ...splitRows(javaTrace('A-1'), { at: 300 }),
      ...splitRows(nodeConnRefused(5432), { at: 400 }),
      ...splitRows(nodeConnRefused(5432).replace('ECONNREFUSED', 'ETIMEDOUT'), { at: 500 }),
    ];
    const { groups } = run(rows);
    expect(groups).toHaveLength(6);
    expect(new Set(groups.map((g) => g.fingerprint)).size).toBe(6);
  });

  it('groups one cause thrown from one place even when its message carries values no mask knows', () => {
    const rows = [
      ...splitRows(javaTrace('A-1'), { at: 0 }),
      ...splitRows(javaTrace('A-1').replace('is already shipped', 'is in state CANCELLED'), { at: 100 }),
    ];
    const { groups } = run(rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, title: 'java.lang.IllegalStateException: Order A-<n> is already shipped' });
  });

  it('sorts groups by count, then by first occurrence', () => {
    const rows = [
      ...splitRows(javaTrace('A-1'), { at: 0 }),
      ...splitRows(nodeTypeError(), { at: 100, stream: 'node' }),
      ...splitRows(nodeTypeError(30), { at: 200, stream: 'node' }),
      ...splitRows(pythonKeyError('x'), { at: 300, stream: 'py' }),
    ];
    const { groups } = run(rows);
    expect(groups.map((g) => [g.type, g.count])).toEqual([
      ['TypeError', 2],
      ['java.lang.IllegalStateException', 1],
      ['KeyError', 1],
    ]);
  });

  it('groups plain error lines by their masked text, without timestamp and level noise in the title', () => {
    const rows = [
      row({ at: 0, message: '2024-01-24 04:27:39,324 ERROR [payments] charge failed for order 1234 after 3 attempts' }),
      row({ at: 10, message: '2024-01-24 04:27:41,002 ERROR [payments] charge failed for order 98 after 5 attempts' }),
      row({ at: 20, message: '[ERROR]\t2024-01-24T04:27:42.000Z\t0b7c7a43-5d2e-4c1a-9a53-2f2b8f1e6d10\tinventory sync stalled' }),
    ];
    const { groups } = run(rows);
    expect(groups.map((g) => [g.title, g.type, g.count])).toEqual([
      ['[payments] charge failed for order <n> after <n> attempts', 'error', 2],
      ['inventory sync stalled', 'error', 1],
    ]);
    expect(groups[0]?.stack).toBeUndefined();
    expect(groups[0]?.frames).toEqual([]);
  });

  it('does not group warnings, info or untyped unknown lines', () => {
    const rows = [
      row({ at: 0, message: 'WARN pool exhausted' }),
      row({ at: 1, message: 'INFO request done' }),
      row({ at: 2, message: 'some line' }),
      row({
        at: 3,
        message: '{"level":40,"msg":"slow query","err":{"type":"Error","message":"x","stack":"Error: x\\n    at q (/a.js:1:1)"}}',
      }),
    ];
    const { events, groups } = run(rows);
    expect(groups).toEqual([]);
    expect(events.every((e) => e.fingerprint === undefined)).toBe(true);
  });

  it('takes the worst level of a group and the place of its first occurrence', () => {
    const rows = [
      row({ at: 0, message: 'ERROR cache node 3 unreachable', stream: 'a' }),
      row({ at: 50, message: 'FATAL cache node 7 unreachable', stream: 'b' }),
    ];
    const { groups } = run(rows);
    // Level words are noise for the fingerprint: one group, at its worst level.
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ level: 'fatal', logStream: 'a', count: 2 });
  });

  it('groups one error across connections, reporting the first one', () => {
    const { groups } = processRows(
      [
        { source: OTHER, rows: splitRows(nodeTypeError(), { at: 500 }) },
        { source: API, rows: splitRows(nodeTypeError(11), { at: 100 }) },
      ],
      { sessionStart: SESSION_START },
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, connection: 'prod', firstOffsetMs: 100 });
    expect(groups[0]?.replayUrl).toBeUndefined();
  });

  it('Go panics group across different indexes and lengths', () => {
    const rows = [...splitRows(goPanic(5, 3), { at: 0 }), ...splitRows(goPanic(12, 4), { at: 3_000 })].filter((r) => r['@message'] !== '');
    const { groups } = run(rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, level: 'fatal', type: 'panic' });
  });

  it('keeps a long exception message whole in the title', () => {
    const message = `ERROR upload failed: Access Denied (bucket acme-reports-eu, key reports/${'x'.repeat(200)}.pdf)`;
    const { groups } = run([row({ at: 0, message })]);
    expect(groups[0]?.title).toContain('(bucket acme-reports-eu, key reports/');
    expect(groups[0]?.title.endsWith('.pdf)')).toBe(true);
  });

  it('shortens titles beyond MAX_TITLE', () => {
    const { groups } = run([row({ at: 0, message: `ERROR ${'upstream said no; '.repeat(60)}` })]);
    expect(groups[0]?.title.length).toBeLessThanOrEqual(MAX_TITLE);
    expect(groups[0]?.title.length).toBeGreaterThan(MAX_TITLE - 20);
    expect(groups[0]?.title.endsWith('…')).toBe(true);
  });
});
