import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { EventFilter } from '../../../shared/domain/session-view';
import { binIndex, binSpan } from '../../../shared/domain/timeline';
import { CONTAINS_FUNCTION } from './search';
import { isAscii, likePattern } from './word-index';

/** SQL function: the timeline bin of an offset, by the one binning rule (shared/domain/timeline.ts). */
export const BIN_FUNCTION = 'orcw_bin';

export function registerViewFunctions(db: DatabaseSync): void {
  db.function(BIN_FUNCTION, { deterministic: true }, (offset, from, to, count) =>
    binIndex(Number(offset), { fromMs: Number(from), toMs: Number(to) }, Number(count)),
  );
}

export interface FilterSql {
  /** `JOIN sources s` when a filter reads the event's source. */
  join: string;
  /** Conditions after `WHERE e.run_id = ?`, each starting with ` AND`. */
  where: string;
  params: SQLInputValue[];
}

const placeholders = (n: number) => Array(n).fill('?').join(', ');

/**
 * The event list's filters as SQL over `events e` of one run: the level, log group, connection,
 * fingerprint, a case-insensitive text that may be in the message or the stream name, and a
 * timeline bin. No SQL ever comes from the renderer: values are bound, the shape is fixed here.
 */
export function filterSql(filter: EventFilter, sessionStart: number, options: { bin: boolean } = { bin: true }): FilterSql {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  let join = false;
  if (filter.levels.length > 0) {
    where.push(`e.level IN (${placeholders(filter.levels.length)})`);
    params.push(...filter.levels);
  }
  if (filter.logGroups.length > 0) {
    join = true;
    where.push(`s.log_group IN (${placeholders(filter.logGroups.length)})`);
    params.push(...filter.logGroups);
  }
  if (filter.connections.length > 0) {
    join = true;
    where.push(`s.connection IN (${placeholders(filter.connections.length)})`);
    params.push(...filter.connections);
  }
  if (filter.fingerprint !== undefined) {
    where.push('e.fingerprint = ?');
    params.push(filter.fingerprint);
  }
  const needle = filter.text.trim();
  if (needle !== '') {
    join = true;
    // LIKE folds ASCII letters only; other text is compared by a function that folds as JavaScript does.
    if (isAscii(needle)) {
      where.push("(e.message LIKE ? ESCAPE '\\' OR s.log_stream LIKE ? ESCAPE '\\')");
      params.push(likePattern(needle), likePattern(needle));
    } else {
      where.push(`(${CONTAINS_FUNCTION}(e.message, ?) OR ${CONTAINS_FUNCTION}(s.log_stream, ?))`);
      params.push(needle, needle);
    }
  }
  if (options.bin && filter.bin) {
    const { domain, count, index } = filter.bin;
    const span = binSpan(domain, count, index);
    // A time range the index can use first (a millisecond of slack for rounding), then the exact rule.
    const from = index === 0 ? Number.MIN_SAFE_INTEGER : sessionStart + span.fromMs - 1;
    const to = index === count - 1 ? Number.MAX_SAFE_INTEGER : sessionStart + span.toMs + 1;
    where.push(`e.ts BETWEEN ? AND ? AND ${BIN_FUNCTION}(e.offset_ms, ?, ?, ?) = ?`);
    params.push(from, to, domain.fromMs, domain.toMs, count, index);
  }
  return { join: join ? ' JOIN sources s ON s.id = e.source_id' : '', where: where.map((clause) => ` AND ${clause}`).join(''), params };
}
