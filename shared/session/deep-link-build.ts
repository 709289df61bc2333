import { AppError } from '../errors';
import { buildReplayUrl } from './replay-url';
import { checkQueryIds } from './safe-input';
import type { SessionReference } from './types';

function checkTime(name: string, value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value))
    throw new AppError('INVALID_INPUT', `${name} is not whole epoch milliseconds`, 'Pass times as epoch ms.');
  return String(value);
}

/**
 * "Copy deep link": the token when known (it carries the expiry, so the window stays exact), else
 * the ID, plus whatever overrides the reference holds. parseDeepLink reads it back to the same fields.
 */
export function buildDeepLink(ref: SessionReference): string {
  const { sessionId, token } = checkQueryIds(ref);
  const params: [string, string | undefined][] = [
    ['from', checkTime('from', ref.from)],
    ['to', checkTime('to', ref.to)],
    ['connection', ref.connection],
    // Without jumpto: the link carries it separately so it reads back as ms since start.
    ['replay', ref.replayUrl === undefined ? undefined : buildReplayUrl({ sessionId, replayUrl: ref.replayUrl })],
    ['jumpto', ref.jumpToMs === undefined ? undefined : String(Math.max(0, Math.round(ref.jumpToMs)))],
  ];
  const query = params
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  return `orcw://session/${token ?? sessionId}${query === '' ? '' : `?${query}`}`;
}
