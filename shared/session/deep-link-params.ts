import { MAX_CONNECTION_LENGTH } from './limits';
import { accept, hints, refuse, type Parsed } from './parse-result';

/**
 * Query string of an orcw:// link. Strict on purpose (links come from other apps and web pages):
 * no duplicates, no unknown names, percent-decoding only (`+` stays `+`, for ISO zone offsets).
 */
export function parseLinkParams(query: string, allowed: readonly string[]): Parsed<Map<string, string>> {
  const params = new Map<string, string>();
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    if (!allowed.includes(name)) {
      const shown = /^[A-Za-z0-9_-]{1,40}$/.test(name) ? ` "${name}"` : '';
      return refuse(`unsupported orcw:// link parameter${shown}; allowed: ${allowed.join(', ')}`, hints.deepLink);
    }
    if (eq === -1) return refuse(`orcw:// link parameter "${name}" has no value`, hints.deepLink);
    if (params.has(name)) return refuse(`orcw:// link has "${name}" more than once`, hints.deepLink);
    let value: string;
    try {
      value = decodeURIComponent(piece.slice(eq + 1));
    } catch {
      return refuse(`orcw:// link parameter "${name}" is not valid percent-encoding`, hints.deepLink);
    }
    params.set(name, value);
  }
  return accept(params);
}

/** Only used to pick a connection by id or name, never put into a query; still bounded and printable. */
export function parseConnectionParam(raw: string): Parsed<string> {
  const value = raw.trim();
  if (value.length === 0 || value.length > MAX_CONNECTION_LENGTH) {
    return refuse(`connection must be 1–${MAX_CONNECTION_LENGTH} characters`, hints.deepLink);
  }
  if (hasControlCharacter(value)) return refuse('connection contains control characters', hints.deepLink);
  return accept(value);
}

/** C0/C1 controls and the line/paragraph separators: by code, so no control characters sit in a regex. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}
