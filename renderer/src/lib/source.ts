import type { LogEvent } from '../../../shared/domain/correlation';
import { sourceField } from '../../../shared/domain/log-parts';

/** Everything known of where an event came from, for a tooltip: connection, group, stream, then main's fields. */
export function sourceTitle(event: Pick<LogEvent, 'connection' | 'logGroup' | 'logStream' | 'fields'>): string {
  const fields = event.fields ? Object.entries(event.fields).map(([name, value]) => `${name}=${value}`) : [];
  return [event.connection, event.logGroup, event.logStream, ...fields].join(' · ');
}

/**
 * The shortest useful name of where an event came from, for a narrow column: its pod, container,
 * task or host when the envelope named one, else the last part of its log group
 * (`/aws/lambda/checkout` → `checkout`).
 */
export function shortSource(event: Pick<LogEvent, 'logGroup' | 'fields'>): string {
  const field = sourceField(event.fields);
  if (field !== undefined) return field;
  const parts = event.logGroup.split('/').filter((part) => part !== '');
  return parts.at(-1) ?? event.logGroup;
}

/** The source column at full width: the log group, then the envelope's source when known. */
export function fullSource(event: Pick<LogEvent, 'logGroup' | 'fields'>): string {
  const field = sourceField(event.fields);
  return field === undefined ? event.logGroup : `${event.logGroup} · ${field}`;
}
