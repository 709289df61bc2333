/**
 * The regex clauses of the session query, in RE2 (Logs Insights' dialect: no lookaround, so
 * boundaries are written as character classes). Each takes only validated text: a session ID
 * (canonical digits), its base36 token prefix and field names of `ID_FIELD_NAME_SHAPE`.
 *
 * How real services write a tag decides the separators: `name=id` (logfmt, slog text,
 * structlog), `name: id` (headers, YAML-ish text, Node's util.inspect), `"name": "id"` or a bare
 * number (JSON loggers), `\"name\":\"id\"` (a JSON line inside a shipper's JSON envelope, possibly
 * escaped twice), `'name': 'id'` (Python reprs), `"name"=>"id"` (Ruby hashes).
 */

/** Between a name and its value: quotes, backslashes and spaces around one `:`, `=` or `=>`. */
const SEPARATOR = `[\\\\"'\\s]*[:=]>?[\\\\"'\\s]*`;
/** After the ID: anything but a digit, so a longer number that starts with the ID never matches. */
const ID_END = '([^0-9]|$)';
/**
 * OpenReplay's names for the session ID, any case, with or without `.`, `_` or `-` between the
 * words: `openReplaySession.id`, `openReplaySessionId`, `openreplay-session-id`,
 * `X-OpenReplay-Session-Id`, `OPENREPLAY_SESSION_ID`.
 */
const OPENREPLAY_SESSION = 'open[._-]?replay[._-]?session';

/** Validated text holds only `.` and `-` of these; escaping all keeps each function honest alone. */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}/]/g, '\\$&');
}

/**
 * Every token of the session, under any name or none (a logged `X-OpenReplay-SessionToken`
 * header, `sessionToken="…"`, an escaped JSON field): tokens start with `base36(id) + "."`. The
 * character before must not continue a token (`[0-9A-Za-z.-]`), so the prefix cannot match inside
 * another session's token; the `.` after keeps a longer base36 ID out.
 */
export function tokenClause(tokenPrefix: string): string {
  return `/(^|[^0-9A-Za-z.-])${escapeRegex(tokenPrefix)}/`;
}

/** The ID after an OpenReplay name: `openReplaySession.id=<id>`, `"openreplay-session-id": <id>`. */
export function openReplayIdClause(sessionId: string): string {
  return `/(?i)${OPENREPLAY_SESSION}[._-]?id${SEPARATOR}${sessionId}${ID_END}/`;
}

/**
 * The ID in a nested object: `"openReplaySession": {"id": "<id>"}` (JSON, escaped or not),
 * `{'openReplaySession': {'id': <id>}}`, `openReplaySession: { id: '<id>' }` (util.inspect),
 * `OpenReplaySession:{ID:<id>}` (Go %+v). Other keys may come first inside the braces, but not a
 * nested object (so the `id` is this object's own), and `id` must start a key (`userId` is not it).
 */
export function nestedIdClause(sessionId: string): string {
  return `/(?i)${OPENREPLAY_SESSION}${SEPARATOR}\\{([^{}]*[^0-9A-Za-z_{}])?id${SEPARATOR}${sessionId}${ID_END}/`;
}

/**
 * The ID under a connection's own field names (`sessionId`, `or_session`), any case. The name must
 * start a key (not be the tail of `userSessionId`): a non-word character or the line start before it.
 */
export function extraFieldsClause(sessionId: string, fieldNames: readonly string[]): string {
  const names = fieldNames.map(escapeRegex).join('|');
  return `/(?i)(^|[^0-9A-Za-z_])(${names})${SEPARATOR}${sessionId}${ID_END}/`;
}
