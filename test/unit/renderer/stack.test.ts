import { describe, expect, it } from 'vitest';
import { splitStack, toFrame } from '../../../renderer/src/lib/stack';

describe('splitStack', () => {
  it('splits a Node trace into headline and frames, marking dependency frames', () => {
    const split = splitStack(
      [
        "TypeError: Cannot read properties of undefined (reading 'total')",
        '    at computeTotal (/srv/app/src/cart/total.ts:42:17)',
        '    at Layer.handle (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
        '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      ].join('\n'),
    );
    expect(split.head).toBe("TypeError: Cannot read properties of undefined (reading 'total')");
    expect(split.frames.map((f) => [f.location, f.external])).toEqual([
      ['/srv/app/src/cart/total.ts:42:17', false],
      ['/srv/app/node_modules/express/lib/router/layer.js:95:5', true],
      [undefined, true],
    ]);
    expect(split.tail).toBe('');
  });

  it('keeps the source line under each Python frame with its frame', () => {
    const split = splitStack(
      [
        'Traceback (most recent call last):',
        '  File "/app/views.py", line 12, in checkout',
        '    total = cart.total()',
        '  File "/usr/lib/python3/dist-packages/x.py", line 3, in total',
        '    raise ValueError("empty")',
        'ValueError: empty',
      ].join('\n'),
    );
    expect(split.head).toBe('Traceback (most recent call last):');
    expect(split.frames).toHaveLength(2);
    expect(split.frames[0]).toMatchObject({ location: '/app/views.py:12', external: false });
    expect(split.frames[0]?.text).toContain('total = cart.total()');
    expect(split.frames[1]?.external).toBe(true);
    expect(split.tail).toBe('ValueError: empty');
  });

  it('leaves a message without frames untouched', () => {
    expect(splitStack('GET /cart 200 12ms')).toEqual({ head: 'GET /cart 200 12ms', frames: [], tail: '' });
  });

  it('recognises Java frames and their "... n more" line', () => {
    const split = splitStack('java.lang.IllegalStateException: x\n\tat com.acme.Cart.total(Cart.java:42)\n\t... 12 more');
    expect(split.frames.map((f) => f.text)).toEqual(['at com.acme.Cart.total(Cart.java:42)', '... 12 more']);
    expect(toFrame('\tat com.acme.Cart.total(Cart.java:42)').location).toBe('Cart.java:42');
  });
});

describe('splitStack with Go panics', () => {
  it('pairs each function line with its file line', () => {
    const split = splitStack(
      [
        'panic: runtime error: invalid memory address or nil pointer dereference',
        'goroutine 201 [running]:',
        'runtime/debug.Stack()',
        '\t/usr/local/go/src/runtime/debug/stack.go:24 +0x7d0',
        'github.com/acme/gateway/internal/auth.(*Session).UserID(0xc000eca693)',
        '\t/app/internal/auth/session.go:47 +0x190',
        'http: response 500',
      ].join('\n'),
    );
    expect(split.head).toBe('panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 201 [running]:');
    expect(split.frames.map((f) => f.location)).toEqual(['/usr/local/go/src/runtime/debug/stack.go:24', '/app/internal/auth/session.go:47']);
    expect(split.frames[1]?.text).toMatch(/^github\.com\/acme\/gateway\/internal\/auth\.\(\*Session\)\.UserID/);
    expect(split.tail).toBe('http: response 500');
  });
});
