import type { DatabaseSync } from 'node:sqlite';
import { BLOCK_EVENTS } from './schema';
import { addWords, blockText } from './word-index';

interface PendingRun {
  id: number;
  first_event: number;
  last_event: number;
  indexed_to: number | null;
}

/**
 * The full-text rowid of the block starting at event `first`: negative, so that newest-first is
 * ascending rowid order, the direction FTS5 iterates cheaply (schema migration 4).
 */
export const blockRowid = (first: number): number => -first;

/** Current runs whose events are not all in the full-text index yet, newest first. */
export const PENDING_RUNS = `SELECT id, first_event, last_event, indexed_to FROM runs
  WHERE current = 1 AND first_event IS NOT NULL AND (indexed_to IS NULL OR indexed_to < last_event)`;

/** Events of current runs still waiting for the full-text index. */
export function pendingEvents(db: DatabaseSync): number {
  const row = db
    .prepare(`SELECT coalesce(sum(last_event - coalesce(indexed_to, first_event - 1)), 0) AS n FROM (${PENDING_RUNS})`)
    .get() as { n: number };
  return row.n;
}

/**
 * Indexes up to `maxBlocks` blocks of the newest pending run; call inside a transaction (the
 * blocks and the run's new `indexed_to` commit together). Returns the number of blocks written.
 */
export function indexStep(db: DatabaseSync, maxBlocks: number): number {
  const run = db.prepare(`${PENDING_RUNS} ORDER BY id DESC LIMIT 1`).get() as PendingRun | undefined;
  if (!run || maxBlocks < 1) return 0;
  // Runs start on a block boundary and indexed_to always ends a block, so lo starts one.
  const lo = run.indexed_to === null ? run.first_event : run.indexed_to + 1;
  const hi = Math.min(run.last_event, lo + maxBlocks * BLOCK_EVENTS - 1);
  const rows = db.prepare('SELECT id, message, fields FROM events WHERE id BETWEEN ? AND ? ORDER BY id').all(lo, hi) as unknown as {
    id: number;
    message: string;
    fields: string | null;
  }[];
  const insert = db.prepare('INSERT INTO event_words (rowid, words) VALUES (?, ?)');
  let blocks = 0;
  let words = new Set<string>();
  rows.forEach((row, i) => {
    addWords(row.message, words);
    // Fields are searched too (`pod=api-7d9`): their names and values must be in the index.
    if (row.fields !== null) addWords(row.fields, words);
    const next = rows[i + 1];
    const block = row.id - (row.id % BLOCK_EVENTS);
    if (next === undefined || next.id - (next.id % BLOCK_EVENTS) !== block) {
      insert.run(blockRowid(block), blockText(words));
      words = new Set();
      blocks += 1;
    }
  });
  db.prepare('UPDATE runs SET indexed_to = ? WHERE id = ?').run(hi, run.id);
  return blocks;
}

/** Takes a run's blocks out of the index (it is no longer current, or is being deleted). */
export function unindexRun(db: DatabaseSync, run: { first_event: number | null; indexed_to: number | null }): void {
  if (run.first_event !== null && run.indexed_to !== null) {
    db.prepare('DELETE FROM event_words WHERE rowid BETWEEN ? AND ?').run(blockRowid(run.indexed_to), blockRowid(run.first_event));
  }
}
