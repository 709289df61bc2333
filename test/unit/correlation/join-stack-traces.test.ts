import { describe, expect, it } from 'vitest';
import { processRows } from '../../../main/services/correlation/processing/process-rows';
import type { InsightsRow } from '../../../main/services/correlation/rows/row-batch';
import { API, SESSION_START, TOKEN_3, TOKEN_4, TOKEN_NEG, row, splitRows } from './fixtures';
import { goPanic, javaTrace, nodeConnRefused, nodeTypeError, pythonChained, pythonKeyError } from './traces';

function run(rows: InsightsRow[]) {
  return processRows([{ source: API, rows }], { sessionStart: SESSION_START });
}

const nonEmpty = (text: string): string =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .join('\n');

describe('joining split stack traces', () => {
  it.each([
    ['4-part', TOKEN_4],
    ['3-part', TOKEN_3],
    ['negative-delay', TOKEN_NEG],
  ])('Python traceback split per line with a %s token prefix on every line becomes one event', (_name, token) => {
    const trace = pythonKeyError('user_id');
    const { events, groups } = run(splitRows(trace, { at: 1000, token }));
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event?.message).toBe(`[openReplaySessionToken=${token}] ${trace}`);
    expect(event?.timestamp).toBe(SESSION_START + 1000);
    expect(event?.level).toBe('error');
    expect(groups).toHaveLength(1);
    expect(groups[0]?.stack).toBe(trace);
    expect(groups[0]?.title).toBe('KeyError: <str>');
    expect(groups[0]?.frames[0]).toBe('get_order (/app/api/orders.py)');
  });

  it('Python traceback written in chunks (prefix on some lines only) and with the tagged exception value', () => {
    const tag = `[openReplaySessionToken=${TOKEN_4}]`;
    const rows = [
      row({ at: 0, message: `${tag} Traceback (most recent call last):` }),
      row({ at: 1, message: `${tag}   File "/app/api/orders.py", line 42, in get_order` }),
      row({ at: 1, message: "    customer = order['customer']['user_id']" }),
      row({ at: 2, message: `${tag} KeyError: "${tag} 'user_id'"` }),
    ];
    const { events, groups } = run(rows);
    expect(events).toHaveLength(1);
    expect(groups[0]?.stack).toBe(
      [
        'Traceback (most recent call last):',
        '  File "/app/api/orders.py", line 42, in get_order',
        "    customer = order['customer']['user_id']",
        `KeyError: "${tag} 'user_id'"`,
      ].join('\n'),
    );
    expect(groups[0]?.type).toBe('KeyError');
    expect(groups[0]?.title).toBe('KeyError: <str>');
  });

  it('chained Python exceptions stay one trace and report the last exception', () => {
    const { events, groups } = run(splitRows(pythonChained(1234), { at: 0, token: TOKEN_4 }));
    expect(events).toHaveLength(1);
    expect(groups[0]?.type).toBe('app.errors.PaymentError');
    expect(groups[0]?.title).toBe('app.errors.PaymentError: charge failed for order <n>');
  });

  it('Node.js error with frames and an error-properties block', () => {
    const rows = [...splitRows(nodeTypeError(), { at: 0 }), ...splitRows(nodeConnRefused(5432), { at: 500 })];
    const { events, groups } = run(rows);
    expect(events.map((e) => e.message)).toEqual([nodeTypeError(), nodeConnRefused(5432)]);
    expect(groups.map((g) => g.title)).toEqual([
      'TypeError: Cannot read properties of undefined (reading <str>)',
      'Error: connect ECONNREFUSED <ip>',
    ]);
  });

  it('Java trace with `Caused by:` and `... N more`', () => {
    const { events, groups } = run(splitRows(javaTrace('A-17'), { at: 0, stepMs: 0 }));
    expect(events).toHaveLength(1);
    expect(events[0]?.message).toBe(javaTrace('A-17'));
    expect(groups[0]?.type).toBe('java.lang.IllegalStateException');
    expect(groups[0]?.title).toBe('java.lang.IllegalStateException: Order A-<n> is already shipped');
  });

  it('Go panic split per line (CloudWatch stores no empty events)', () => {
    const trace = goPanic(5, 3);
    const { events, groups } = run(splitRows(nonEmpty(trace), { at: 0 }));
    expect(events).toHaveLength(1);
    expect(events[0]?.level).toBe('fatal');
    expect(groups[0]?.type).toBe('panic');
    expect(groups[0]?.title).toBe('panic: runtime error: index out of range [<n>] with length <n>');
    expect(groups[0]?.frames).toHaveLength(3);
  });

  it('joins within each stream when streams interleave line by line', () => {
    const python = splitRows(pythonKeyError('sku'), { at: 0, stream: 'api/a', token: TOKEN_4, stepMs: 10 });
    const node = splitRows(nodeTypeError(), { at: 5, stream: 'api/b', stepMs: 10 });
    const java = splitRows(javaTrace('X'), { at: 7, stream: 'api/c', stepMs: 10 });
    const rows: InsightsRow[] = [];
    for (let i = 0; i < 9; i++) for (const part of [python, node, java]) if (part[i]) rows.push(part[i] as InsightsRow);
    const { events, groups } = run(rows);
    expect(events).toHaveLength(3);
    expect(events.map((e) => e.logStream)).toEqual(['api/a', 'api/b', 'api/c']);
    expect(events[1]?.message).toBe(nodeTypeError());
    expect(groups.map((g) => g.type).sort()).toEqual(['KeyError', 'TypeError', 'java.lang.IllegalStateException']);
  });

  it('does not join lines of the same stream name in different log groups', () => {
    const [header, ...frames] = nodeTypeError().split('\n');
    const rows = [
      row({ at: 0, message: header as string, group: '/ecs/api' }),
      ...frames.map((line, i) => row({ at: 1 + i, message: line, group: '/ecs/worker' })),
    ];
    expect(run(rows).events).toHaveLength(4);
  });

  it('does not join across a gap longer than two seconds', () => {
    const lines = nodeTypeError().split('\n');
    const rows = [
      row({ at: 0, message: lines[0] as string }),
      row({ at: 100, message: lines[1] as string }),
      row({ at: 2_200, message: lines[2] as string }),
    ];
    const { events } = run(rows);
    expect(events).toHaveLength(2);
    expect(events[0]?.message).toBe(lines.slice(0, 2).join('\n'));
  });

  it('ends a trace at a line that does not belong to it, and starts the next trace after it', () => {
    const rows = [
      ...splitRows(pythonKeyError('a'), { at: 0 }),
      row({ at: 20, message: 'INFO GET /health 200' }),
      ...splitRows(pythonKeyError('b'), { at: 30 }),
    ];
    const { events, groups } = run(rows);
    expect(events.map((e) => e.level)).toEqual(['error', 'info', 'error']);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.count).toBe(2);
  });

  it('two back-to-back traces in one stream stay two events', () => {
    const rows = [...splitRows(javaTrace('A-1'), { at: 0 }), ...splitRows(javaTrace('A-2'), { at: 20 })];
    const { events, groups } = run(rows);
    expect(events).toHaveLength(2);
    expect(groups[0]?.count).toBe(2);
  });

  it('an exception-like line with no frame after it is a single error line, not a trace', () => {
    const rows = [
      row({ at: 0, message: 'ValueError: invalid literal for int() with base 10: "abc"' }),
      row({ at: 5, message: 'INFO retrying' }),
    ];
    const { events, groups } = run(rows);
    expect(events).toHaveLength(2);
    expect(groups[0]?.type).toBe('ValueError');
    expect(groups[0]?.stack).toBeUndefined();
  });

  it('continues a trace that began inside a multi-line event (logback header + exception line)', () => {
    const head =
      '2024-01-24 04:27:40.101 ERROR [http-nio-8080-exec-3] c.a.o.OrderController - cancel failed\njava.lang.IllegalStateException: Order 9 is already shipped';
    const rows = [
      row({ at: 0, message: head }),
      row({ at: 1, message: '\tat com.acme.orders.OrderService.cancel(OrderService.java:214)' }),
      row({ at: 1, message: '\tat com.acme.orders.OrderController.cancel(OrderController.java:57)' }),
    ];
    const { events, groups } = run(rows);
    expect(events).toHaveLength(1);
    expect(groups[0]?.type).toBe('java.lang.IllegalStateException');
    expect(groups[0]?.stack?.startsWith('java.lang.IllegalStateException: Order 9')).toBe(true);
    expect(groups[0]?.frames).toEqual([
      'com.acme.orders.OrderService.cancel(OrderService.java)',
      'com.acme.orders.OrderController.cancel(OrderController.java)',
    ]);
  });

  it('a whole trace inside one event is recognised without joining', () => {
    const { events, groups } = run([row({ at: 0, message: `${goPanic(1, 0)}\n` })]);
    expect(events).toHaveLength(1);
    expect(groups[0]?.type).toBe('panic');
    expect(groups[0]?.frames[0]).toBe('github.com/acme/api/internal/cart.(*Cart).Item (/src/internal/cart/cart.go)');
  });

  it('keeps arrival order for lines with the same millisecond', () => {
    const { events } = run(splitRows(nodeTypeError(), { at: 0, stepMs: 0 }));
    expect(events[0]?.message).toBe(nodeTypeError());
  });

  it('a trace with no stated level (`com.acme.Boom` + frames) is an error', () => {
    const { events, groups } = run(splitRows('com.acme.Boom\n\tat com.acme.A.b(A.java:1)', { at: 0 }));
    expect(events[0]?.level).toBe('error');
    expect(groups[0]?.title).toBe('com.acme.Boom');
  });

  it('a warning that carries a trace is kept as an event and not grouped', () => {
    const { events, groups } = run([row({ at: 0, message: `WARNING:root:retrying\n${pythonKeyError('x')}` })]);
    expect(events[0]?.level).toBe('warn');
    expect(groups).toEqual([]);
  });

  it('the monkeypatch as print_exc() drives it: doubled prefixes, untagged source lines missing, a prefix-only line between chained tracebacks', () => {
    const p = `[openReplaySessionToken=${TOKEN_4}] `;
    const messages = [
      `${p}Traceback (most recent call last):`,
      `${p}${p}  File "/app/api/repositories/orders.py", line 23, in get`,
      `${p}${p}KeyError: '0b7c7a43-5d2e-4c1a-9a53-2f2b8f1e6d10'`,
      `${p}${p}`,
      `${p}${p}Traceback (most recent call last):`,
      `${p}${p}  File "/app/api/views/orders.py", line 77, in get_order`,
      `${p}${p}  File "/app/api/repositories/orders.py", line 25, in get`,
      `${p}${p}api.errors.NotFoundError: ${p}order 0b7c7a43-5d2e-4c1a-9a53-2f2b8f1e6d10 not found`,
    ];
    const { events, groups } = run(messages.map((message, i) => row({ at: i, message })));
    expect(events).toHaveLength(1);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: 'api.errors.NotFoundError', title: 'api.errors.NotFoundError: order <uuid> not found' });
    expect(groups[0]?.frames).toEqual(['get (/app/api/repositories/orders.py)', 'get_order (/app/api/views/orders.py)']);
    expect(events[0]?.message.split('\n')[1]).toBe('  File "/app/api/repositories/orders.py", line 23, in get');
  });

  it('attaches an error record line to the trace that follows it (logger.exception, Spring)', () => {
    const header = '2024-01-24T04:27:40.101Z ERROR 1 --- [nio-8080-exec-4] c.a.payments.web.PaymentController : request failed';
    const rows = [row({ at: 0, message: header }), ...splitRows(javaTrace('A-9'), { at: 1 })];
    const { events, groups } = run(rows);
    expect(events).toHaveLength(1);
    expect(events[0]?.message).toBe(`${header}\n${javaTrace('A-9')}`);
    expect(groups[0]?.type).toBe('java.lang.IllegalStateException');
    expect(groups[0]?.stack).toBe(javaTrace('A-9'));
  });

  it('does not attach info lines, JSON lines, or lines older than two seconds', () => {
    const rows = [
      row({ at: 0, message: 'INFO:api:request started' }),
      ...splitRows(nodeTypeError(), { at: 1 }),
      row({ at: 100, message: '{"level":"error","msg":"x"}' }),
      ...splitRows(nodeTypeError(), { at: 101 }),
      row({ at: 200, message: 'ERROR:api:request failed' }),
      ...splitRows(nodeTypeError(), { at: 2_300 }),
    ];
    const { events } = run(rows);
    expect(events).toHaveLength(6);
  });

  it('a Go panic after a log prefix, its goroutine dump in the following lines', () => {
    const head = '2024/01/24 04:27:40 openReplaySession.id=2618307011354435587 panic: assignment to entry in nil map';
    const rest = [
      'goroutine 57 [running]:',
      'runtime/debug.Stack()',
      '\t/usr/local/go/src/runtime/debug/stack.go:24 +0x5e',
      'panic({0x6a2b20?, 0xc000012345?})',
      '\t/usr/local/go/src/runtime/panic.go:785 +0x132',
      'github.com/acme/gateway/internal/ratelimit.(*Limiter).Allow(0xc0001a2000, {0xc0002b40e0, 0x3, 0x17})',
      '\t/app/internal/ratelimit/limiter.go:73 +0x1d4',
    ];
    const { events, groups } = run([row({ at: 0, message: head }), ...rest.map((message, i) => row({ at: 1 + i, message }))]);
    expect(events).toHaveLength(1);
    expect(groups[0]).toMatchObject({ type: 'panic', title: 'panic: assignment to entry in nil map', level: 'error' });
    expect(groups[0]?.frames).toEqual(['github.com/acme/gateway/internal/ratelimit.(*Limiter).Allow (/app/internal/ratelimit/limiter.go)']);
  });

  it('Java trace lines that continue an exception message (`  Detail: …`) stay in the trace', () => {
    const trace = [
      'org.springframework.dao.DataIntegrityViolationException: could not execute statement',
      '\tat com.acme.payments.service.PaymentService.create(PaymentService.java:64)',
      'Caused by: org.postgresql.util.PSQLException: ERROR: duplicate key value violates unique constraint "uk_key"',
      '  Detail: Key (idempotency_key)=(9f2c1e7ab3) already exists.',
      '\tat org.postgresql.core.v3.QueryExecutorImpl.receiveErrorResponse(QueryExecutorImpl.java:2713)',
      '\t... 58 more',
    ].join('\n');
    const { events } = run(splitRows(trace, { at: 0 }));
    expect(events).toHaveLength(1);
  });
});
