import { pythonErrors } from '../errors/python';
import { hookedWrites, printExcWrites } from './python-hook';
import { clfTime, ecsStreams, ip, path } from './text';
import { type Service, tokenPrefix } from './types';

const LOGGERS = ['api.views.users', 'api.views.cart', 'api.views.orders', 'api.services.search'];

/** Flask API on ECS, tagged by the OpenReplay docs' Python monkeypatch on sys.stderr. */
export const apiService: Service = {
  group: '/ecs/api',
  language: 'python',
  style: 'prefix',
  shape: 'ECS awslogs × OpenReplay monkeypatch × CPython',
  errorLevel: 'error',
  streamNames: (rng) => ecsStreams(rng, 'api', 3),
  templates: pythonErrors,
  tagged: (_ts, rng, s) =>
    `${tokenPrefix(s.token!)}INFO:${rng.pick(LOGGERS)}:${rng.pick(['GET', 'GET', 'POST', 'PUT'])} ${path(rng)} ${rng.pick([200, 200, 201, 204, 304])} in ${rng.int(2, 180)}ms`,
  noise: (ts, rng) => {
    const r = rng.next();
    if (r < 0.7) {
      return `${ip(rng)} - - [${clfTime(ts)}] "${rng.pick(['GET', 'GET', 'POST'])} ${path(rng)} HTTP/1.1" ${rng.pick([200, 200, 200, 201, 304, 404])} ${rng.int(90, 9000)} "-" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"`;
    }
    if (r < 0.9)
      return `INFO:${rng.pick(LOGGERS)}:cache ${rng.pick(['hit', 'miss'])} for user:${rng.int(1000, 99999)} (${rng.int(0, 40)}ms)`;
    if (r < 0.97)
      return `WARNING:urllib3.connectionpool:Retrying (Retry(total=${rng.int(0, 2)}, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError("HTTPSConnectionPool(host='pricing.internal', port=443): Read timed out. (read timeout=5)")': /v1/quote`;
    // Untagged errors: real but belonging to no session; they must never be attributed.
    return `ERROR:api.tasks.mail:failed to send receipt to user ${rng.int(1000, 99999)}: SMTPServerDisconnected('Connection unexpectedly closed')`;
  },
  contextBefore: (_ts, rng) =>
    `DEBUG:sqlalchemy.engine.Engine:SELECT users.id, users.email FROM users WHERE users.id = %(id_1)s [cached since ${rng.int(1, 9000)}s ago] {'id_1': ${rng.int(1000, 99999)}}`,
  contextAfter: (ts, rng) =>
    `${ip(rng)} - - [${clfTime(ts)}] "${rng.pick(['GET', 'POST'])} ${path(rng)} HTTP/1.1" 500 ${rng.int(100, 400)} "-" "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"`,
  error: (template, rng, s) => {
    const token = s.token!;
    const error = template.build(rng, (m) => `${tokenPrefix(token)}${m}`);
    if (rng.chance(0.65)) {
      // except: traceback.print_exc()
      const { lines, pending } = hookedWrites(printExcWrites(error.chunks), token);
      return { lines, error, pending };
    }
    // logger.exception(...): the record and its formatted trace go out in one write.
    const record = `ERROR:${rng.pick(LOGGERS)}:${rng.pick(['request failed', 'unhandled error in view', 'order lookup failed'])}\n${error.chunks.join('').replace(/\n$/, '')}\n`;
    return { lines: hookedWrites([record], token).lines, error };
  },
};
