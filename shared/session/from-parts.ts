import { DEFAULT_SESSION_DURATION_MS } from './limits';
import type { ParsedReplayUrl } from './replay-url';
import { accept, hints, refuse, type Parsed } from './parse-result';
import { parseSessionId } from './session-id';
import { parseToken } from './token';
import type { ReferenceKind, SessionReference } from './types';

/** A bare token or decimal ID (also the part of a deep link or a tag after `=`); kind defaults to what it is. */
export function parseTokenOrId(text: string, now: number, kind?: ReferenceKind): Parsed<SessionReference> {
  if (text.includes('.')) {
    const token = parseToken(text, now);
    if (!token.ok) return token;
    const { delay, ...rest } = token.value;
    const ref: SessionReference = { kind: kind ?? 'token', ...rest, end: rest.expiresAt };
    if (delay !== undefined) ref.delay = delay;
    return accept(ref);
  }
  if (/^[0-9]*$/.test(text)) {
    const id = parseSessionId(text, now);
    if (!id.ok) return id;
    return accept({ kind: kind ?? 'session-id', ...id.value, end: id.value.start + DEFAULT_SESSION_DURATION_MS });
  }
  return refuse('session ID must be digits only', `${hints.sessionId} A token has 3 or 4 parts separated by dots.`);
}

export function fromReplayUrl(parsed: ParsedReplayUrl, kind: ReferenceKind): SessionReference {
  return { kind, ...parsed, end: parsed.start + DEFAULT_SESSION_DURATION_MS };
}
