import { encodeBase36 } from './base-n';
import { checkIdFieldNames } from './id-field-names';
import { extraFieldsClause, nestedIdClause, openReplayIdClause, tokenClause } from './query-clauses';
import { checkQueryIds, checkSessionIdText } from './safe-input';
import type { SessionReference } from './types';

/**
 * Logs Insights returns at most this many rows per query (StartQuery's `limit` maximum in the
 * service model; read in pages of ≤ 10,000). The query's own `limit` command is set to it, so
 * StartQuery's `limit` is the one that decides.
 */
export const MAX_QUERY_RESULTS = 100_000;

/** Every token of a session starts with this, so token-tagged lines are found from the ID alone. */
export function tokenPrefixForSessionId(sessionId: string): string {
  return `${encodeBase36(BigInt(checkSessionIdText(sessionId)))}.`;
}

export interface SessionQueryOptions {
  /** A connection's own field names for the session ID (`sessionId`, `or_session`). */
  idFieldNames?: readonly string[];
}

/**
 * The RE2 regex literals (`/…/`, `(?i)` for any case) of which a session's line matches at least
 * one: the one statement of which lines belong to a session. The Insights query ORs them; Live
 * Tail's received events are checked against the same list (session-line-matcher.ts).
 */
export function sessionClauses(ref: SessionReference, options: SessionQueryOptions = {}): string[] {
  // The token is validated (it must belong to this session) but the clauses match every token of
  // the session by its ID prefix: a reloaded page can be issued a new token for the same session
  // (new expiry), and its lines belong to the session too.
  const { sessionId } = checkQueryIds(ref);
  const fieldNames = checkIdFieldNames(options.idFieldNames);
  const conditions = [tokenClause(tokenPrefixForSessionId(sessionId)), openReplayIdClause(sessionId), nestedIdClause(sessionId)];
  if (fieldNames.length > 0) conditions.push(extraFieldsClause(sessionId, fieldNames));
  return conditions;
}

/**
 * One Logs Insights query finding every line of the session, however it was tagged (see
 * query-clauses.ts). Throws AppError on anything but a strictly valid ID, token and field names:
 * the text it builds is code.
 */
export function buildSessionQuery(ref: SessionReference, options: SessionQueryOptions = {}): string {
  const conditions = sessionClauses(ref, options);
  return [
    'fields @timestamp, @message, @logStream, @log',
    `| filter ${conditions.map((regex) => `@message like ${regex}`).join(' or ')}`,
    '| sort @timestamp asc',
    `| limit ${MAX_QUERY_RESULTS}`,
  ].join('\n');
}
