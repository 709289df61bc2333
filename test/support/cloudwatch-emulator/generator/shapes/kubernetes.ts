import type { Rng } from '../../rng';
import { goTime, ip, path } from '../services/text';
import type { Service } from '../services/types';
import { fluentBitEnvelope, kubernetesStreams } from './envelopes';
import { goEdgeErrors, nodePinoErrors, nodeWinstonErrors } from './templates';

/** Services on EKS, shipped by Fluent Bit as Container Insights configures it. */

const isoTime = (ts: number): string => new Date(ts).toISOString();
const reqId = (rng: Rng): string => `req-${rng.int(1, 0xfffff).toString(36)}`;

/** pino's JSON (numeric levels: 30 info, 50 error; `err` by its serializer) with the token as a field; Fluent Bit without Merge_Log, so the line arrives escaped inside `log`. */
export const cartPinoService: Service = {
  group: '/aws/containerinsights/shop-eks/application',
  language: 'node',
  style: 'json',
  shape: 'Fluent Bit (EKS) × pino × Node.js',
  errorLevel: 'error',
  envelope: fluentBitEnvelope('stdout', false),
  streamNames: (rng) => kubernetesStreams(rng, 'cart', 'shop', 2),
  templates: nodePinoErrors,
  tagged: (ts, rng, s) =>
    JSON.stringify({
      level: 30,
      time: ts,
      pid: 1,
      hostname: 'cart',
      reqId: reqId(rng),
      openReplaySessionToken: s.token,
      msg: `cart ${rng.int(1000, 9999)} priced`,
      responseTime: rng.int(2, 90),
    }),
  noise: (ts, rng) =>
    JSON.stringify({
      level: 30,
      time: ts,
      pid: 1,
      hostname: 'cart',
      reqId: reqId(rng),
      msg: 'request completed',
      req: { method: 'GET', url: path(rng) },
      res: { statusCode: rng.pick([200, 200, 304]) },
    }),
  contextBefore: (ts, rng) => JSON.stringify({ level: 20, time: ts, pid: 1, hostname: 'cart', reqId: reqId(rng), msg: 'loading cart' }),
  contextAfter: (ts, rng) =>
    JSON.stringify({
      level: 30,
      time: ts,
      pid: 1,
      hostname: 'cart',
      reqId: reqId(rng),
      msg: 'request completed',
      res: { statusCode: 500 },
    }),
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const line = JSON.stringify({
      level: 50,
      time: ts,
      pid: 1,
      hostname: 'cart',
      reqId: reqId(rng),
      openReplaySessionToken: s.token,
      err: { type: error.type, message: error.message, stack: error.chunks.join('\n') },
      msg: error.message,
    });
    return { lines: [line], error };
  },
};

/** winston's JSON (`format.errors({ stack: true })`), the session ID as a string field; Fluent Bit with Merge_Log also parses it into `log_processed`. */
export const searchWinstonService: Service = {
  group: '/aws/containerinsights/ops-eks/application',
  language: 'node',
  style: 'id-json',
  shape: 'Fluent Bit (EKS, Merge_Log) × winston × Node.js',
  errorLevel: 'error',
  envelope: fluentBitEnvelope('stdout', true),
  streamNames: (rng) => kubernetesStreams(rng, 'search', 'ops', 2),
  templates: nodeWinstonErrors,
  tagged: (ts, rng, s) =>
    JSON.stringify({
      level: 'info',
      message: `search "${rng.pick(['shoes', 'red dress', 'socks'])}" answered`,
      'openReplaySession.id': s.id,
      service: 'search',
      timestamp: isoTime(ts),
    }),
  noise: (ts, rng) =>
    JSON.stringify({ level: 'info', message: `index refreshed in ${rng.int(20, 900)}ms`, service: 'search', timestamp: isoTime(ts) }),
  contextBefore: (ts) => JSON.stringify({ level: 'debug', message: 'querying index', service: 'search', timestamp: isoTime(ts) }),
  contextAfter: (ts) => JSON.stringify({ level: 'info', message: 'answered from cache', service: 'search', timestamp: isoTime(ts) }),
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const line = JSON.stringify({
      level: 'error',
      message: error.message,
      'openReplaySession.id': s.id,
      service: 'search',
      stack: error.chunks.join('\n'),
      timestamp: isoTime(ts),
    });
    return { lines: [line], error };
  },
};

/**
 * A Go edge proxy with the log package (stderr): request lines carry the logged
 * `X-OpenReplay-SessionToken` header; a recover middleware logs a panic with debug.Stack(). Each
 * line of it is its own CRI record, so each is its own Fluent Bit record and event.
 */
export const edgeGoService: Service = {
  group: '/aws/containerinsights/edge-eks/application',
  language: 'go',
  style: 'token-named',
  shape: 'Fluent Bit (EKS) × log + recovered panics × Go',
  errorLevel: 'error',
  envelope: fluentBitEnvelope('stderr', false),
  streamNames: (rng) => kubernetesStreams(rng, 'edge', 'edge', 2),
  templates: goEdgeErrors,
  tagged: (ts, rng, s) =>
    `${goTime(ts)} ${rng.pick(['GET', 'POST'])} ${path(rng)} ${rng.pick([200, 204])} X-OpenReplay-SessionToken: ${s.token}`,
  noise: (ts, rng) => `${goTime(ts)} ${rng.pick(['GET', 'GET', 'POST'])} ${path(rng)} ${rng.pick([200, 301, 404])} from ${ip(rng)}`,
  contextBefore: (ts, rng) => `${goTime(ts)} route lookup for ${path(rng)}`,
  contextAfter: (ts, rng) => `${goTime(ts)} http: response 502 for ${path(rng)}`,
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const [first, ...rest] = error.chunks;
    return { lines: [`${goTime(ts)} X-OpenReplay-SessionToken: ${s.token} ${first}`, ...rest], error };
  },
};
