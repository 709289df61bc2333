import { AppError } from '../errors';
import { normaliseJumpTo } from './jump-to';
import { MAX_URL_LENGTH } from './limits';
import { accept, hints, refuse, type Parsed } from './parse-result';
import { parseSessionId } from './session-id';

export interface ParsedReplayUrl {
  sessionId: string;
  start: number;
  /** Origin + path up to the session ID; the query (jumpto and the rest) is dropped. */
  replayUrl: string;
  projectId: string;
  jumpToMs?: number;
}

const PROJECT_ID = /^[0-9A-Za-z_-]{1,64}$/;
const SHAPE_ERROR = 'not an OpenReplay replay URL: expected /<projectId>/session/<sessionId>';

/** Parses with the platform URL parser after ruling out what it would silently "repair". */
function parseHttpUrl(text: string, what: string, hint: string): Parsed<URL> {
  if (text.length > MAX_URL_LENGTH) return refuse(`${what} is longer than ${MAX_URL_LENGTH} characters`, hint);
  // WHATWG parsing drops tabs/newlines and turns `\` into `/`: refuse instead of guessing.
  if (!/^[\x21-\x7e]+$/.test(text) || text.includes('\\')) {
    return refuse(`${what} contains spaces, backslashes or non-ASCII characters`, hint);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`${what} is not a valid URL`, hint);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse(`${what} must start with https:// or http://`, hint);
  if (url.username !== '' || url.password !== '') return refuse(`${what} must not contain a user name or password`, hint);
  if (url.hostname === '') return refuse(`${what} has no host`, hint);
  return accept(url);
}

/**
 * Cloud (`app.openreplay.com`) and self-hosted replay pages. A self-hosted install may sit under a
 * sub-path, so only the last three path segments must be `<projectId>/session/<sessionId>`.
 */
export function parseReplayUrl(text: string, now: number): Parsed<ParsedReplayUrl> {
  const parsed = parseHttpUrl(text, 'replay URL', hints.replayUrl);
  if (!parsed.ok) return parsed;
  const url = parsed.value;
  const segments = url.pathname.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  if (segments.length < 3 || segments.includes('')) return refuse(SHAPE_ERROR, hints.replayUrl);
  const [projectId = '', marker, idText = ''] = segments.slice(-3);
  if (marker !== 'session') return refuse(SHAPE_ERROR, hints.replayUrl);
  if (!PROJECT_ID.test(projectId)) return refuse('replay URL project ID must be letters, digits, - or _', hints.replayUrl);
  const id = parseSessionId(idText, now);
  if (!id.ok) return refuse(`replay URL: ${id.error.message}`, hints.replayUrl);

  const value: ParsedReplayUrl = {
    sessionId: id.value.sessionId,
    start: id.value.start,
    projectId,
    replayUrl: `${url.origin}/${[...segments.slice(0, -1), id.value.sessionId].join('/')}`,
  };
  const jumps = url.searchParams.getAll('jumpto');
  if (jumps.length > 1) return refuse('replay URL has more than one jumpto', hints.replayUrl);
  if (jumps[0] !== undefined) {
    const jump = normaliseJumpTo(jumps[0], id.value.start, hints.replayUrl);
    if (!jump.ok) return jump;
    value.jumpToMs = jump.value;
  }
  return accept(value);
}

function invalid(message: string): AppError {
  return new AppError('INVALID_INPUT', message, 'Check the OpenReplay settings of the connection (base URL and project ID).');
}

function withJump(base: string, jumpToMs: number | undefined): string {
  if (jumpToMs === undefined) return base;
  if (!Number.isFinite(jumpToMs)) throw invalid('jumpto is not a finite number');
  const url = new URL(base);
  url.searchParams.set('jumpto', String(Math.max(0, Math.round(jumpToMs))));
  return url.toString();
}

/**
 * The replay page of a session, optionally at a moment (ms since start): from the reference's own
 * replay URL first, else from a connection's OpenReplay settings; undefined when neither is known.
 */
export function buildReplayUrl(
  ref: { sessionId: string; replayUrl?: string; jumpToMs?: number },
  openReplay?: { baseUrl: string; projectId: string },
  jumpToMs?: number,
): string | undefined {
  const sessionId = ref.sessionId;
  if (typeof sessionId !== 'string' || !/^[0-9]{1,20}$/.test(sessionId)) throw invalid('session ID must be digits only');
  const jump = jumpToMs ?? ref.jumpToMs;
  const own = ref.replayUrl;
  if (own !== undefined) {
    const parsed = parseHttpUrl(own, 'replay URL', hints.replayUrl);
    if (!parsed.ok) throw invalid(parsed.error.message);
    if (!parsed.value.pathname.replace(/\/+$/, '').endsWith(`/session/${sessionId}`)) {
      throw invalid('replay URL is for another session');
    }
    return withJump(parsed.value.toString(), jump);
  }
  if (openReplay === undefined) return undefined;
  const { baseUrl, projectId } = openReplay;
  if (typeof projectId !== 'string' || !PROJECT_ID.test(projectId)) throw invalid('OpenReplay project ID must be letters, digits, - or _');
  const base = parseHttpUrl(String(baseUrl), 'OpenReplay base URL', hints.replayUrl);
  if (!base.ok) throw invalid(base.error.message);
  const path = base.value.pathname.replace(/\/+$/, '');
  return withJump(`${base.value.origin}${path}/${projectId}/session/${sessionId}`, jump);
}
