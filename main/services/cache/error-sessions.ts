import type { DatabaseSync } from 'node:sqlite';
import type { ErrorOccurrence, RelatedErrors } from '../../../shared/domain/error-sessions';

/**
 * The last segment of a dotted or namespaced exception type, in SQL: `ClientError` for
 * `botocore.exceptions.ClientError`, `PathError` for `*fs.PathError`, `Error` for `std::io::Error`.
 * rtrim() strips every trailing character that occurs in the type once its separators are removed,
 * i.e. everything after the last separator. Only built-in deterministic functions, so the
 * expression can be indexed (schema.ts) and any SQLite can still read the file.
 */
// Migration 6 (schema.ts) indexes exactly this text: changing it needs a new migration that rebuilds the index.
export const SHORT_TYPE_SQL = `substr(type, length(rtrim(type, replace(replace(replace(replace(type, '.', ''), ':', ''), '/', ''), '\\', ''))) + 1)`;

/** The same rule in JS, for what a person types: `exceptions.ClientError` → `ClientError`. */
export function shortType(type: string): string {
  return type.split(/[.:/\\]/).at(-1) ?? type;
}

const FINGERPRINT = /^[0-9a-f]{6,32}$/i;

interface OccurrenceRow {
  fingerprint: string;
  session_id: string;
  title: string;
  type: string;
  count: number;
  first_seen: number;
  start: number;
  imported_at: number | null;
}

function toOccurrence(row: OccurrenceRow): ErrorOccurrence {
  return {
    sessionId: row.session_id,
    start: row.start,
    imported: row.imported_at !== null,
    fingerprint: row.fingerprint,
    title: row.title,
    type: row.type,
    count: row.count,
    firstSeen: row.first_seen,
  };
}

// Only each session's current run counts: older runs of a session are not what it shows. The
// indexes end in first_seen, so "most recent first, at most N" walks one index range backwards.
const OCCURRENCES = `SELECT g.fingerprint, r.session_id, g.title, g.type, g.count, g.first_seen,
  json_extract(r.session_json, '$.start') AS start, r.imported_at
  FROM error_groups g JOIN runs r ON r.id = g.run_id`;

/**
 * For each fingerprint of a session, the other cached sessions whose shown run has the same
 * error: how many, and the `limit` most recent. Index error_groups_fingerprint drives both.
 */
export function relatedErrors(db: DatabaseSync, sessionId: string, fingerprints: readonly string[], limit: number): RelatedErrors[] {
  const wanted = [...new Set(fingerprints)];
  if (wanted.length === 0) return [];
  const counts = db
    .prepare(
      `SELECT g.fingerprint, count(*) AS total FROM error_groups g JOIN runs r ON r.id = g.run_id
    WHERE g.fingerprint IN (SELECT value FROM json_each(?)) AND r.current = 1 AND r.session_id <> ? GROUP BY g.fingerprint`,
    )
    .all(JSON.stringify(wanted), sessionId) as unknown as { fingerprint: string; total: number }[];
  const recent = db.prepare(`${OCCURRENCES} WHERE g.fingerprint = ? AND r.current = 1 AND r.session_id <> ?
    ORDER BY g.first_seen DESC, g.run_id DESC LIMIT ?`);
  return counts.map(({ fingerprint, total }) => ({
    fingerprint,
    sessionCount: total,
    sessions: (recent.all(fingerprint, sessionId, limit) as unknown as OccurrenceRow[]).map(toOccurrence),
  }));
}

/**
 * Cached sessions with an error matching what a person typed: a fingerprint (or its first
 * characters), a full exception type (`botocore.exceptions.ClientError`) or its last segment
 * (`ClientError`), ignoring case. Most recent occurrence first. Each form has its own index.
 */
export function sessionsWithError(db: DatabaseSync, text: string, limit: number): ErrorOccurrence[] {
  const wanted = text.trim();
  if (wanted === '') return [];
  // One query per form (an OR across two indexes would scan the table), merged here.
  const forms: { where: string; params: string[] }[] = [];
  if (FINGERPRINT.test(wanted)) {
    const prefix = wanted.toLowerCase();
    forms.push({ where: 'g.fingerprint >= ? AND g.fingerprint < ?', params: [prefix, `${prefix}\u{10FFFF}`] });
  }
  forms.push(
    shortType(wanted) === wanted
      ? { where: `${SHORT_TYPE_SQL} = ? COLLATE NOCASE`, params: [wanted] }
      : { where: 'g.type = ? COLLATE NOCASE', params: [wanted] },
  );
  const seen = new Set<string>();
  const rows: OccurrenceRow[] = [];
  for (const form of forms) {
    const found = db
      .prepare(`${OCCURRENCES} WHERE ${form.where} AND r.current = 1 ORDER BY g.first_seen DESC, g.run_id DESC LIMIT ?`)
      .all(...form.params, limit) as unknown as OccurrenceRow[];
    for (const row of found) {
      const key = `${row.session_id} ${row.fingerprint}`;
      if (!seen.has(key)) rows.push(row);
      seen.add(key);
    }
  }
  return rows
    .sort((a, b) => b.first_seen - a.first_seen || a.session_id.localeCompare(b.session_id))
    .slice(0, limit)
    .map(toOccurrence);
}
