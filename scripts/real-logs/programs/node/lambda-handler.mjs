/** A Node.js Lambda function: console.* through the runtime's patched console; fails handled or unhandled. */
import { call } from './corpus-truth.mjs';
import * as shop from './shop.mjs';

export const handler = async (event) => {
  const tag = `[openReplaySessionToken=${event.token}]`;
  call('info');
  console.log(`${tag} checkout started`, { cart: event.n });
  if (event.scenario === 'ok') return { statusCode: 200 };
  if (event.style === 'handled') {
    try {
      shop.run(event.scenario);
    } catch (error) {
      call('error', { error });
      console.error(`${tag} checkout failed:`, error);
      return { statusCode: 500 };
    }
  }
  call('warn');
  console.warn(`${tag} retrying without cache`);
  try {
    shop.run(event.scenario);
  } catch (error) {
    throw new Error(`${tag} checkout failed`, { cause: error }); // unhandled: the runtime logs it
  }
};
