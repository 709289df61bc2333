import { sessionClauses, type SessionQueryOptions } from './query';
import type { SessionReference } from './types';

/** A clause as query-clauses.ts writes it: `/…/`, with a leading `(?i)` for any case. */
const CLAUSE = /^\/(\(\?i\))?(.*)\/$/s;

/**
 * Whether a line belongs to the session, by exactly the clauses the Insights query ORs
 * (`sessionClauses`): the same rules, not a second copy of them. The clauses use only what RE2
 * and JavaScript read alike (classes, `^`, `$`, `|`, groups, `?`, `*`); RE2's inline `(?i)` becomes
 * the `i` flag. One difference is accepted: JavaScript's `\s` also matches Unicode spaces (RE2's
 * only ASCII ones) inside a separator, so a line with a no-break space there counts here, not there.
 */
export function sessionLineMatcher(ref: SessionReference, options: SessionQueryOptions = {}): (message: string) => boolean {
  const regexes = sessionClauses(ref, options).map((clause) => {
    const m = CLAUSE.exec(clause);
    if (m === null) throw new Error(`not a regex clause: ${clause}`);
    return new RegExp(m[2]!, m[1] === undefined ? '' : 'i');
  });
  return (message) => regexes.some((re) => re.test(message));
}
