/** bunyan (npm): JSON records, levels as numbers, `err` from its serializer, the token in a logged request's headers. */
import bunyan from 'bunyan';
import { requests, call } from './corpus-truth.mjs';
import * as shop from './shop.mjs';

const log = bunyan.createLogger({
  name: 'orders',
  serializers: bunyan.stdSerializers,
  streams: [{ stream: process.stdout, level: 'info' }],
});

for (const request of requests()) {
  const req = {
    method: 'POST',
    url: '/api/orders',
    headers: { host: 'api.shop.test', 'x-openreplay-sessiontoken': request.token },
    connection: { remoteAddress: '10.0.0.7', remotePort: 51234 },
  };
  const child = request.style === 'req-header' ? log.child({ req }) : log.child({ openReplaySessionId: request.sessionId });
  call('info');
  child.info('order received');
  if (request.scenario === 'ok') continue;
  try {
    shop.run(request.scenario);
  } catch (err) {
    call('error', { error: err });
    child.error({ err }, 'order failed');
  }
}
