import { pythonJsonDumps } from '../../../shippers/records';
import type { Service } from '../services/types';
import { dockerJsonEnvelope, fireLensEnvelope, fireLensStreams, instanceStreams } from './envelopes';
import { javaLogstashErrors, nodeBunyanErrors, pythonJsonLoggerErrors } from './templates';

/** Services on ECS behind FireLens and on EC2 behind Docker's json-file driver and the CloudWatch agent. */

const isoTime = (ts: number): string => new Date(ts).toISOString();
const HOST = 'ip-10-0-3-41.eu-west-1.compute.internal';

/** bunyan's records (level 60 = fatal, `err` by its serializer) with the session ID in a nested `openReplaySession` object. */
export const ordersBunyanService: Service = {
  group: '/ecs/firelens/orders',
  language: 'node',
  style: 'id-json',
  shape: 'ECS FireLens × bunyan × Node.js',
  errorLevel: 'fatal',
  envelope: fireLensEnvelope('stdout', 'shop-prod'),
  streamNames: (rng) => fireLensStreams(rng, 'orders', 2),
  templates: nodeBunyanErrors,
  tagged: (ts, rng, s) =>
    JSON.stringify({
      name: 'orders',
      hostname: HOST,
      pid: 1,
      level: 30,
      openReplaySession: { id: s.id },
      msg: `order ${rng.int(10000, 99999)} placed`,
      time: isoTime(ts),
      v: 0,
    }),
  noise: (ts, rng) =>
    JSON.stringify({
      name: 'orders',
      hostname: HOST,
      pid: 1,
      level: 30,
      msg: `outbox flushed ${rng.int(0, 40)} messages`,
      time: isoTime(ts),
      v: 0,
    }),
  contextBefore: (ts) =>
    JSON.stringify({ name: 'orders', hostname: HOST, pid: 1, level: 20, msg: 'opening ledger transaction', time: isoTime(ts), v: 0 }),
  contextAfter: (ts) =>
    JSON.stringify({ name: 'orders', hostname: HOST, pid: 1, level: 30, msg: 'ledger transaction rolled back', time: isoTime(ts), v: 0 }),
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const line = JSON.stringify({
      name: 'orders',
      hostname: HOST,
      pid: 1,
      level: 60,
      openReplaySession: { id: s.id },
      err: { message: error.message, name: error.type, stack: error.chunks.join('\n') },
      msg: error.message,
      time: isoTime(ts),
      v: 0,
    });
    return { lines: [line], error };
  },
};

/** python-json-logger (json.dumps separators) with `openReplaySession.id` as a string and the formatted trace in `exc_info`. */
export const inventoryJsonLoggerService: Service = {
  group: '/ecs/firelens/inventory',
  language: 'python',
  style: 'id-json',
  shape: 'ECS FireLens × python-json-logger × CPython',
  errorLevel: 'error',
  envelope: fireLensEnvelope('stderr', 'shop-prod'),
  streamNames: (rng) => fireLensStreams(rng, 'inventory', 2),
  templates: pythonJsonLoggerErrors,
  tagged: (ts, rng, s) =>
    pythonJsonDumps({
      asctime: isoTime(ts),
      levelname: 'INFO',
      name: 'inventory.api',
      message: `reserved ${rng.int(1, 5)} of sku-${rng.int(1000, 9999)}`,
      'openReplaySession.id': s.id,
    }),
  noise: (ts, rng) =>
    pythonJsonDumps({ asctime: isoTime(ts), levelname: 'INFO', name: 'inventory.sync', message: `synced ${rng.int(10, 900)} rows` }),
  contextBefore: (ts) =>
    pythonJsonDumps({ asctime: isoTime(ts), levelname: 'DEBUG', name: 'inventory.api', message: 'reading stock table' }),
  contextAfter: (ts) => pythonJsonDumps({ asctime: isoTime(ts), levelname: 'INFO', name: 'gunicorn.access', message: 'POST /reserve 500' }),
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    const line = pythonJsonDumps({
      asctime: isoTime(ts),
      levelname: 'ERROR',
      name: 'inventory.api',
      message: 'reservation failed',
      'openReplaySession.id': s.id,
      exc_info: error.chunks.join('').replace(/\n$/, ''),
    });
    return { lines: [line], error };
  },
};

/** logstash-logback-encoder's JSON with `openReplaySession.id` as a number (an MDC value written as a long). */
function logstash(
  ts: number,
  level: 'INFO' | 'ERROR',
  logger: string,
  message: string,
  id: string | undefined,
  stackTrace?: string,
): string {
  const record = {
    '@timestamp': isoTime(ts),
    '@version': '1',
    message,
    logger_name: logger,
    thread_name: 'http-nio-8080-exec-3',
    level,
    level_value: level === 'ERROR' ? 40000 : 20000,
    ...(stackTrace === undefined ? {} : { stack_trace: stackTrace }),
  };
  const json = JSON.stringify(record);
  return id === undefined ? json : `${json.slice(0, -1)},"openReplaySession.id":${id}}`;
}

export const billingLogstashService: Service = {
  group: '/ec2/billing/containers',
  language: 'java',
  style: 'id-json',
  shape: 'Docker json-file (CloudWatch agent) × logstash-logback-encoder × Java',
  errorLevel: 'error',
  envelope: dockerJsonEnvelope('stdout'),
  streamNames: (rng) => instanceStreams(rng, 2),
  templates: javaLogstashErrors,
  tagged: (ts, rng, s) => logstash(ts, 'INFO', 'com.acme.billing.InvoiceService', `invoice ${rng.int(10000, 99999)} issued`, s.id),
  noise: (ts, rng) => logstash(ts, 'INFO', 'com.acme.billing.Scheduler', `dunning run sent ${rng.int(0, 30)} reminders`, undefined),
  contextBefore: (ts) => logstash(ts, 'INFO', 'com.acme.billing.InvoiceService', 'computing taxes', undefined),
  contextAfter: (ts) => logstash(ts, 'INFO', 'org.apache.catalina.core.StandardWrapperValve', 'request completed with 500', undefined),
  error: (template, rng, s, ts) => {
    const error = template.build(rng, (m) => m);
    return { lines: [logstash(ts, 'ERROR', 'com.acme.billing.InvoiceController', 'invoice failed', s.id, error.chunks.join('\n'))], error };
  },
};
