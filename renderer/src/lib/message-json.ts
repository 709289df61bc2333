import type { LogEvent } from '../../../shared/domain/correlation';
import { parseJsonObject } from '../../../shared/format/json-object';

/** The message's JSON object (record or envelope) where main found one, parsed only when needed. */
export function messageJson(event: Pick<LogEvent, 'message' | 'jsonAt'>): Record<string, unknown> | undefined {
  return event.jsonAt === undefined ? undefined : parseJsonObject(event.message.slice(event.jsonAt));
}
