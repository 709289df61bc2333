import type { ErrorInstance, ErrorTemplate } from './types';

export function nodeError(type: string, message: string, frames: string[], key: string): ErrorInstance {
  const at = frames.map((f) => `at ${f}`);
  return { language: 'node', type, groupKey: key, message, chunks: [`${type}: ${message}`, ...at.map((f) => `    ${f}`)], frames: at };
}

export const nodeErrors: ErrorTemplate[] = [
  {
    key: 'node:TypeError:profile-id',
    build: (_rng, decorate) =>
      nodeError(
        'TypeError',
        decorate("Cannot read properties of undefined (reading 'id')"),
        [
          'getUserProfile (/app/dist/services/profile.js:42:27)',
          'async ProfileController.show (/app/dist/controllers/profile.js:18:21)',
          'async /app/node_modules/express-async-handler/index.js:3:10',
        ],
        'node:TypeError:profile-id',
      ),
  },
  {
    key: 'node:AxiosError:pricing-upstream',
    build: (rng, decorate) =>
      nodeError(
        'AxiosError',
        decorate(`Request failed with status code ${rng.pick([502, 503, 504])}`),
        [
          'settle (/app/node_modules/axios/dist/node/axios.cjs:1983:12)',
          'IncomingMessage.handleStreamEnd (/app/node_modules/axios/dist/node/axios.cjs:3085:11)',
          'IncomingMessage.emit (node:events:531:35)',
          'endReadableNT (node:internal/streams/readable:1698:12)',
          'process.processTicksAndRejections (node:internal/process/task_queues:90:21)',
          'async PricingClient.quote (/app/dist/clients/pricing.js:57:22)',
        ],
        'node:AxiosError:pricing-upstream',
      ),
  },
  {
    key: 'node:Error:db-connect',
    build: (rng, decorate) =>
      nodeError(
        'Error',
        decorate(`connect ECONNREFUSED 10.0.${rng.int(0, 9)}.${rng.int(2, 250)}:5432`),
        ['TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)'],
        'node:Error:db-connect',
      ),
  },
  {
    key: 'node:NotFoundError:cart',
    build: (rng, decorate) =>
      nodeError(
        'NotFoundError',
        decorate(`Cart ${rng.uuid()} not found for user ${rng.int(1000, 99999)}`),
        [
          'CartService.load (/app/dist/services/cart.js:88:13)',
          'async CartController.checkout (/app/dist/controllers/cart.js:31:18)',
          'async /app/node_modules/express-async-handler/index.js:3:10',
        ],
        'node:NotFoundError:cart',
      ),
  },
];
