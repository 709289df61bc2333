import { parseDeepLink } from './deep-link';
import { fromReplayUrl, parseTokenOrId } from './from-parts';
import { MAX_INPUT_LENGTH } from './limits';
import { parseReplayUrl } from './replay-url';
import { hints, refuse } from './parse-result';
import type { ParseOptions, ParseResult } from './types';

/** `[openReplaySessionToken=…]`, `openReplaySessionToken=…`, `openReplaySession.id=…` (tag names as logged, any case). */
const TAG = /^(\[?)(openReplaySessionToken|openReplaySession\.id)=(.*?)(\]?)$/is;

/**
 * Whatever the user pasted: a token, a decimal session ID, a replay URL, a log tag or an orcw://
 * link, with surrounding whitespace. Anything else is refused with the reason.
 */
export function parseSessionReference(input: string, options: ParseOptions = {}): ParseResult {
  const now = options.now ?? Date.now();
  if (typeof input !== 'string') return refuse('reference is not text', hints.any);
  if (input.length > MAX_INPUT_LENGTH) return refuse(`input is longer than ${MAX_INPUT_LENGTH} characters`, hints.any);
  const text = input.trim();
  if (text === '') return refuse('nothing to parse: the input is empty', hints.any);

  const tag = TAG.exec(text);
  if (tag) {
    const [, open = '', name = '', value = '', close = ''] = tag;
    if (open !== '' && close === '' && value.includes(']')) {
      return refuse('found text after the tag: paste only the tag or the token itself', hints.any);
    }
    if (open.length !== close.length) return refuse('tag has an unmatched bracket', hints.any);
    if (name.toLowerCase() === 'openreplaysession.id') {
      if (!/^[0-9]+$/.test(value)) return refuse('session ID must be digits only', hints.sessionId);
      return parseTokenOrId(value, now, 'session-id');
    }
    if (!value.includes('.')) return refuse(`token has 1 part, expected 3 or 4`, hints.token);
    return parseTokenOrId(value, now, 'token');
  }
  if (/^orcw:/i.test(text)) return parseDeepLink(text, { now });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    const url = parseReplayUrl(text, now);
    return url.ok ? { ok: true, value: fromReplayUrl(url.value, 'replay-url') } : url;
  }
  if (/openReplaySession/i.test(text)) {
    return refuse('found more than a tag: paste only the token, or the [openReplaySessionToken=…] tag alone', hints.any);
  }
  if (text.includes('/')) {
    return refuse('replay URL must start with https:// or http://', hints.replayUrl);
  }
  return parseTokenOrId(text, now);
}
