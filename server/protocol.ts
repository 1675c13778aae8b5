/**
 * The live relay's contract: event maps for the two Socket.IO namespaces, acknowledgements and the
 * closed list of error codes. Types only — the widget and the console import it with `import type`,
 * so nothing here reaches a browser bundle. Runtime validation lives in `server/relay/schemas.ts`.
 *
 * Naming: `area:verb`, imperative from a peer (`message:send`), past tense from the server
 * (`message:received`). Every event a peer sends that expects an answer takes an acknowledgement
 * callback as its last argument.
 */

/** Every way the server can refuse. Unknown failures reach peers as `internal`, never with details. */
export const ERROR_CODES = [
  'bad_request', // the payload does not match the schema
  'too_large', // over a size limit (message text is at most MAX_MESSAGE_LENGTH characters)
  'rate_limited', // too many events from this socket in a short time
  'unauthorised', // no valid session or token
  'forbidden', // valid identity, but not for this conversation
  'not_found', // no such conversation (or it was deleted)
  'already_claimed', // another therapist claimed it first
  'not_active', // the conversation is not in a state that allows this (e.g. ended)
  'closed', // outside opening hours: no one can take a chat now
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; code: ErrorCode };
export type AckCallback<T extends object = object> = (response: Ack<T>) => void;

export const MAX_MESSAGE_LENGTH = 2000;
/** Client message ids: made by the sender (e.g. crypto.randomUUID()), unique per conversation. */
export const MESSAGE_ID_PATTERN = '^[A-Za-z0-9_-]{8,64}$';

export type RiskLevel = 'none' | 'concern' | 'urgent';
export type ConversationStatus = 'queued' | 'active' | 'ended';
export type Sender = 'client' | 'therapist';

/** What the person chose to share when asking for a person. Every field is optional: they decide. */
export interface SharedSummary {
  flow: string;
  goal?: string;
  before?: number;
  scaleNow?: number;
  strengths?: string;
  plan?: { what: string; when: string; where: string; obstacle: string; ifThen: string };
  /** Only when the person ticked "include the conversation so far". */
  transcript?: Array<{ from: 'bot' | 'person'; text: string }>;
}

export interface ChatMessage {
  /** Server sequence number, increasing per conversation: the order everyone sees. */
  seq: number;
  /** The sender's own id for the message (idempotent resend). */
  id: string;
  from: Sender;
  text: string;
  /** ISO time the server stored it. */
  at: string;
}

export interface QueueEntry {
  conversationId: string;
  risk: RiskLevel;
  /** ISO time the person joined the queue. */
  queuedAt: string;
  shared: SharedSummary;
  /** True when the chat came back to the queue (a therapist dropped or handed it back). */
  returned: boolean;
}

export interface QueueState {
  /** 1 = next. */
  position: number;
  /** A rough estimate, in seconds; null when there is nothing to base one on. */
  waitSeconds: number | null;
}

// ---------------------------------------------------------------------------------------------
// Client namespace `/client` (the widget). Identity: the conversation token, sent in
// `socket.handshake.auth.token` when resuming, or received from `conversation:start`.

export interface ClientToServerEvents {
  'conversation:start': (
    payload: { shared: SharedSummary; risk: RiskLevel },
    ack: AckCallback<{ token: string; conversationId: string } & QueueState>,
  ) => void;
  /** After a reconnect (or a page load): everything after `lastSeq`, and where the chat stands. */
  'conversation:resume': (
    payload: { token: string; lastSeq: number },
    ack: AckCallback<{
      conversationId: string;
      status: ConversationStatus;
      messages: ChatMessage[];
      therapistName: string | null;
      queue: QueueState | null;
    }>,
  ) => void;
  'message:send': (payload: { id: string; text: string }, ack: AckCallback<{ seq: number }>) => void;
  /** Typing state only, never the text being typed. */
  'typing:set': (payload: { typing: boolean }) => void;
  /** Leave the queue (back to the self-guided flow) or end a live chat. */
  'conversation:leave': (payload: Record<string, never>, ack: AckCallback) => void;
  /**
   * "Delete this chat": ends it and removes it (messages, shared summary, token) from the server at
   * once. The therapist is told with `conversation:deleted`. The token stops working.
   */
  'conversation:delete': (payload: Record<string, never>, ack: AckCallback) => void;
}

export interface ServerToClientEvents {
  'queue:updated': (state: QueueState) => void;
  'conversation:claimed': (payload: { therapistName: string }) => void;
  'message:received': (message: ChatMessage) => void;
  'typing:changed': (payload: { typing: boolean }) => void;
  /** The therapist's connection dropped; the chat waits `graceSeconds` for them. */
  'therapist:away': (payload: { graceSeconds: number }) => void;
  'therapist:back': (payload: Record<string, never>) => void;
  /** After the grace period: the chat is back at the top of the queue. */
  'conversation:requeued': (state: QueueState) => void;
  'conversation:ended': (payload: { by: 'therapist' | 'client' | 'server'; handBack: boolean }) => void;
}

// ---------------------------------------------------------------------------------------------
// Therapist namespace `/therapist` (the console). Identity: the session cookie, checked in
// `io.use` from the handshake headers.

export interface ConversationView {
  conversationId: string;
  status: ConversationStatus;
  risk: RiskLevel;
  queuedAt: string;
  shared: SharedSummary;
  messages: ChatMessage[];
  clientOnline: boolean;
}

export interface TherapistToServerEvents {
  'queue:list': (payload: Record<string, never>, ack: AckCallback<{ queue: QueueEntry[] }>) => void;
  /** Atomic: when two therapists claim at once, exactly one gets `ok: true`. */
  'conversation:claim': (payload: { conversationId: string }, ack: AckCallback<{ conversation: ConversationView }>) => void;
  /** The chats this therapist holds, with messages after each `lastSeq` (after a reconnect). */
  'conversation:mine': (
    payload: { lastSeq: Record<string, number> },
    ack: AckCallback<{ conversations: ConversationView[] }>,
  ) => void;
  'message:send': (payload: { conversationId: string; id: string; text: string }, ack: AckCallback<{ seq: number }>) => void;
  'typing:set': (payload: { conversationId: string; typing: boolean }) => void;
  /** End the chat (optionally with a closing message), or hand it back to the self-guided flow. */
  'conversation:end': (
    payload: { conversationId: string; closingMessage?: string; handBack: boolean },
    ack: AckCallback,
  ) => void;
}

export interface ServerToTherapistEvents {
  'queue:updated': (payload: { queue: QueueEntry[] }) => void;
  'message:received': (payload: { conversationId: string; message: ChatMessage }) => void;
  'typing:changed': (payload: { conversationId: string; typing: boolean }) => void;
  'client:presence': (payload: { conversationId: string; online: boolean }) => void;
  'conversation:ended': (payload: { conversationId: string; by: 'client' | 'server' }) => void;
  /** The person deleted the chat: it is gone from the server; the console drops its messages too. */
  'conversation:deleted': (payload: { conversationId: string }) => void;
  /**
   * To the therapist holding the chat: a message from the person raised its risk, or was urgent
   * (sent for every urgent message). `risk` is the chat's highest level so far.
   */
  'risk:raised': (payload: { conversationId: string; risk: RiskLevel }) => void;
}

/** What a signed-in therapist is, as the console sees it. */
export interface TherapistProfile {
  username: string;
  displayName: string;
  /** A lead also sees the service report and manages accounts (the server checks, not just the console). */
  role: Role;
}

export type Role = 'therapist' | 'lead';
