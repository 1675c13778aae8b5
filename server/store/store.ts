/**
 * What the relay and the console need from storage. One interface, more than one implementation:
 * SQLite (`sqlite.ts`) is the embedded default; a shared store (PostgreSQL) can follow for scale-out.
 *
 * Every method is synchronous-looking but returns promises, so a networked store fits the same shape.
 * Times are ISO strings; ids are opaque strings. Message text and shared summaries are stored only
 * for as long as the service's retention allows: `purgeEndedBefore` removes ended chats, and a person
 * can delete theirs at once (`deleteConversation`). Outcome records and handoff figures hold no text.
 */
import type { OutcomeRecord } from '../outcomes/record.js';
import type { ChatMessage, ConversationStatus, RiskLevel, Role, Sender, SharedSummary } from '../protocol.js';

export interface ConversationRecord {
  id: string;
  status: ConversationStatus;
  risk: RiskLevel;
  shared: SharedSummary;
  /** When the person (last) joined the queue. */
  queuedAt: string;
  /** A chat that came back to the queue goes to the top of its risk level. */
  returned: boolean;
  therapistId: string | null;
  createdAt: string;
  endedAt: string | null;
}

export interface TherapistRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  /** A disabled account cannot sign in; its sessions are gone. Kept so its history still has a name. */
  disabled: boolean;
  createdAt: string;
}

/** What is kept of every live chat for the report, written when it ends (or is deleted): no text, no link to it. */
export interface HandoffStat {
  /** The shared summary's flow ("default", "youth"). */
  flow: string;
  /** The hour it first joined the queue, UTC ISO (minutes zero). */
  queuedHour: string;
  /** Seconds from first joining the queue to a therapist first answering; null when nobody did. */
  waitSeconds: number | null;
  /** Its highest risk level. */
  risk: RiskLevel;
}

/** Inclusive `from`, exclusive `to` (ISO times); `flow` undefined means every flow. */
export interface TimeRange {
  from: string;
  to: string;
  flow?: string;
}

/**
 * `setRole` or `setDisabled` would leave no enabled lead, and then nobody could open the report or
 * manage accounts from the console. Every Store implementation throws this one, so callers can word it.
 */
export class LastLeadError extends Error {
  override name = 'LastLeadError';
  constructor() {
    super('Store: that would leave no enabled lead account.');
  }
}

export interface SessionRecord {
  therapistId: string;
  expiresAt: string;
}

export interface AppendResult {
  message: ChatMessage;
  /** True when this id was already stored: the sender resent it. Acknowledge again; do not broadcast. */
  duplicate: boolean;
}

export interface Store {
  // Conversations
  createConversation(input: { id: string; tokenHash: string; shared: SharedSummary; risk: RiskLevel; now: string }): Promise<ConversationRecord>;
  conversationById(id: string): Promise<ConversationRecord | null>;
  conversationByTokenHash(tokenHash: string): Promise<ConversationRecord | null>;
  /** Queued conversations: urgent first, then concern, then none; within a level returned ones first, then oldest first. */
  queue(): Promise<ConversationRecord[]>;
  /** Atomic: succeeds for exactly one caller while the conversation is queued. */
  claim(id: string, therapistId: string, now: string): Promise<boolean>;
  /** Back to the queue (therapist lost, or handed back to the queue), marked `returned`. */
  requeue(id: string, now: string): Promise<void>;
  /** Ends it and, in the same transaction, writes its HandoffStat (once, however often it is called). */
  end(id: string, now: string): Promise<void>;
  /**
   * "Delete this chat": writes its HandoffStat if it has none yet, then removes the conversation and
   * its messages. Returns false when there was no such conversation.
   */
  deleteConversation(id: string, now: string): Promise<boolean>;
  /** Retention: removes ended conversations (and their messages) with `endedAt` before `cutoff`; returns how many. */
  purgeEndedBefore(cutoff: string): Promise<number>;
  /** Report figures for live chats that joined the queue in the range. */
  handoffStats(range: TimeRange): Promise<HandoffStat[]>;
  /** Conversations a therapist holds (status active). */
  activeFor(therapistId: string): Promise<ConversationRecord[]>;
  raiseRisk(id: string, risk: RiskLevel): Promise<void>;

  // Messages
  /** Stores a message once per (conversation, sender, id); the transaction commits before it resolves. */
  appendMessage(input: { conversationId: string; id: string; from: Sender; text: string; now: string }): Promise<AppendResult>;
  messagesAfter(conversationId: string, afterSeq: number): Promise<ChatMessage[]>;

  // Therapists and their sign-in sessions
  /** `role` defaults to 'therapist'. */
  createTherapist(input: { id: string; username: string; displayName: string; passwordHash: string; role?: Role; now: string }): Promise<TherapistRecord>;
  therapistByUsername(username: string): Promise<TherapistRecord | null>;
  therapistById(id: string): Promise<TherapistRecord | null>;
  listTherapists(): Promise<TherapistRecord[]>;
  removeTherapist(username: string): Promise<boolean>;
  setPassword(username: string, passwordHash: string): Promise<boolean>;
  countTherapists(): Promise<number>;
  /**
   * False when there is no such account. Throws LastLeadError, changing nothing, when it would demote
   * the last enabled lead (checked in the same transaction, so two leads demoting each other at once
   * cannot leave the service with none).
   */
  setRole(username: string, role: Role): Promise<boolean>;
  /**
   * Disabling also deletes the account's sign-in sessions (same transaction). False when there is no
   * such account; throws LastLeadError, changing nothing, when it would disable the last enabled lead.
   */
  setDisabled(username: string, disabled: boolean): Promise<boolean>;
  /** Enabled leads: the last one cannot be disabled or demoted. */
  countActiveLeads(): Promise<number>;
  createSession(input: { tokenHash: string; therapistId: string; expiresAt: string }): Promise<void>;
  sessionByTokenHash(tokenHash: string, now: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  // Outcome records (anonymous; kept, never purged)
  addOutcome(record: OutcomeRecord): Promise<void>;
  /** Records whose `startedHour` is in the range, oldest first. */
  outcomes(range: TimeRange): Promise<OutcomeRecord[]>;

  close(): Promise<void>;
}
