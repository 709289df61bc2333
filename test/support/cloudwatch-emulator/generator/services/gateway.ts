import { goErrors } from '../errors/go';
import { ecsStreams, goTime, ip, path } from './text';
import type { Service } from './types';

/** Go API gateway using the log package; a recover middleware logs panics with the session id. */
export const gatewayService: Service = {
  group: '/ecs/gateway',
  language: 'go',
  style: 'session-id',
  shape: 'ECS awslogs × log + recovered panics × Go',
  errorLevel: 'error',
  streamNames: (rng) => ecsStreams(rng, 'gateway', 2),
  templates: goErrors,
  tagged: (ts, rng, s) =>
    `${goTime(ts)} openReplaySession.id=${s.id} ${rng.pick(['GET', 'POST'])} ${path(rng)} ${rng.pick([200, 200, 204])} ${rng.int(1, 90)}.${rng.int(100, 999)}ms`,
  noise: (ts, rng) => {
    if (rng.chance(0.9))
      return `${goTime(ts)} ${rng.pick(['GET', 'GET', 'POST'])} ${path(rng)} ${rng.pick([200, 200, 301, 404])} ${rng.int(0, 50)}.${rng.int(100, 999)}ms ${ip(rng)}`;
    return `${goTime(ts)} upstream ${rng.pick(['cart', 'search', 'users'])}: retrying after ${rng.int(50, 500)}ms (attempt ${rng.int(1, 3)})`;
  },
  contextBefore: (ts, rng) => `${goTime(ts)} proxy: forwarding ${path(rng)} to cart-svc`,
  contextAfter: (ts, rng) => `${goTime(ts)} http: response 500 for ${path(rng)} from ${ip(rng)}`,
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const [first, ...rest] = error.chunks;
    // log.Printf("openReplaySession.id=%s %s\n%s", id, panicLine, debug.Stack()): one write, split per line.
    return { lines: [`${goTime(ts)} openReplaySession.id=${s.id} ${first}`, ...rest], error };
  },
};
