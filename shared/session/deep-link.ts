import { parseConnectionParam, parseLinkParams } from './deep-link-params';
import { fromReplayUrl, parseTokenOrId } from './from-parts';
import { normaliseJumpTo } from './jump-to';
import { MAX_INPUT_LENGTH } from './limits';
import { parseReplayUrl } from './replay-url';
import { accept, hints, refuse, type Parsed } from './parse-result';
import { parseTimeParam } from './time-param';
import type { ParseOptions, ParseResult, SessionReference } from './types';
import { WINDOW_HINT, windowProblem } from './window-bound';

const SHAPE_ERROR = 'unsupported orcw:// link: expected orcw://session/<token-or-id> or orcw://open?url=<replay URL>';
const SESSION_PARAMS = ['from', 'to', 'connection', 'replay', 'jumpto'] as const;

function sessionLink(refText: string, query: string, now: number): Parsed<SessionReference> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(refText);
  } catch {
    return refuse('orcw:// link: the token or session ID is not valid percent-encoding', hints.deepLink);
  }
  if (decoded === '') return refuse('orcw://session/ link has no token or session ID', hints.deepLink);
  const parsed = parseTokenOrId(decoded, now, 'deep-link');
  if (!parsed.ok) return refuse(`orcw:// link: ${parsed.error.message}`, parsed.error.hint);
  const ref = parsed.value;
  const params = parseLinkParams(query, SESSION_PARAMS);
  if (!params.ok) return params;
  const get = (name: (typeof SESSION_PARAMS)[number]) => params.value.get(name);

  for (const name of ['from', 'to'] as const) {
    const raw = get(name);
    if (raw === undefined) continue;
    const time = parseTimeParam(name, raw, hints.deepLink);
    if (!time.ok) return time;
    ref[name] = time.value;
  }
  if (ref.from !== undefined && ref.to !== undefined && ref.from >= ref.to) {
    return refuse('orcw:// link: from must be before to', hints.deepLink);
  }
  // A link comes from any web page: its window must stay near the session it names.
  const outside = windowProblem(ref, ref);
  if (outside !== undefined) return refuse(`orcw:// link: ${outside}`, WINDOW_HINT);
  const connection = get('connection');
  if (connection !== undefined) {
    const checked = parseConnectionParam(connection);
    if (!checked.ok) return checked;
    ref.connection = checked.value;
  }
  const replay = get('replay');
  if (replay !== undefined) {
    const url = parseReplayUrl(replay, now);
    if (!url.ok) return url;
    if (url.value.sessionId !== ref.sessionId) {
      return refuse(`orcw:// link: replay URL is for session ${url.value.sessionId}, the link for ${ref.sessionId}`, hints.deepLink);
    }
    ref.replayUrl = url.value.replayUrl;
    ref.projectId = url.value.projectId;
    if (url.value.jumpToMs !== undefined) ref.jumpToMs = url.value.jumpToMs;
  }
  const jump = get('jumpto');
  if (jump !== undefined) {
    const relative = normaliseJumpTo(jump, ref.start, hints.deepLink);
    if (!relative.ok) return relative;
    ref.jumpToMs = relative.value;
  }
  return accept(ref);
}

function openLink(query: string, now: number): Parsed<SessionReference> {
  const params = parseLinkParams(query, ['url']);
  if (!params.ok) return params;
  const raw = params.value.get('url');
  if (raw === undefined) return refuse('orcw://open link has no url parameter', hints.deepLink);
  const url = parseReplayUrl(raw, now);
  if (!url.ok) return url;
  return accept(fromReplayUrl(url.value, 'deep-link'));
}

/**
 * `orcw://session/<token-or-id>[?from=&to=&connection=&replay=&jumpto=]` and
 * `orcw://open?url=<encoded replay URL>`. Links arrive from browsers and other apps, so anything
 * unexpected is refused with a reason rather than guessed at.
 */
export function parseDeepLink(url: string, options: ParseOptions = {}): ParseResult {
  const now = options.now ?? Date.now();
  if (typeof url !== 'string') return refuse('orcw:// link is not text', hints.deepLink);
  const text = url.trim();
  if (text.length > MAX_INPUT_LENGTH) return refuse(`orcw:// link is longer than ${MAX_INPUT_LENGTH} characters`, hints.deepLink);
  if (!/^orcw:\/\//i.test(text)) return refuse(`${SHAPE_ERROR} (it must start with orcw://)`, hints.deepLink);
  const rest = text.slice('orcw://'.length);
  if (rest.includes('#')) return refuse('unsupported orcw:// link: it has a #fragment', hints.deepLink);
  const q = rest.indexOf('?');
  // Windows hands protocol links over with a trailing slash added to the path.
  const path = (q === -1 ? rest : rest.slice(0, q)).replace(/\/$/, '');
  const query = q === -1 ? '' : rest.slice(q + 1);
  const segments = path.split('/');
  const route = segments[0]?.toLowerCase();
  if (route === 'session' && segments.length === 2) return sessionLink(segments[1] ?? '', query, now);
  if (route === 'open' && segments.length === 1) return openLink(query, now);
  return refuse(SHAPE_ERROR, hints.deepLink);
}
