import type { Rng } from '../../rng';
import type { ErrorInstance, ErrorTemplate } from './types';

/** Function lines carry argument words (pointers) that differ on every run. */
function goStack(rng: Rng, frames: [string, string][]): string[] {
  const lines: string[] = [];
  for (const [fn, loc] of frames) {
    const args = fn.endsWith(')')
      ? ''
      : `(0xc000${rng.hex(6)}, {0xc000${rng.hex(6)}, 0x${rng.int(1, 15).toString(16)}, 0x${rng.int(16, 31).toString(16)}})`;
    lines.push(`${fn}${args}`, `\t${loc} +0x${rng.hex(3)}`);
  }
  return lines;
}

export function goPanic(rng: Rng, message: string, frames: [string, string][], key: string, signal?: string): ErrorInstance {
  const stack = goStack(rng, [
    ['runtime/debug.Stack()', '/usr/local/go/src/runtime/debug/stack.go:24'],
    [`panic({0x${rng.hex(6)}?, 0xc000${rng.hex(6)}?})`, '/usr/local/go/src/runtime/panic.go:785'],
    ...frames,
  ]);
  const chunks = [`panic: ${message}`, ...(signal === undefined ? [] : [signal]), `goroutine ${rng.int(20, 900)} [running]:`, ...stack];
  return { language: 'go', type: 'panic', groupKey: key, message, chunks, frames: stack.filter((l) => !l.startsWith('\t')) };
}

const SERVE: [string, string][] = [
  ['net/http.HandlerFunc.ServeHTTP', '/usr/local/go/src/net/http/server.go:2220'],
  ['github.com/acme/gateway/internal/middleware.Recover.func1', '/app/internal/middleware/recover.go:31'],
];

export const goErrors: ErrorTemplate[] = [
  {
    key: 'go:panic:discount-index',
    build: (rng, decorate) => {
      const len = rng.int(1, 5);
      return goPanic(
        rng,
        decorate(`runtime error: index out of range [${len + rng.int(0, 4)}] with length ${len}`),
        [
          ['github.com/acme/gateway/internal/cart.(*Handler).applyDiscount', '/app/internal/cart/handler.go:88'],
          ['github.com/acme/gateway/internal/cart.(*Handler).Checkout', '/app/internal/cart/handler.go:54'],
          ...SERVE,
        ],
        'go:panic:discount-index',
      );
    },
  },
  {
    key: 'go:panic:nil-session',
    build: (rng, decorate) =>
      goPanic(
        rng,
        decorate('runtime error: invalid memory address or nil pointer dereference'),
        [
          ['github.com/acme/gateway/internal/auth.(*Session).UserID', '/app/internal/auth/session.go:47'],
          ['github.com/acme/gateway/internal/proxy.(*Router).forward', '/app/internal/proxy/router.go:112'],
          ...SERVE,
        ],
        'go:panic:nil-session',
        `[signal SIGSEGV: segmentation violation code=0x1 addr=0x${rng.int(8, 64).toString(16)} pc=0x${rng.hex(6)}]`,
      ),
  },
  {
    key: 'go:panic:nil-map',
    build: (rng, decorate) =>
      goPanic(
        rng,
        decorate('assignment to entry in nil map'),
        [['github.com/acme/gateway/internal/ratelimit.(*Limiter).Allow', '/app/internal/ratelimit/limiter.go:73'], ...SERVE],
        'go:panic:nil-map',
      ),
  },
];
