import { describe, expect, it } from 'vitest';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import { API, SESSION_START, TOKEN_4, row } from './fixtures';
import { pythonKeyError } from './traces';

function groupsOf(...messages: string[]) {
  return processRows([{ source: API, rows: messages.map((message, i) => row({ at: i * 1_000, message })) }], {
    sessionStart: SESSION_START,
  });
}

const pinoLine = (orderId: number): string =>
  JSON.stringify({
    level: 50,
    time: 1706063260324 + orderId,
    pid: 1,
    hostname: 'api-7d9',
    openReplaySessionToken: TOKEN_4,
    err: {
      type: 'PaymentDeclinedError',
      message: `card for order ${orderId} declined`,
      stack: `PaymentDeclinedError: card for order ${orderId} declined\n    at Gateway.charge (/app/src/gateway.js:55:11)\n    at async Checkout.run (/app/src/checkout.js:19:5)`,
    },
    msg: 'checkout failed',
  });

describe('structured (JSON) logs', () => {
  it('pino: level 50 with an `err` object groups by the error type and message', () => {
    const { events, groups } = groupsOf(pinoLine(1001), pinoLine(2002), JSON.stringify({ level: 30, msg: 'checkout ok' }));
    expect(events.map((e) => e.level)).toEqual(['error', 'error', 'info']);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      type: 'PaymentDeclinedError',
      title: 'PaymentDeclinedError: card for order <n> declined',
      count: 2,
      frames: ['Gateway.charge (/app/src/gateway.js)', 'Checkout.run (/app/src/checkout.js)'],
    });
    expect(groups[0]?.stack?.startsWith('PaymentDeclinedError: card for order 1001')).toBe(true);
  });

  it('pino: level 60 is fatal', () => {
    const { groups } = groupsOf(JSON.stringify({ level: 60, msg: 'out of memory, exiting' }));
    expect(groups[0]).toMatchObject({ level: 'fatal', type: 'fatal', title: 'out of memory, exiting' });
  });

  it('Python logging JSON (python-json-logger): `levelname` and an `exc_info` traceback', () => {
    const line = JSON.stringify({
      asctime: '2024-01-24 04:27:40,120',
      levelname: 'ERROR',
      name: 'api.orders',
      message: 'unhandled error in get_order',
      exc_info: pythonKeyError('user_id'),
      openReplaySessionToken: TOKEN_4,
    });
    const { groups } = groupsOf(line);
    expect(groups[0]).toMatchObject({ type: 'KeyError', title: 'KeyError: <str>', stack: pythonKeyError('user_id') });
    expect(groups[0]?.frames[0]).toBe('get_order (/app/api/orders.py)');
  });

  it('structlog JSON: `event`, `level`, formatted `exception`', () => {
    const line = JSON.stringify({
      event: 'payment failed',
      level: 'error',
      timestamp: '2024-01-24T04:27:40.120Z',
      exception: pythonKeyError('sku'),
    });
    const { groups } = groupsOf(line);
    expect(groups[0]).toMatchObject({ type: 'KeyError', level: 'error' });
  });

  it('structlog JSON with dict_tracebacks: structured exception chain', () => {
    const line = JSON.stringify({
      event: 'payment failed',
      level: 'critical',
      exception: [
        {
          exc_type: 'ValueError',
          exc_value: 'amount must be positive, got -5',
          frames: [
            { filename: '/app/views.py', lineno: 10, name: 'checkout' },
            { filename: '/app/payments.py', lineno: 31, name: 'charge' },
          ],
        },
      ],
    });
    const { groups } = groupsOf(line);
    expect(groups[0]).toMatchObject({
      type: 'ValueError',
      level: 'fatal',
      title: 'ValueError: amount must be positive, got -<n>',
      frames: ['charge (/app/payments.py)', 'checkout (/app/views.py)'],
    });
  });

  it('structlog plain error event without an exception groups by its event text', () => {
    const { groups } = groupsOf(
      JSON.stringify({ event: 'inventory sync failed for 12 items', level: 'error' }),
      JSON.stringify({ event: 'inventory sync failed for 3 items', level: 'error' }),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: 'error', title: 'inventory sync failed for <n> items', count: 2 });
  });

  it('winston: top-level `stack`', () => {
    const line = JSON.stringify({
      level: 'error',
      message: 'db down',
      stack: 'Error: connect ETIMEDOUT 10.1.2.3:5432\n    at Socket.onTimeout (/app/db.js:9:3)',
    });
    expect(groupsOf(line).groups[0]).toMatchObject({ type: 'Error', title: 'Error: connect ETIMEDOUT <ip>' });
  });

  it('AWS Lambda error object: `errorType`, `errorMessage`, `stackTrace` array', () => {
    const line = JSON.stringify({
      errorType: 'TypeError',
      errorMessage: "Cannot read properties of null (reading 'id')",
      stackTrace: ["TypeError: Cannot read properties of null (reading 'id')", '    at Runtime.handler (/var/task/index.mjs:7:22)'],
    });
    const { events, groups } = groupsOf(line);
    expect(events[0]?.level).toBe('error');
    expect(groups[0]).toMatchObject({ type: 'TypeError', frames: ['Runtime.handler (/var/task/index.mjs)'] });
  });

  it('ECS: `log.level` and `error.type`/`error.message`/`error.stack_trace`', () => {
    const line = JSON.stringify({
      '@timestamp': '2024-01-24T04:27:40.120Z',
      'log.level': 'error',
      message: 'request failed',
      error: {
        type: 'java.io.IOException',
        message: 'Broken pipe',
        stack_trace: 'java.io.IOException: Broken pipe\n\tat sun.nio.ch.SocketDispatcher.write0(Native Method)',
      },
    });
    expect(groupsOf(line).groups[0]).toMatchObject({ type: 'java.io.IOException', title: 'java.io.IOException: Broken pipe' });
  });

  it('a warn-level structured line with an error object stays an ungrouped event', () => {
    const line = JSON.stringify({
      level: 'warn',
      msg: 'retrying',
      err: { type: 'Error', message: 'x', stack: 'Error: x\n    at f (/a.js:1:1)' },
    });
    const { events, groups } = groupsOf(line);
    expect(events[0]?.level).toBe('warn');
    expect(groups).toEqual([]);
  });
});
