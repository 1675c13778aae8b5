/**
 * The embedded Store: one SQLite file through better-sqlite3 (synchronous; each call is short).
 * Several connections may share the file — the server and `npm run therapist`, or two store
 * instances in a test — so every read-then-write runs in an IMMEDIATE transaction and the one
 * race that matters (two therapists claiming a chat) is a single conditional UPDATE.
 *
 * Privacy: nothing here logs. Message text and shared summaries are stored, never printed; an error
 * thrown from here never quotes a row.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FeedbackAnswer, GotWhatCameFor, OutcomeRecord } from '../outcomes/record.js';
import type { ChatMessage, RiskLevel, Role, Sender, SharedSummary } from '../protocol.js';
import { runMigrations } from './migrations.js';
import {
  LastLeadError,
  type AppendResult,
  type ConversationRecord,
  type HandoffStat,
  type SessionRecord,
  type Store,
  type TherapistRecord,
  type TimeRange,
} from './store.js';

/** The Store, plus housekeeping only the SQLite implementation offers. */
export interface SqliteStore extends Store {
  readonly file: string;
  /** Deletes expired sign-in sessions; returns how many. Safe to call on a timer. */
  purgeExpiredSessions(now: string): Promise<number>;
}

/** `createTherapist` with a username that exists already (in any letter case). */
export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
  constructor(username: string) {
    super(`A therapist account named "${username}" already exists.`);
  }
}

/** How long a connection waits for another connection's write before giving up. */
const BUSY_TIMEOUT_MS = 5000;

interface ConversationRow {
  id: string;
  status: ConversationRecord['status'];
  risk: RiskLevel;
  shared_json: string;
  queued_at: string;
  returned: number;
  therapist_id: string | null;
  created_at: string;
  ended_at: string | null;
}
interface MessageRow {
  seq: number;
  client_id: string;
  sender: Sender;
  text: string;
  created_at: string;
}
interface TherapistRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  disabled_at: string | null;
  created_at: string;
}
interface HandoffStatRow {
  flow: string;
  queued_hour: string;
  wait_seconds: number | null;
  risk: RiskLevel;
}
interface OutcomeRow {
  flow: string;
  locale: string;
  started_hour: string;
  completed: number;
  handoff: number;
  risk: RiskLevel;
  before_rating: number | null;
  after_rating: number | null;
  got_what_came_for: GotWhatCameFor | null;
  helpful: FeedbackAnswer | null;
  next_step: FeedbackAnswer | null;
}

/** Ended chats removed per transaction by a purge, so a large backlog never holds the writer long. */
const PURGE_BATCH = 500;

const RISK_RANK_SQL = (column: string) => `CASE ${column} WHEN 'urgent' THEN 2 WHEN 'concern' THEN 1 ELSE 0 END`;
const RISK_RANK: Record<RiskLevel, number> = { none: 0, concern: 1, urgent: 2 };

/**
 * Every stored time goes through here. Times are compared as text (expiry, queue order), which is
 * only correct when they all have the one shape `toISOString` gives.
 */
function iso(time: string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) throw new TypeError('Store: a time is not a valid ISO date.');
  return date.toISOString();
}

/** The hour a time falls in, UTC, as stored (minutes, seconds and milliseconds zero). */
const hourOf = (time: string): string => `${iso(time).slice(0, 13)}:00:00.000Z`;

