/** pino (npm): JSON lines, `err` with type/message/stack (and cause), the session in a child logger's bindings. */
import pino from 'pino';
import { requests, call } from './corpus-truth.mjs';
import * as shop from './shop.mjs';

const root = pino({ base: { service: 'checkout' } }, pino.destination({ dest: 1, sync: true }));

for (const request of requests()) {
  const bindings =
    request.style === 'flat-id'
      ? { 'openReplaySession.id': request.sessionId }
      : request.style === 'nested-id'
        ? { openReplaySession: { id: request.sessionId } }
        : { req: { headers: { 'x-openreplay-sessiontoken': request.token } } };
  const log = root.child(bindings);
  call('info');
  log.info({ path: '/api/checkout' }, 'checkout requested');
  if (request.scenario === 'ok') continue;
  try {
    shop.run(request.scenario);
  } catch (err) {
    call('error', { error: err });
    log.error({ err }, 'checkout failed');
  }
}
