/** Plain Node: console.error(err) (with cause, AggregateError, own properties) behind a text prefix, console.log lines. */
import util from 'node:util';
import { requests, call } from './corpus-truth.mjs';
import * as shop from './shop.mjs';

for (const request of requests()) {
  const tag = request.style === 'inspect' ? { openReplaySession: { id: request.sessionId } } : `[openReplaySessionToken=${request.token}]`;
  call('none'); // console.log states no level
  console.log(request.style === 'inspect' ? util.format('GET /api/cart %o', tag) : `${tag} GET /api/cart 200`);
  if (request.scenario === 'ok') continue;
  try {
    shop.run(request.scenario);
  } catch (error) {
    call('none', { error }); // console.error states no level (it writes to stderr)
    if (request.style === 'inspect') console.error('checkout failed:', error, tag);
    else console.error(`${tag} checkout failed:`, error);
  }
}
