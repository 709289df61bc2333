import type { SessionReference } from '../../../shared/session/reference';
import { formatTimestamp, type TimeZoneChoice } from '../../../shared/time/format-time';
import { formatOffset } from './format';

const KIND: Record<SessionReference['kind'], string> = {
  token: 'Token',
  'session-id': 'Session ID',
  'replay-url': 'Replay URL',
  'deep-link': 'orcw:// link',
};

/** One line confirming what the input was understood as, shown while typing. */
export function describeReference(ref: SessionReference, zone: TimeZoneChoice): string {
  const parts = [
    `${KIND[ref.kind]}${ref.tokenFormat ? ` (${ref.tokenFormat}-part)` : ''}`,
    `session ${ref.sessionId}`,
    `started ≈ ${formatTimestamp(ref.start, zone)}`,
  ];
  if (ref.token && ref.kind !== 'token') parts.push('with token');
  if (ref.jumpToMs !== undefined) parts.push(`at ${formatOffset(ref.jumpToMs)}`);
  if (ref.connection) parts.push(`connection ${ref.connection}`);
  return parts.join(' · ');
}
