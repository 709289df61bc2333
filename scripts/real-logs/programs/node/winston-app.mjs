/** winston (npm) with format.errors({ stack: true }) and JSON: `stack` at the top level, the token under its own key. */
import winston from 'winston';
import { requests, call } from './corpus-truth.mjs';
import * as shop from './shop.mjs';

const logger = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
  transports: [new winston.transports.Console({ stderrLevels: ['error'] })],
});

for (const request of requests()) {
  const meta = request.style === 'token-key' ? { sessionToken: request.token } : { openReplaySessionToken: request.token };
  call('info');
  logger.info('search request', meta);
  if (request.scenario === 'ok') continue;
  try {
    shop.run(request.scenario);
  } catch (error) {
    call('error', { error });
    logger.error(error, meta);
  }
}
