/**
 * Search terms that name an event field: `pod=api-7d9`, `requestId=f986a3d4`. The fields are
 * the metadata main read from a line's envelope and record (stored as JSON on each event).
 */
const FIELD_TERM_RE = /^([A-Za-z][\w.-]{0,63})=(.+)$/;

export function fieldTerm(term: string): { name: string; value: string } | undefined {
  const m = FIELD_TERM_RE.exec(term);
  return m ? { name: m[1] as string, value: m[2] as string } : undefined;
}

/** Does the stored fields JSON hold `value` in field `name` (case-insensitive substring)? */
export function fieldHolds(fieldsJson: string, name: string, value: string): boolean {
  let fields: unknown;
  try {
    fields = JSON.parse(fieldsJson);
  } catch {
    return false;
  }
  const held = fields !== null && typeof fields === 'object' ? (fields as Record<string, unknown>)[name] : undefined;
  return typeof held === 'string' && held.toLowerCase().includes(value.toLowerCase());
}
