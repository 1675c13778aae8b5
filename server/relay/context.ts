/**
 * What the relay's modules share: the typed namespaces, room names, the clock and store, and a
 * tracker for work still running (so shutdown can wait for it before the store is closed).
 *
 * Rooms: `c:<conversationId>` exists in both namespaces — the person's sockets in `/client`, the
 * holding therapist's sockets in `/therapist` — so "tell the other side" is one `to(room)` away.
 * `t:<therapistId>` holds every socket (tab) of one therapist.
 */
import { createHash } from 'node:crypto';
import type { Namespace, Socket } from 'socket.io';
import type {
  AckCallback,
  ChatMessage,
  ClientToServerEvents,
  ConversationView,
  ErrorCode,
  Sender,
  ServerToClientEvents,
  ServerToTherapistEvents,
  TherapistToServerEvents,
} from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';
import type { LiveQueue } from './queue.js';
import type { Presence } from './presence.js';

type NoEvents = Record<string, never>;

export interface ClientSocketData {
  /** The one conversation this socket may act on; set by `conversation:start` or `:resume`. */
  conversationId: string | null;
}

export interface TherapistSocketData {
  therapist: { id: string; username: string; displayName: string };
  /** When the session cookie was last found valid (ms); it is checked again now and then. */
  checkedAt: number;
}

export type ClientNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, NoEvents, ClientSocketData>;
export type TherapistNamespace = Namespace<TherapistToServerEvents, ServerToTherapistEvents, NoEvents, TherapistSocketData>;
export type ClientSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoEvents, ClientSocketData>;
export type TherapistSocket = Socket<TherapistToServerEvents, ServerToTherapistEvents, NoEvents, TherapistSocketData>;

/** The data of an event's successful acknowledgement, read from the protocol's event map. */
export type AckData<F> = F extends (payload: never, ack: AckCallback<infer T>) => void ? T : never;

export const room = (conversationId: string): string => `c:${conversationId}`;
export const therapistRoom = (therapistId: string): string => `t:${therapistId}`;

/** The form a client token is stored and looked up in: a copy of the database opens no chat. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A handshake refusal the peer can read: `connect_error` carries `err.data.code`. */
export function refusal(code: ErrorCode): Error & { data: { code: ErrorCode } } {
  return Object.assign(new Error(code), { data: { code } });
}

/**
 * A message this sender already stored under `id`. Used only when a chat is no longer active: a
 * resend of a message stored just before the end must get its seq back (it was delivered), not a
 * refusal that would make the sender show it as failed.
 */
export async function findStored(store: Store, conversationId: string, from: Sender, id: string): Promise<ChatMessage | null> {
  return (await store.messagesAfter(conversationId, 0)).find((m) => m.from === from && m.id === id) ?? null;
}

export async function viewOf(ctx: RelayContext, c: ConversationRecord, afterSeq: number): Promise<ConversationView> {
  return {
    conversationId: c.id,
    status: c.status,
    risk: c.risk,
    queuedAt: c.queuedAt,
    shared: c.shared,
    messages: await ctx.store.messagesAfter(c.id, afterSeq),
    clientOnline: ctx.presence.clientOnline(c.id),
  };
}

export interface RelayContext {
  store: Store;
  now: () => Date;
  graceMs: number;
  isOpen: (now: Date) => boolean;
  log: (line: string) => void;
  clients: ClientNamespace;
  therapists: TherapistNamespace;
  queue: LiveQueue;
  presence: Presence;
  track: (task: Promise<unknown>) => void;
  /** True once `close()` started: disconnects then are shutdown, not faults to react to. */
  closing: boolean;
}

/** Keeps the promises of running handlers and timers; `idle()` waits until none are left. */
export class TaskTracker {
  private readonly tasks = new Set<Promise<unknown>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  track = (task: Promise<unknown>): void => {
    const settled = task.then(
      () => undefined,
      (error: unknown) => this.onError(error),
    );
    this.tasks.add(settled);
    void settled.finally(() => this.tasks.delete(settled));
  };

  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }
}
