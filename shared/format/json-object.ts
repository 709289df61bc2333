/** A JSON object, parsed. */
export type JsonObject = Record<string, unknown>;

/** The text as a JSON object, or undefined (arrays, scalars and broken JSON stay plain text). */
export function parseJsonObject(text: string): JsonObject | undefined {
  if (text.charCodeAt(0) !== 0x7b /* { */) return undefined;
  const end = text.trimEnd();
  if (!end.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(end);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
  } catch {
    return undefined;
  }
}
