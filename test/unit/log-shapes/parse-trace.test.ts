import { describe, expect, it } from 'vitest';
import { parseStackFrames } from '../../../main/services/correlation/log-shapes/traces/parse-trace';
import { goPanic, javaTrace, nodeConnRefused, nodeTypeError, pythonChained, pythonKeyError } from '../correlation/traces';

describe('parseStackFrames', () => {
  it('Python: innermost frame first, without line numbers', () => {
    expect(parseStackFrames(pythonKeyError('user_id'))).toEqual([
      'get_order (/app/api/orders.py)',
      'full_dispatch_request (/usr/local/lib/python3.12/site-packages/flask/app.py)',
      'wsgi_app (/usr/local/lib/python3.12/site-packages/flask/app.py)',
    ]);
  });

  it('Python chained exceptions: frames of the last (reported) traceback only', () => {
    expect(parseStackFrames(pythonChained(1))).toEqual(['charge (/app/api/payments.py)', 'checkout (/app/api/views.py)']);
  });

  it('Python frames without a header (AWS Lambda `stackTrace` chunks)', () => {
    const lambda = '  File "/var/task/app.py", line 10, in handler\n    return body["id"]\n  File "/var/task/util.py", line 4, in parse';
    expect(parseStackFrames(lambda)).toEqual(['parse (/var/task/util.py)', 'handler (/var/task/app.py)']);
  });

  it('Node.js: drops positions and `async`, keeps anonymous and bare-location frames', () => {
    expect(parseStackFrames(nodeTypeError())).toEqual([
      'UserService.notify (/app/src/services/user-service.js)',
      'OrderController.create (/app/src/controllers/order-controller.js)',
      '/app/node_modules/express-async-handler/index.js',
    ]);
    expect(parseStackFrames(nodeConnRefused(5432))).toEqual(['TCPConnectWrap.afterConnect [as oncomplete] (node:net)']);
    expect(parseStackFrames('Error: x\n    at new Foo (file:///app/foo.mjs:3:9)\n    at node:internal/main/run_main_module:28:49')).toEqual(
      ['new Foo (file:///app/foo.mjs)', 'node:internal/main/run_main_module'],
    );
  });

  it('Java: frames of the outer exception, stopping at `Caused by:`', () => {
    expect(parseStackFrames(javaTrace('A-1'))).toEqual([
      'com.acme.orders.OrderService.cancel(OrderService.java)',
      'com.acme.orders.OrderController.cancel(OrderController.java)',
      'java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java)',
      'com.acme.Main.main(Main.java)',
    ]);
  });

  it('Java: hidden-class addresses and native frames', () => {
    const trace = [
      'java.lang.NullPointerException: null',
      '\tat com.acme.Handler$$Lambda/0x0000000800c03000.apply(Unknown Source)',
      '\tat java.base/jdk.internal.misc.Unsafe.park(Native Method)',
    ].join('\n');
    expect(parseStackFrames(trace)).toEqual([
      'com.acme.Handler$$Lambda/0x….apply(Unknown Source)',
      'java.base/jdk.internal.misc.Unsafe.park(Native Method)',
    ]);
  });

  it('Go: function names without arguments, paired with their files; `created by` and other goroutines left out', () => {
    const trace = `${goPanic(5, 3)}\n\ngoroutine 1 [IO wait]:\ninternal/poll.runtime_pollWait(0x7f0, 0x72)\n\t/usr/local/go/src/runtime/netpoll.go:345 +0x85`;
    expect(parseStackFrames(trace)).toEqual([
      'github.com/acme/api/internal/cart.(*Cart).Item (/src/internal/cart/cart.go)',
      'github.com/acme/api/internal/http.(*Server).handleCart (/src/internal/http/cart.go)',
      'net/http.HandlerFunc.ServeHTTP (/usr/local/go/src/net/http/server.go)',
    ]);
  });

  it('Go: skips the runtime `panic(…)` frame of a re-panic', () => {
    const trace = [
      'panic: boom [recovered]',
      '\tpanic: boom',
      '',
      'goroutine 7 [running]:',
      'panic({0x6a2b20?, 0xc000012345?})',
      '\t/usr/local/go/src/runtime/panic.go:770 +0x132',
      'main.work()',
      '\t/app/main.go:20 +0x25',
    ].join('\n');
    expect(parseStackFrames(trace)).toEqual(['main.work (/app/main.go)']);
  });

  it('returns no frames for text without any, and caps very deep stacks', () => {
    expect(parseStackFrames('ERROR something failed')).toEqual([]);
    const deep = ['Error: deep', ...Array.from({ length: 120 }, (_, i) => `    at f${i} (/app/x.js:${i}:1)`)].join('\n');
    expect(parseStackFrames(deep)).toHaveLength(50);
  });
});
