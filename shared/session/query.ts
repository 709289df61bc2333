import { encodeBase36 } from './base-n';
import { checkQueryIds, checkSessionIdText } from './safe-input';
import type { SessionReference } from './types';

/** Logs Insights returns at most this many rows per query; a full page means "maybe more". */
export const MAX_QUERY_RESULTS = 10_000;

const TOKEN_TAG = 'openReplaySessionToken';
/** JSON field form, any spacing around the colon: "openReplaySessionToken" : "<token>". */
const JSON_TAG = `"${TOKEN_TAG}"\\s*:\\s*"`;

/** Every token of a session starts with this, so token-tagged lines are found from the ID alone. */
export function tokenPrefixForSessionId(sessionId: string): string {
  return `${encodeBase36(BigInt(checkSessionIdText(sessionId)))}.`;
}

/** Validated tokens hold only `.` of these; escaping all keeps the function honest on its own. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}/]/g, '\\$&');
}

/**
 * One Logs Insights query matching every tag convention of DESIGN.md. The session ID is matched
 * with a digit boundary written as `([^0-9]|$)` because Insights regexes are RE2 (no lookaround).
 * Throws AppError on anything but a strictly valid ID and token: the text it builds is code.
 */
export function buildSessionQuery(ref: SessionReference): string {
  // The token is validated (it must belong to this session) but the query matches every token of
  // the session by its ID prefix: a reloaded page can be issued a new token for the same session
  // (new expiry), and its lines belong to the session too. The prefix is anchored by `=` or `"`
  // before it and `.` after it, so it never matches another session's token.
  const { sessionId } = checkQueryIds(ref);
  const prefix = tokenPrefixForSessionId(sessionId);
  const conditions = [
    `@message like "${TOKEN_TAG}=${prefix}"`,
    `@message like /${JSON_TAG}${escapeRegex(prefix)}/`,
    `@message like /openReplaySession\\.id=${sessionId}([^0-9]|$)/`,
  ];
  return [
    'fields @timestamp, @message, @logStream, @log',
    `| filter ${conditions.join(' or ')}`,
    '| sort @timestamp asc',
    `| limit ${MAX_QUERY_RESULTS}`,
  ].join('\n');
}
