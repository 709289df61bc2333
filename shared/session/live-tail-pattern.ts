import { checkQueryIds } from './safe-input';
import { tokenPrefixForSessionId } from './query';
import type { SessionReference } from './types';

/** StartLiveTail's `logEventFilterPattern` (FilterPattern in the service model) is at most this long. */
export const MAX_FILTER_PATTERN_LENGTH = 1024;

/**
 * The Live Tail filter pattern of a session, from its validated ID alone: a `%regex%` matching a
 * line that holds the session's token prefix (`base36(id) + "."`) or its decimal ID anywhere.
 *
 * It is wider than the Insights query on purpose. The filter-pattern regex dialect cannot express
 * the query's clauses: it has no `( )` (so no `(^|[^…])` boundary groups), no `(?i)` for the
 * OpenReplay names in any case, and its character set has no quotes, spaces or `'` (the name/value
 * separators), and a pattern may hold two regexes at most. So every clause is reduced to the one
 * literal it cannot match without — the token prefix or the ID digits — joined by `|` (supported),
 * and the client checks each received event with `sessionLineMatcher`, the query's own clauses, so
 * no line of another session is shown or saved. Only letters, digits, `\` and `.`, `|` appear.
 */
export function buildLiveTailPattern(ref: SessionReference): string {
  const { sessionId } = checkQueryIds(ref);
  const prefix = tokenPrefixForSessionId(sessionId).slice(0, -1);
  const pattern = `%${prefix}\\.|${sessionId}%`;
  if (pattern.length > MAX_FILTER_PATTERN_LENGTH) throw new Error('live tail pattern over 1,024 characters');
  return pattern;
}
