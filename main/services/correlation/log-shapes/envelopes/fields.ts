import { MAX_FIELDS, type EventFields } from '../../../../../shared/domain/log-parts';

/** Longer values are cut: a field names where a line came from, it is not the line. */
const MAX_FIELD_VALUE = 200;

/** Adds one field (strings and numbers only), keeping the first value a name was given and at most MAX_FIELDS. */
export function addField(fields: EventFields, name: string, value: unknown): void {
  if (name in fields || Object.keys(fields).length >= MAX_FIELDS) return;
  if (typeof value === 'number' && Number.isFinite(value)) fields[name] = String(value);
  else if (typeof value === 'string' && value !== '')
    fields[name] = value.length > MAX_FIELD_VALUE ? `${value.slice(0, MAX_FIELD_VALUE - 1)}…` : value;
}

/** Adds the fields of `source` named in `names` (source key → field name). */
export function addFields(fields: EventFields, source: Record<string, unknown>, names: Record<string, string>): void {
  for (const [key, name] of Object.entries(names)) addField(fields, name, source[key]);
}
