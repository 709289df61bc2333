import { describe, expect, it } from 'vitest';
import { parseTrace } from '../../../main/services/correlation/log-shapes/traces/parse-trace';

const framesOf = (stack: string) => parseTrace(stack).exception.frames;

describe('frames of a trace, as the UI shows them', () => {
  it('Node.js: function, file, line and column; dependency and runtime frames are library frames', () => {
    const frames = framesOf(
      [
        "TypeError: Cannot read properties of undefined (reading 'total')",
        '    at computeTotal (/srv/app/src/cart/total.ts:42:17)',
        '    at Layer.handle (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
        '    at async /srv/app/src/server.js:9:3',
      ].join('\n'),
    );
    expect(frames.map((f) => [f.function, f.file, f.line, f.column, f.app])).toEqual([
      ['computeTotal', '/srv/app/src/cart/total.ts', 42, 17, true],
      ['Layer.handle', '/srv/app/node_modules/express/lib/router/layer.js', 95, 5, false],
      ['process.processTicksAndRejections', 'node:internal/process/task_queues', 95, 5, false],
      [undefined, '/srv/app/src/server.js', 9, 3, true],
    ]);
    expect(frames[0]?.raw).toBe('at computeTotal (/srv/app/src/cart/total.ts:42:17)');
  });

  it('Python: innermost first, each frame with the source line printed under it', () => {
    const trace = parseTrace(
      [
        'Traceback (most recent call last):',
        '  File "/app/views.py", line 12, in checkout',
        '    total = cart.total()',
        '  File "/usr/lib/python3/dist-packages/x.py", line 3, in total',
        '    raise ValueError("empty")',
        '    ^^^^^^^^^^^^^^^^^^^^^^^^^',
        'ValueError: empty',
      ].join('\n'),
    );
    expect(trace.exception).toMatchObject({ type: 'ValueError', message: 'empty' });
    expect(trace.exception.frames).toEqual([
      {
        raw: 'File "/usr/lib/python3/dist-packages/x.py", line 3, in total',
        function: 'total',
        file: '/usr/lib/python3/dist-packages/x.py',
        line: 3,
        code: 'raise ValueError("empty")',
        app: false,
      },
      {
        raw: 'File "/app/views.py", line 12, in checkout',
        function: 'checkout',
        file: '/app/views.py',
        line: 12,
        code: 'total = cart.total()',
        app: true,
      },
    ]);
  });

  it('Java: class and method, file and line; `... n more` counts the frames left out', () => {
    const trace = parseTrace(
      'java.lang.IllegalStateException: x\n\tat com.acme.Cart.total(Cart.java:42)\n\tat java.base/java.lang.Thread.run(Thread.java:833)\n\t... 12 more',
    );
    expect(trace.exception.frames.map((f) => [f.function, f.file, f.line, f.app])).toEqual([
      ['com.acme.Cart.total', 'Cart.java', 42, true],
      ['java.lang.Thread.run', 'Thread.java', 833, false],
    ]);
    expect(trace.exception.omittedFrames).toBe(12);
  });

  it('Go: each function line paired with its file line; the runtime frames are library frames', () => {
    const frames = framesOf(
      [
        'panic: runtime error: invalid memory address or nil pointer dereference',
        'goroutine 201 [running]:',
        'runtime/debug.Stack()',
        '\t/usr/local/go/src/runtime/debug/stack.go:24 +0x7d0',
        'github.com/acme/gateway/internal/auth.(*Session).UserID(0xc000eca693)',
        '\t/app/internal/auth/session.go:47 +0x190',
      ].join('\n'),
    );
    expect(frames.map((f) => [f.function, f.file, f.line, f.app])).toEqual([
      ['runtime/debug.Stack', '/usr/local/go/src/runtime/debug/stack.go', 24, false],
      ['github.com/acme/gateway/internal/auth.(*Session).UserID', '/app/internal/auth/session.go', 47, true],
    ]);
  });

  it('keeps a message without frames as it is', () => {
    expect(parseTrace('GET /cart 200 12ms').exception).toEqual({ type: '', message: '', frames: [] });
  });
});
