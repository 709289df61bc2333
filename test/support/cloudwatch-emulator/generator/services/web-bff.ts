import type { Rng } from '../../rng';
import { nodeErrors } from '../errors/node';
import { ecsStreams, path } from './text';
import type { Service } from './types';

const HOSTS = ['ip-10-0-1-23', 'ip-10-0-2-147'];

function reqId(rng: Rng): string {
  return `req-${rng.int(1, 0xfffff).toString(36)}`;
}

/** Node.js BFF logging pino-style JSON (string levels), with the token as a JSON field. */
export const webBffService: Service = {
  group: '/ecs/web-bff',
  language: 'node',
  style: 'json',
  shape: 'ECS awslogs × pino (string levels) × Node.js',
  errorLevel: 'error',
  streamNames: (rng) => ecsStreams(rng, 'web-bff', 2),
  templates: nodeErrors,
  tagged: (ts, rng, s) =>
    JSON.stringify({
      level: 'info',
      time: ts,
      pid: 1,
      hostname: rng.pick(HOSTS),
      openReplaySessionToken: s.token,
      reqId: reqId(rng),
      req: { method: rng.pick(['GET', 'POST']), url: path(rng) },
      res: { statusCode: rng.pick([200, 200, 201, 304]) },
      responseTime: rng.int(3, 400),
      msg: 'request completed',
    }),
  noise: (ts, rng) => {
    if (rng.chance(0.97)) {
      return JSON.stringify({
        level: 'info',
        time: ts,
        pid: 1,
        hostname: rng.pick(HOSTS),
        reqId: reqId(rng),
        req: { method: 'GET', url: path(rng) },
        res: { statusCode: rng.pick([200, 200, 304, 404]) },
        responseTime: rng.int(1, 300),
        msg: 'request completed',
      });
    }
    return JSON.stringify({
      level: 'warn',
      time: ts,
      pid: 1,
      hostname: rng.pick(HOSTS),
      msg: `slow upstream pricing: ${rng.int(1500, 9000)}ms`,
    });
  },
  contextBefore: (ts, rng) =>
    JSON.stringify({
      level: 'debug',
      time: ts,
      pid: 1,
      hostname: rng.pick(HOSTS),
      reqId: reqId(rng),
      msg: 'loading profile',
      userId: rng.int(1000, 99999),
    }),
  contextAfter: (ts, rng) =>
    JSON.stringify({
      level: 'info',
      time: ts,
      pid: 1,
      hostname: rng.pick(HOSTS),
      reqId: reqId(rng),
      res: { statusCode: 500 },
      responseTime: rng.int(5, 900),
      msg: 'request errored',
    }),
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const line = JSON.stringify({
      level: 'error',
      time: ts,
      pid: 1,
      hostname: rng.pick(HOSTS),
      openReplaySessionToken: s.token,
      reqId: reqId(rng),
      err: { type: error.type, message: error.message, stack: error.chunks.join('\n') },
      msg: error.message,
    });
    return { lines: [line], error };
  },
};
