import type { LogEvent } from '../../../shared/domain/correlation';

/** Everything known of where an event came from, for a tooltip: connection, group, stream, then main's fields. */
export function sourceTitle(event: Pick<LogEvent, 'connection' | 'logGroup' | 'logStream' | 'fields'>): string {
  const fields = event.fields ? Object.entries(event.fields).map(([name, value]) => `${name}=${value}`) : [];
  return [event.connection, event.logGroup, event.logStream, ...fields].join(' · ');
}
