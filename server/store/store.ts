/**
 * What the relay and the console need from storage. One interface, more than one implementation:
 * SQLite (`sqlite.ts`) is the embedded default; a shared store (PostgreSQL) can follow for scale-out.
 *
 * Every method is synchronous-looking but returns promises, so a networked store fits the same shape.
 * Times are ISO strings; ids are opaque strings. Message text and shared summaries are stored only
 * for as long as the service's retention allows (purging comes with the retention issue).
 */
import type { ChatMessage, ConversationStatus, RiskLevel, Sender, SharedSummary } from '../protocol.js';

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
  createdAt: string;
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
  end(id: string, now: string): Promise<void>;
  /** Conversations a therapist holds (status active). */
  activeFor(therapistId: string): Promise<ConversationRecord[]>;
  raiseRisk(id: string, risk: RiskLevel): Promise<void>;

  // Messages
  /** Stores a message once per (conversation, sender, id); the transaction commits before it resolves. */
  appendMessage(input: { conversationId: string; id: string; from: Sender; text: string; now: string }): Promise<AppendResult>;
  messagesAfter(conversationId: string, afterSeq: number): Promise<ChatMessage[]>;

  // Therapists and their sign-in sessions
  createTherapist(input: { id: string; username: string; displayName: string; passwordHash: string; now: string }): Promise<TherapistRecord>;
  therapistByUsername(username: string): Promise<TherapistRecord | null>;
  therapistById(id: string): Promise<TherapistRecord | null>;
  listTherapists(): Promise<TherapistRecord[]>;
  removeTherapist(username: string): Promise<boolean>;
  setPassword(username: string, passwordHash: string): Promise<boolean>;
  countTherapists(): Promise<number>;
  createSession(input: { tokenHash: string; therapistId: string; expiresAt: string }): Promise<void>;
  sessionByTokenHash(tokenHash: string, now: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;

  close(): Promise<void>;
}