function toConversation(row: ConversationRow): ConversationRecord {
  return {
    id: row.id,
    status: row.status,
    risk: row.risk,
    shared: JSON.parse(row.shared_json) as SharedSummary,
    queuedAt: row.queued_at,
    returned: row.returned === 1,
    therapistId: row.therapist_id,
    createdAt: row.created_at,
    endedAt: row.ended_at,
  };
}
const toMessage = (row: MessageRow): ChatMessage => ({ seq: row.seq, id: row.client_id, from: row.sender, text: row.text, at: row.created_at });
const toTherapist = (row: TherapistRow): TherapistRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  role: row.role,
  disabled: row.disabled_at !== null,
  createdAt: row.created_at,
});
const toHandoffStat = (row: HandoffStatRow): HandoffStat => ({
  flow: row.flow,
  queuedHour: row.queued_hour,
  waitSeconds: row.wait_seconds,
  risk: row.risk,
});
const toOutcome = (row: OutcomeRow): OutcomeRecord => ({
  flow: row.flow,
  locale: row.locale,
  startedHour: row.started_hour,
  completed: row.completed === 1,
  handoff: row.handoff === 1,
  risk: row.risk,
  before: row.before_rating,
  after: row.after_rating,
  gotWhatCameFor: row.got_what_came_for,
  helpful: row.helpful,
  nextStep: row.next_step,
});

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Opens (creating when missing) the database at `file`, brings its schema up to date, and returns the Store. */
export function openSqliteStore(file: string): SqliteStore {
  const inMemory = file === ':memory:';
  if (!inMemory) {
    // 0o700 / 0o600: the file holds what people wrote to a mental-health service. SQLite gives the
    // -wal and -shm files the same permissions as the database file.
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    closeSync(openSync(file, 'a', 0o600));
  }
  const db = new Database(file);
  try {
    // WAL: readers never block the writer, and a commit is one append (fast, crash-safe).
    // synchronous stays FULL (the default): an acknowledged message must survive a power cut too.
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // Deleted rows are overwritten with zeros, not just marked free: "Delete this chat" and the
    // retention purge must leave no readable text in the file.
    db.pragma('secure_delete = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    runMigrations(db);
  } catch (error) {
    db.close();
    throw error;
  }

  const conversationColumns = 'id, status, risk, shared_json, queued_at, returned, therapist_id, created_at, ended_at';
  const therapistColumns = 'id, username, display_name, password_hash, role, disabled_at, created_at';
  const sql = {
    insertConversation: db.prepare(
      `INSERT INTO conversations (id, token_hash, status, risk, shared_json, queued_at, returned, created_at)
       VALUES (@id, @tokenHash, 'queued', @risk, @sharedJson, @now, 0, @now)`,
    ),
    conversationById: db.prepare(`SELECT ${conversationColumns} FROM conversations WHERE id = ?`),
    conversationByToken: db.prepare(`SELECT ${conversationColumns} FROM conversations WHERE token_hash = ?`),
    // urgent > concern > none; within a level a chat that came back goes first; then longest waiting.
    queue: db.prepare(
      `SELECT ${conversationColumns} FROM conversations WHERE status = 'queued'
       ORDER BY ${RISK_RANK_SQL('risk')} DESC, returned DESC, queued_at ASC, rowid ASC`,
    ),
    // The first answer is kept across requeues: the report's wait is to the first therapist, not the last.
    claim: db.prepare(
      `UPDATE conversations SET status = 'active', therapist_id = ?, first_claimed_at = COALESCE(first_claimed_at, ?)
       WHERE id = ? AND status = 'queued'`,
    ),
    requeue: db.prepare(
      `UPDATE conversations SET status = 'queued', returned = 1, therapist_id = NULL, queued_at = ? WHERE id = ? AND status = 'active'`,
    ),
    end: db.prepare(`UPDATE conversations SET status = 'ended', ended_at = ? WHERE id = ? AND status <> 'ended'`),
    statSource: db.prepare('SELECT shared_json, risk, created_at, first_claimed_at, no_figures FROM conversations WHERE id = ?'),
    insertStat: db.prepare(
      `INSERT INTO handoff_stats (conversation_id, flow, queued_hour, wait_seconds, risk)
       VALUES (@conversationId, @flow, @queuedHour, @waitSeconds, @risk)
       ON CONFLICT (conversation_id) DO NOTHING`,
    ),
    // Messages go by ON DELETE CASCADE; the handoff_stats row stays, unlinked by ON DELETE SET NULL.
    deleteConversation: db.prepare('DELETE FROM conversations WHERE id = ?'),
    purgeEnded: db.prepare(
      `DELETE FROM conversations WHERE rowid IN
         (SELECT rowid FROM conversations WHERE status = 'ended' AND ended_at < ? LIMIT ${PURGE_BATCH})`,
    ),
    handoffStats: db.prepare(
      `SELECT flow, queued_hour, wait_seconds, risk FROM handoff_stats
       WHERE queued_hour >= @from AND queued_hour < @to AND (@flow IS NULL OR flow = @flow)
       ORDER BY queued_hour, id`,
    ),
    activeFor: db.prepare(
      `SELECT ${conversationColumns} FROM conversations WHERE status = 'active' AND therapist_id = ? ORDER BY queued_at, rowid`,
    ),
    // Only ever raises: a calmer later message does not undo an urgent flag.
    raiseRisk: db.prepare(`UPDATE conversations SET risk = @risk WHERE id = @id AND ${RISK_RANK_SQL('risk')} < @rank`),
    conversationExists: db.prepare('SELECT 1 FROM conversations WHERE id = ?'),
    messageById: db.prepare(
      'SELECT seq, client_id, sender, text, created_at FROM messages WHERE conversation_id = ? AND sender = ? AND client_id = ?',
    ),
    nextSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM messages WHERE conversation_id = ?'),
    insertMessage: db.prepare(
      'INSERT INTO messages (conversation_id, seq, client_id, sender, text, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    messagesAfter: db.prepare(
      'SELECT seq, client_id, sender, text, created_at FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq',
    ),
    insertTherapist: db.prepare(
      `INSERT INTO therapists (id, username, display_name, password_hash, role, created_at)
       VALUES (@id, @username, @displayName, @passwordHash, @role, @now)`,
    ),
    therapistByUsername: db.prepare(`SELECT ${therapistColumns} FROM therapists WHERE username = ?`),
    therapistById: db.prepare(`SELECT ${therapistColumns} FROM therapists WHERE id = ?`),
    listTherapists: db.prepare(
      `SELECT ${therapistColumns} FROM therapists ORDER BY username COLLATE NOCASE`,
    ),
    requeueHeldBy: db.prepare(
      `UPDATE conversations SET status = 'queued', returned = 1, therapist_id = NULL, queued_at = ?
       WHERE status = 'active' AND therapist_id = ?`,
    ),
    deleteTherapist: db.prepare('DELETE FROM therapists WHERE id = ?'),
    setPassword: db.prepare('UPDATE therapists SET password_hash = ? WHERE id = ?'),
    deleteSessionsOf: db.prepare('DELETE FROM sessions WHERE therapist_id = ?'),
    countTherapists: db.prepare('SELECT COUNT(*) AS n FROM therapists'),
    setRole: db.prepare('UPDATE therapists SET role = ? WHERE id = ?'),
    // COALESCE: disabling twice keeps the first time.
    disable: db.prepare('UPDATE therapists SET disabled_at = COALESCE(disabled_at, ?) WHERE id = ?'),
    enable: db.prepare('UPDATE therapists SET disabled_at = NULL WHERE id = ?'),
    countActiveLeads: db.prepare(`SELECT COUNT(*) AS n FROM therapists WHERE role = 'lead' AND disabled_at IS NULL`),
    insertSession: db.prepare('INSERT INTO sessions (token_hash, therapist_id, expires_at) VALUES (?, ?, ?)'),
    session: db.prepare(
      `SELECT s.therapist_id, s.expires_at, t.disabled_at FROM sessions s JOIN therapists t ON t.id = s.therapist_id
       WHERE s.token_hash = ?`,
    ),
    deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
    purgeSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    insertOutcome: db.prepare(
      `INSERT INTO outcomes (flow, locale, started_hour, completed, handoff, risk, before_rating, after_rating,
                             got_what_came_for, helpful, next_step)
       VALUES (@flow, @locale, @startedHour, @completed, @handoff, @risk, @before, @after, @gotWhatCameFor, @helpful, @nextStep)`,
    ),
    outcomes: db.prepare(
      `SELECT flow, locale, started_hour, completed, handoff, risk, before_rating, after_rating, got_what_came_for, helpful, next_step
       FROM outcomes WHERE started_hour >= @from AND started_hour < @to AND (@flow IS NULL OR flow = @flow)
       ORDER BY started_hour, id`,
    ),
  };
  const rangeParams = (range: TimeRange) => ({ from: iso(range.from), to: iso(range.to), flow: range.flow ?? null });

  const getConversation = (row: unknown) => (row === undefined ? null : toConversation(row as ConversationRow));
  const getTherapist = (row: unknown) => (row === undefined ? null : toTherapist(row as TherapistRow));

  // The seq is max+1 and the duplicate check happens inside the same write transaction, so two
  // connections appending at once cannot hand out one seq twice or store one message twice.
  const append = db.transaction((input: { conversationId: string; id: string; from: Sender; text: string; now: string }): AppendResult => {
    const existing = sql.messageById.get(input.conversationId, input.from, input.id) as MessageRow | undefined;
    if (existing) return { message: toMessage(existing), duplicate: true };
    if (!sql.conversationExists.get(input.conversationId)) throw new Error('Store: no such conversation.');
    const { seq } = sql.nextSeq.get(input.conversationId) as { seq: number };
    const at = iso(input.now);
    sql.insertMessage.run(input.conversationId, seq, input.id, input.from, input.text, at);
    return { message: { seq, id: input.id, from: input.from, text: input.text, at }, duplicate: false };
  });

  // Removing a therapist hands the chats they hold back to the queue (top of their risk level), so
  // nobody is left in a chat that no one can see; their sessions go with them (ON DELETE CASCADE).
  const removeTherapist = db.transaction((username: string): boolean => {
    const row = sql.therapistByUsername.get(username) as TherapistRow | undefined;
    if (!row) return false;
    guardLastLead(row);
    sql.requeueHeldBy.run(new Date().toISOString(), row.id);
    return sql.deleteTherapist.run(row.id).changes === 1;
  });

  /** The HandoffStat of a conversation, written once (a second call finds the row and does nothing). */
  const writeStat = (id: string): boolean => {
    const row = sql.statSource.get(id) as
      | { shared_json: string; risk: RiskLevel; created_at: string; first_claimed_at: string | null; no_figures: 0 | 1 }
      | undefined;
    if (!row) return false;
    if (row.no_figures === 1) return true; // from before figures were kept (migration 2)
    const shared = JSON.parse(row.shared_json) as SharedSummary;
    const waitSeconds =
      row.first_claimed_at === null
        ? null
        : Math.max(0, Math.floor((Date.parse(row.first_claimed_at) - Date.parse(row.created_at)) / 1000));
    // created_at is when the chat first joined the queue (queued_at moves when it is requeued).
    // Ending a chat must never fail over a figure, so a summary without a flow is counted as "unknown".
    const flow = typeof shared.flow === 'string' && shared.flow !== '' ? shared.flow : 'unknown';
    sql.insertStat.run({ conversationId: id, flow, queuedHour: hourOf(row.created_at), waitSeconds, risk: row.risk });
    return true;
  };

  const end = db.transaction((id: string, now: string): void => {
    sql.end.run(iso(now), id);
    writeStat(id);
  });

  const deleteConversation = db.transaction((id: string): boolean => {
    if (!writeStat(id)) return false;
    return sql.deleteConversation.run(id).changes === 1;
  });

  /** Throws LastLeadError when the account is the only enabled lead (call inside the write transaction). */
  const guardLastLead = (row: TherapistRow): void => {
    if (row.role !== 'lead' || row.disabled_at !== null) return;
    if ((sql.countActiveLeads.get() as { n: number }).n <= 1) throw new LastLeadError();
  };

  const setRole = db.transaction((username: string, role: Role): boolean => {
    const row = sql.therapistByUsername.get(username) as TherapistRow | undefined;
    if (!row) return false;
    if (role !== 'lead') guardLastLead(row);
    sql.setRole.run(role, row.id);
    return true;
  });

  // Disabling signs the account out everywhere at once; the relay drops its live connections at the
  // next session check, and the chats it held return to the queue after the grace period.
  const setDisabled = db.transaction((username: string, disabled: boolean, now: string): boolean => {
    const row = sql.therapistByUsername.get(username) as TherapistRow | undefined;
    if (!row) return false;
    if (disabled) {
      guardLastLead(row);
      sql.disable.run(now, row.id);
      sql.deleteSessionsOf.run(row.id);
    } else {
      sql.enable.run(row.id);
    }
    return true;
  });

  // A new password signs the therapist out everywhere: a reset is often because the old one leaked.
  const setPassword = db.transaction((username: string, passwordHash: string): boolean => {
    const row = sql.therapistByUsername.get(username) as TherapistRow | undefined;
    if (!row) return false;
    sql.setPassword.run(passwordHash, row.id);
    sql.deleteSessionsOf.run(row.id);
    return true;
  });

  return {
    file,

    async createConversation({ id, tokenHash, shared, risk, now }) {
      sql.insertConversation.run({ id, tokenHash, risk, sharedJson: JSON.stringify(shared), now: iso(now) });
      return toConversation(sql.conversationById.get(id) as ConversationRow);
    },
    async conversationById(id) {
      return getConversation(sql.conversationById.get(id));
    },
    async conversationByTokenHash(tokenHash) {
      return getConversation(sql.conversationByToken.get(tokenHash));
    },
    async queue() {
      return (sql.queue.all() as ConversationRow[]).map(toConversation);
    },
    async claim(id, therapistId, now) {
      return sql.claim.run(therapistId, iso(now), id).changes === 1;
    },
    async requeue(id, now) {
      sql.requeue.run(iso(now), id);
    },
    async end(id, now) {
      end.immediate(id, now);
    },
    async deleteConversation(id, _now) {
      const deleted = deleteConversation.immediate(id);
      // The old text can also sit in the write-ahead log until a checkpoint: write it back and empty it.
      if (deleted && !inMemory) db.pragma('wal_checkpoint(TRUNCATE)');
      return deleted;
    },
    async purgeEndedBefore(cutoff) {
      const before = iso(cutoff);
      let purged = 0;
      for (;;) {
        const { changes } = sql.purgeEnded.run(before);
        purged += changes;
        if (changes < PURGE_BATCH) break;
        // Lets messages, acknowledgements and timers through between batches of a large backlog.
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (purged > 0 && !inMemory) db.pragma('wal_checkpoint(TRUNCATE)');
      return purged;
    },
    async handoffStats(range) {
      return (sql.handoffStats.all(rangeParams(range)) as HandoffStatRow[]).map(toHandoffStat);
    },
    async activeFor(therapistId) {
      return (sql.activeFor.all(therapistId) as ConversationRow[]).map(toConversation);
    },
    async raiseRisk(id, risk) {
      sql.raiseRisk.run({ id, risk, rank: RISK_RANK[risk] });
    },

    async appendMessage(input) {
      return append.immediate(input);
    },
    async messagesAfter(conversationId, afterSeq) {
      return (sql.messagesAfter.all(conversationId, afterSeq) as MessageRow[]).map(toMessage);
    },

    async createTherapist({ id, username, displayName, passwordHash, role = 'therapist', now }) {
      try {
        sql.insertTherapist.run({ id, username, displayName, passwordHash, role, now: iso(now) });
      } catch (error) {
        if (isUniqueViolation(error)) throw new UsernameTakenError(username);
        throw error;
      }
      return toTherapist(sql.therapistById.get(id) as TherapistRow);
    },
    async therapistByUsername(username) {
      return getTherapist(sql.therapistByUsername.get(username));
    },
    async therapistById(id) {
      return getTherapist(sql.therapistById.get(id));
    },
    async listTherapists() {
      return (sql.listTherapists.all() as TherapistRow[]).map(toTherapist);
    },
    async removeTherapist(username) {
      return removeTherapist.immediate(username);
    },
    async setPassword(username, passwordHash) {
      return setPassword.immediate(username, passwordHash);
    },
    async countTherapists() {
      return (sql.countTherapists.get() as { n: number }).n;
    },
    async setRole(username, role) {
      return setRole.immediate(username, role);
    },
    async setDisabled(username, disabled) {
      return setDisabled.immediate(username, disabled, new Date().toISOString());
    },
    async countActiveLeads() {
      return (sql.countActiveLeads.get() as { n: number }).n;
    },
    async createSession({ tokenHash, therapistId, expiresAt }) {
      sql.insertSession.run(tokenHash, therapistId, iso(expiresAt));
    },
    async sessionByTokenHash(tokenHash, now): Promise<SessionRecord | null> {
      const row = sql.session.get(tokenHash) as { therapist_id: string; expires_at: string; disabled_at: string | null } | undefined;
      if (!row) return null;
      // A disabled account's sessions are deleted when it is disabled; this refuses any that slip past.
      if (row.expires_at <= iso(now) || row.disabled_at !== null) {
        sql.deleteSession.run(tokenHash);
        return null;
      }
      return { therapistId: row.therapist_id, expiresAt: row.expires_at };
    },
    async deleteSession(tokenHash) {
      sql.deleteSession.run(tokenHash);
    },
    async purgeExpiredSessions(now) {
      return sql.purgeSessions.run(iso(now)).changes;
    },

    async addOutcome(record) {
      // Field by field: whatever else an object might carry is never stored.
      sql.insertOutcome.run({
        flow: record.flow,
        locale: record.locale,
        startedHour: iso(record.startedHour),
        completed: record.completed ? 1 : 0,
        handoff: record.handoff ? 1 : 0,
        risk: record.risk,
        before: record.before,
        after: record.after,
        gotWhatCameFor: record.gotWhatCameFor,
        helpful: record.helpful,
        nextStep: record.nextStep,
      });
    },
    async outcomes(range) {
      return (sql.outcomes.all(rangeParams(range)) as OutcomeRow[]).map(toOutcome);
    },

    async close() {
      if (db.open) db.close();
    },
  };
}
