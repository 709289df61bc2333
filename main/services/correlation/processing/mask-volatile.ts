import { removeSessionTags } from '../../../../shared/session/session-tags';

/** Longer messages are cut before masking: the start of a message is what identifies it. */
const MAX_MASKED_INPUT = 1_000;

// Order matters: a timestamp or UUID would otherwise be half-eaten by the number rule.
const RULES: [RegExp, string | ((match: string) => string)][] = [
  // Quoted values: `KeyError: 'user_42'`, `(reading 'id')`, `"…"`, `` `…` ``. A single quote only
  // opens after a non-word character, so English apostrophes (`can't`, `user's`) survive.
  [/(?<![\w'])'(?:[^'\\\n]|\\.){0,200}'(?![\w])|"(?:[^"\\\n]|\\.){0,200}"|`[^`\n]{0,200}`/g, '<str>'],
  [/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, '<ts>'],
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<uuid>'],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g, '<ip>'],
  [/\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b/g, (m) => (/[a-fA-F]/.test(m) || m.split(':').length > 4 ? '<ip>' : m)],
  // OpenReplay tokens (`jw4wdfpgqhoj.3az.lrraavgc.<sig>`) and other long random identifiers.
  [/\b[0-9a-z]+(?:\.-?[0-9a-z]+){1,2}\.[1-9A-HJ-NP-Za-km-z]{16,}\b/g, '<token>'],
  [/\b0x[0-9a-fA-F]+\b/g, '<hex>'],
  [/\b[0-9a-fA-F]{8,}\b/g, (m) => (/\d/.test(m) && /[a-fA-F]/.test(m) ? '<hex>' : m)],
  [/\b(?=[A-Za-z_-]*\d)(?=[\d_-]*[A-Za-z])[A-Za-z0-9_-]{16,}\b/g, '<id>'],
  [/\d+(?:\.\d+)?/g, '<n>'],
];

/**
 * A message with the parts that change from one occurrence of the same error to the next
 * replaced by placeholders, so the occurrences share a fingerprint: quoted values, timestamps,
 * UUIDs, e-mail and IP addresses, tokens, hex and long random ids, numbers. The session tags
 * (every form: they name the session, not the error) are removed, whitespace collapsed.
 */
export function maskVolatile(message: string): string {
  let text = removeSessionTags(message.length > MAX_MASKED_INPUT ? message.slice(0, MAX_MASKED_INPUT) : message);
  for (const [pattern, replacement] of RULES) {
    text = typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
  }
  return text.replace(/\s+/g, ' ').trim();
}
