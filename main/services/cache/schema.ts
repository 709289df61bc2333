import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../../shared/errors';
import { SHORT_TYPE_SQL } from './error-sessions';
import { inTransaction } from './transaction';

/** Written to the file header (`PRAGMA application_id`) so a foreign SQLite file is told apart from ours. */
export const APPLICATION_ID = 0x6f726377; // "orcw"

/**
 * Events are indexed for full-text search in blocks of this many consecutive rows (see word-index.ts).
 * Each run's first event ID is a multiple of it, so a block never spans two runs.
 */
export const BLOCK_EVENTS = 64;

type Migration = (db: DatabaseSync) => void;

/**
 * Forward-only migrations; the database's `user_version` is how many have run. Never edit a
 * released step — append a new one. Each runs in its own transaction with its version bump.
 */
const migrations: readonly Migration[] = [
  (db) => {
    db.exec(`
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        -- Not a declared foreign key: runs already reference sessions, and a cycle would make
        -- deleting a session order-dependent. Maintained by run-writer.ts.
        current_run_id INTEGER,
        last_viewed_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_viewed ON sessions(last_viewed_at);
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        ran_at INTEGER NOT NULL,
        saved_at INTEGER NOT NULL,
        window_from INTEGER NOT NULL,
        window_to INTEGER NOT NULL,
        complete INTEGER NOT NULL,
        session_json TEXT NOT NULL,
        stats_json TEXT NOT NULL,
        connections_json TEXT NOT NULL,
        failures_json TEXT NOT NULL,
        event_count INTEGER NOT NULL,
        group_count INTEGER NOT NULL,
        -- The run's events are exactly the rows first_event..last_event (one transaction, one writer).
        first_event INTEGER,
        last_event INTEGER,
        -- 1 when the run's events are in event_words: only each session's current run is searchable.
        indexed INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX runs_session ON runs(session_id);
      CREATE TABLE sources (
        id INTEGER PRIMARY KEY,
        connection_id TEXT NOT NULL,
        connection TEXT NOT NULL,
        log_group TEXT NOT NULL,
        log_stream TEXT NOT NULL,
        UNIQUE (connection_id, connection, log_group, log_stream)
      );
      -- run_id is deliberately not a declared foreign key: enforcing it needs an index on a
      -- million-row table on every insert; runs delete their events by ID range instead.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL,
        event_id TEXT NOT NULL,
        ts INTEGER NOT NULL,
        offset_ms INTEGER NOT NULL,
        source_id INTEGER NOT NULL REFERENCES sources(id),
        level TEXT NOT NULL,
        message TEXT NOT NULL,
        -- NULL: no parsed JSON; '=': JSON.parse(message); otherwise the JSON text itself.
        json TEXT,
        fingerprint TEXT
      );
      CREATE INDEX events_fingerprint ON events(fingerprint) WHERE fingerprint IS NOT NULL;
      CREATE TABLE error_groups (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        fingerprint TEXT NOT NULL,
        title TEXT NOT NULL,
        type TEXT NOT NULL,
        level TEXT NOT NULL,
        count INTEGER NOT NULL,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        first_offset_ms INTEGER NOT NULL,
        offsets_ms TEXT NOT NULL,
        sample_event_id TEXT NOT NULL,
        connection TEXT NOT NULL,
        log_group TEXT NOT NULL,
        log_stream TEXT NOT NULL,
        stack TEXT,
        frames TEXT NOT NULL,
        replay_url TEXT
      );
      CREATE INDEX error_groups_run ON error_groups(run_id, position);
      CREATE TABLE context_lines (
        group_id INTEGER NOT NULL REFERENCES error_groups(id) ON DELETE CASCADE,
        side INTEGER NOT NULL, -- 0 before the sample event, 1 after
        position INTEGER NOT NULL,
        ts INTEGER NOT NULL,
        log_stream TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (group_id, side, position)
      ) WITHOUT ROWID;
      -- Trigram index over the distinct words of each block of events (rowid: see migration 4). Contentless and detail=none keep it small and fast to write; search.ts verifies
      -- every candidate against events.message, so the index only has to never miss.
      CREATE VIRTUAL TABLE event_words USING fts5(
        words, content='', contentless_delete=1, detail=none, tokenize='trigram'
      );
    `);
    db.exec(`PRAGMA application_id = ${APPLICATION_ID}`);
  },
  (db) => {
    db.exec(`
      -- The time span of each run's events lets a search with a time range skip whole runs.
      ALTER TABLE runs ADD COLUMN min_ts INTEGER;
      ALTER TABLE runs ADD COLUMN max_ts INTEGER;
      UPDATE runs SET
        min_ts = (SELECT min(ts) FROM events WHERE id BETWEEN runs.first_event AND runs.last_event),
        max_ts = (SELECT max(ts) FROM events WHERE id BETWEEN runs.first_event AND runs.last_event)
      WHERE first_event IS NOT NULL;
      -- "Errors only" is the most used filter and errors are a small share of all lines: an index
      -- of just those rows answers it without walking every block. One per level, because SQLite
      -- uses a partial index only when the query repeats its WHERE term (search.ts inlines it).
      CREATE INDEX events_fatal ON events(level) WHERE level = 'fatal';
      CREATE INDEX events_error ON events(level) WHERE level = 'error';
    `);
  },
  (db) => {
    db.exec(`
      -- The full-text index is built after a run is committed, a few blocks per transaction
      -- (index-builder.ts), so saving stays fast and never blocks the app for long. 'current'
      -- marks each session's shown run (what search covers); 'indexed_to' is the last event ID
      -- whose block is in event_words (NULL: none yet); rows after it are searched row by row.
      ALTER TABLE runs ADD COLUMN current INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE runs ADD COLUMN indexed_to INTEGER;
      UPDATE runs SET current = 1 WHERE id IN (SELECT current_run_id FROM sessions);
      UPDATE runs SET indexed_to = last_event WHERE indexed = 1;
      ALTER TABLE runs DROP COLUMN indexed;
    `);
  },
  (db) => {
    // A block's rowid becomes minus its first event ID: search wants the newest blocks first, and
    // FTS5 walks a doclist forwards far more cheaply than backwards. The index is derived data, so
    // it is emptied and rebuilt in the background (search stays complete meanwhile).
    db.exec(`
      INSERT INTO event_words (event_words) VALUES ('delete-all');
      UPDATE runs SET indexed_to = NULL;
    `);
  },
  (db) => {
    db.exec(`
      -- What main understood of each line (shared/domain/log-parts.ts), stored so a cached session
      -- opens without parsing again. The summary is NULL when it is the message itself, or a span
      -- of it (summary_start..summary_end); json_at is where the message's JSON object starts;
      -- fields and exception are JSON, NULL when absent. The old json column is no longer written.
      ALTER TABLE events ADD COLUMN summary TEXT;
      ALTER TABLE events ADD COLUMN summary_start INTEGER;
      ALTER TABLE events ADD COLUMN summary_end INTEGER;
      ALTER TABLE events ADD COLUMN json_at INTEGER;
      ALTER TABLE events ADD COLUMN fields TEXT;
      ALTER TABLE events ADD COLUMN exception TEXT;
      ALTER TABLE error_groups ADD COLUMN exception TEXT;
      -- 0: saved before the parts were stored; they are derived from the messages when read.
      ALTER TABLE runs ADD COLUMN parts INTEGER NOT NULL DEFAULT 0;
    `);
  },
  (db) => {
    db.exec(`
      -- When the run came from a session file (NULL: from CloudWatch), for the "Imported" mark.
      ALTER TABLE runs ADD COLUMN imported_at INTEGER;
      -- Errors across sessions: the same fingerprint, exception type or its last segment in other
      -- cached sessions, most recent first: one index range each (error-sessions.ts repeats the
      -- expression). run_id makes the fingerprint index cover the per-session count.
      CREATE INDEX error_groups_fingerprint ON error_groups(fingerprint, first_seen, run_id);
      CREATE INDEX error_groups_type ON error_groups(type COLLATE NOCASE, first_seen);
      CREATE INDEX error_groups_short_type ON error_groups(${SHORT_TYPE_SQL} COLLATE NOCASE, first_seen);
    `);
  },
  (db) => {
    db.exec(`
      -- A run is written page by page in many transactions while its queries run. Until its
      -- writer finishes it, state is 0: no session shows it, no search or eviction sees it, and
      -- a start-up after a crash deletes it (writer_pid is gone, or touched_at is long past).
      ALTER TABLE runs ADD COLUMN state INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE runs ADD COLUMN writer_pid INTEGER;
      ALTER TABLE runs ADD COLUMN touched_at INTEGER;
      -- The parts of the window whose every line is in the run, as JSON [{from, to}]; NULL for
      -- older runs: all of it when complete, nothing otherwise. A refresh queries only the rest.
      ALTER TABLE runs ADD COLUMN covered_json TEXT;
      -- Events of a run in time order: the event list reads them a page at a time, filtered.
      -- (Building it on a large existing cache takes a few seconds, once.)
      CREATE INDEX events_run_ts ON events(run_id, ts);
      -- 1 when the group's context lines were left to be fetched on demand (a run fetches them
      -- only for its largest groups).
      ALTER TABLE error_groups ADD COLUMN context_pending INTEGER NOT NULL DEFAULT 0;
    `);
  },
];

export const SCHEMA_VERSION = migrations.length;

export function readUserVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

export function tooNewError(found: number): AppError {
  return new AppError(
    'CACHE_TOO_NEW',
    `The cache was written by a newer orcw (schema version ${found}; this version reads up to ${SCHEMA_VERSION}).`,
    'Update orcw, or point it at another data directory. The cache file was left untouched.',
  );
}

/** Brings the schema up to SCHEMA_VERSION; refuses (without writing) a newer one. */
export function migrate(db: DatabaseSync): void {
  const found = readUserVersion(db);
  if (found > SCHEMA_VERSION) throw tooNewError(found);
  for (let version = found; version < SCHEMA_VERSION; version += 1) {
    inTransaction(db, () => {
      (migrations[version] as Migration)(db);
      db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
}
