/**
 * The SQLite schema, as an ordered list of steps. Each step runs once, in its own transaction, and is
 * recorded in `schema_migrations`; a database opened again skips the steps it already has.
 *
 * Rules for adding a step: append, never edit or reorder a step that has shipped (a database in the
 * field already ran it); give it the next id; keep it to plain SQL so a reviewer can read it.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'therapists, sessions, conversations, messages',
    sql: `
      CREATE TABLE therapists (
        id            TEXT PRIMARY KEY,
        -- NOCASE: "Sam" and "sam" are one account, however the therapist types it at sign-in.
        username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name  TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      );

      -- Only the SHA-256 of a session token is kept: a copy of the database does not sign anyone in.
      CREATE TABLE sessions (
        token_hash   TEXT PRIMARY KEY,
        therapist_id TEXT NOT NULL REFERENCES therapists(id) ON DELETE CASCADE,
        expires_at   TEXT NOT NULL
      );
      CREATE INDEX sessions_therapist ON sessions(therapist_id);

      CREATE TABLE conversations (
        id           TEXT PRIMARY KEY,
        token_hash   TEXT NOT NULL UNIQUE,
        status       TEXT NOT NULL CHECK (status IN ('queued', 'active', 'ended')),
        risk         TEXT NOT NULL CHECK (risk IN ('none', 'concern', 'urgent')),
        shared_json  TEXT NOT NULL,
        queued_at    TEXT NOT NULL,
        returned     INTEGER NOT NULL DEFAULT 0 CHECK (returned IN (0, 1)),
        therapist_id TEXT REFERENCES therapists(id) ON DELETE SET NULL,
        created_at   TEXT NOT NULL,
        ended_at     TEXT
      );
      CREATE INDEX conversations_status ON conversations(status, therapist_id);

      CREATE TABLE messages (
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        seq             INTEGER NOT NULL,
        client_id       TEXT NOT NULL,
        sender          TEXT NOT NULL CHECK (sender IN ('client', 'therapist')),
        text            TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        PRIMARY KEY (conversation_id, seq),
        -- A resend of the same message id by the same sender is the same message.
        UNIQUE (conversation_id, sender, client_id)
      );
    `,
  },
  {
    id: 2,
    name: 'roles, disabled accounts, handoff figures, outcome records',
    sql: `
      ALTER TABLE therapists ADD COLUMN role TEXT NOT NULL DEFAULT 'therapist' CHECK (role IN ('therapist', 'lead'));
      -- Disabled rather than deleted, so a disabled account can be enabled again with its name kept.
      ALTER TABLE therapists ADD COLUMN disabled_at TEXT;

      -- When a therapist first answered; with created_at it gives the wait for the report.
      ALTER TABLE conversations ADD COLUMN first_claimed_at TEXT;
      -- Chats from before this step never recorded when they were answered: they get no figures
      -- (counting a chat that was answered as unanswered would make the report wrong, not just short).
      ALTER TABLE conversations ADD COLUMN no_figures INTEGER NOT NULL DEFAULT 0 CHECK (no_figures IN (0, 1));
      UPDATE conversations SET no_figures = 1;

      -- One row per live chat, written when it ends or is deleted; no text. conversation_id is there
      -- only so the row is written once; it becomes NULL when the chat is deleted or purged (ON DELETE
      -- SET NULL), so nothing links the figures to a transcript once the transcript is gone.
      -- Chats that ended before this step get no row: their wait was never recorded, and counting
      -- them as unanswered would make the report wrong rather than merely incomplete.
      CREATE TABLE handoff_stats (
        id              INTEGER PRIMARY KEY,
        conversation_id TEXT UNIQUE REFERENCES conversations(id) ON DELETE SET NULL,
        flow            TEXT NOT NULL,
        queued_hour     TEXT NOT NULL CHECK (queued_hour LIKE '____-__-__T__:00:00.000Z'),
        wait_seconds    INTEGER CHECK (wait_seconds IS NULL OR (typeof(wait_seconds) = 'integer' AND wait_seconds >= 0)),
        risk            TEXT NOT NULL CHECK (risk IN ('none', 'concern', 'urgent'))
      );
      CREATE INDEX handoff_stats_queued_hour ON handoff_stats(queued_hour);

      -- Anonymous outcome records (server/outcomes/record.ts): the allowed fields and nothing else.
      -- The checks repeat the API's schema so no other path can store something it would refuse.
      CREATE TABLE outcomes (
        id                INTEGER PRIMARY KEY,
        flow              TEXT NOT NULL,
        locale            TEXT NOT NULL,
        started_hour      TEXT NOT NULL CHECK (started_hour LIKE '____-__-__T__:00:00.000Z'),
        completed         INTEGER NOT NULL CHECK (completed IN (0, 1)),
        handoff           INTEGER NOT NULL CHECK (handoff IN (0, 1)),
        risk              TEXT NOT NULL CHECK (risk IN ('none', 'concern', 'urgent')),
        before_rating     INTEGER CHECK (before_rating IS NULL OR (typeof(before_rating) = 'integer' AND before_rating BETWEEN 0 AND 10)),
        after_rating      INTEGER CHECK (after_rating IS NULL OR (typeof(after_rating) = 'integer' AND after_rating BETWEEN 0 AND 10)),
        got_what_came_for TEXT CHECK (got_what_came_for IS NULL OR got_what_came_for IN ('yes', 'partly', 'no')),
        helpful           TEXT CHECK (helpful IS NULL OR helpful IN ('not_at_all', 'a_little', 'quite', 'very')),
        next_step         TEXT CHECK (next_step IS NULL OR next_step IN ('not_at_all', 'a_little', 'quite', 'very'))
      );
      CREATE INDEX outcomes_started_hour ON outcomes(started_hour);

      -- A service that already has accounts would otherwise have no lead, and nobody could open the
      -- report or manage accounts from the console: the oldest account becomes the lead.
      UPDATE therapists SET role = 'lead'
       WHERE id = (SELECT id FROM therapists ORDER BY created_at, rowid LIMIT 1)
         AND NOT EXISTS (SELECT 1 FROM therapists WHERE role = 'lead');
    `,
  },
];

/**
 * Brings the database up to date; returns the ids it applied (empty when there was nothing to do).
 * Each step runs in an IMMEDIATE transaction and re-checks inside it, so two processes opening the
 * same file at once (the server and `npm run therapist`) cannot both apply a step.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const known = new Set(migrations.map((m) => m.id));
  const newest = db.prepare('SELECT MAX(id) AS id FROM schema_migrations').get() as { id: number | null };
  if (newest.id !== null && !known.has(newest.id) && newest.id > Math.max(0, ...known)) {
    // Running old code on a newer database would write rows the newer schema does not expect.
    throw new Error(
      `The database was created by a newer version of sst-chat (schema step ${newest.id}); update sst-chat before using it.`,
    );
  }

  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE id = ?');
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id - b.id)) {
    const apply = db.transaction(() => {
      if (isApplied.get(migration.id)) return;
      db.exec(migration.sql);
      record.run(migration.id, migration.name, new Date().toISOString());
      applied.push(migration.id);
    });
    apply.immediate();
  }
  return applied;
}
