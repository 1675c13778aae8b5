/**
 * The console's live connection: the `/therapist` namespace (the session cookie authenticates it),
 * the queue, the chats this therapist holds, and the outbox. The elements read its fields and
 * re-render on `change`; other events (`queue-added`, `client-message`, `risk-raised`, `chat-ended`, `signed-out`)
 * drive sounds, notifications and announcements.
 *
 * After every (re)connect it asks for the queue and for its chats since the last sequence number
 * it has (`conversation:mine`), then resends what the server has not confirmed. Delivery uses the
 * relay's shared Outbox (`server/relay/outbox.ts`, no Socket.IO inside): one ordered queue per chat,
 * resent on reconnect, `rate_limited` retried with back-off, other refusals reported as failed.
 */
import { io, type Socket } from 'socket.io-client';
import type { Ack, AckCallback, ErrorCode, QueueEntry, ServerToTherapistEvents, TherapistToServerEvents } from '../protocol.js';
import { currentTherapist } from './api.js';
import { Outbox } from '../relay/outbox.js';
import { chatFromView, deletedChat, lastSeq, mergeMessages, type DeliveryState, type HeldChat } from './chat-state.js';

/** One message the therapist wrote, as `message:send` carries it. */
interface OutgoingMessage {
  conversationId: string;
  id: string;
  text: string;
}

type TherapistSocket = Socket<ServerToTherapistEvents, TherapistToServerEvents>;
type AckOf<E extends keyof TherapistToServerEvents> =
  Parameters<TherapistToServerEvents[E]>[1] extends AckCallback<infer T> ? Ack<T> : never;
type Requested = 'queue:list' | 'conversation:claim' | 'conversation:mine' | 'conversation:end' | 'message:send';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';
export type ClaimResult = 'ok' | ErrorCode | 'offline';

const ACK_TIMEOUT = 10_000;
/** A client that drops without saying it stopped typing must not look like it types for ever. */
const TYPING_EXPIRES = 15_000;

/** Ids must match MESSAGE_ID_PATTERN. `randomUUID` needs a secure context; the fallback does not. */
export function newMessageId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ConsoleConnection extends EventTarget {
  queue: QueueEntry[] = [];
  chats: HeldChat[] = [];
  status: ConnectionStatus = 'connecting';
  /** The chat on screen; its new messages are not counted as unread. */
  openChatId: string | null = null;
  private readonly socket: TherapistSocket;
  private readonly outbox: Outbox<OutgoingMessage>;
  private knownQueue: Set<string> | null = null;
  /** How many queue:updated events have arrived: a list asked for before the latest is stale. */
  private queueUpdates = 0;
  /** Chats the person deleted: a claim answered after the deletion is dropped. */
  private readonly deleted = new Set<string>();
  private nextNumber = 1;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.socket = io('/therapist', { withCredentials: true, autoConnect: false });
    this.outbox = new Outbox<OutgoingMessage>({
      send: async (m) => {
        const ack = await this.request('message:send', m);
        if (!ack) throw new Error('no answer');
        return ack;
      },
      keyOf: (m) => m.conversationId,
      onDelivered: (m, seq) => this.onDelivery(m, 'sent', { seq }),
      onFailed: (m, code) => this.onDelivery(m, 'failed', { failure: code }),
    });
    this.listen();
  }

  start(): void {
    this.socket.connect();
  }

  stop(): void {
    clearTimeout(this.retryTimer);
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.socket.off();
    this.socket.disconnect();
  }

  chat(conversationId: string): HeldChat | undefined {
    return this.chats.find((c) => c.conversationId === conversationId);
  }

  open(conversationId: string | null): void {
    this.openChatId = conversationId;
    if (conversationId && this.chat(conversationId)?.unread) this.update(conversationId, (c) => ({ ...c, unread: 0 }));
  }

  async refreshQueue(): Promise<void> {
    const asked = this.queueUpdates;
    const ack = await this.request('queue:list', {});
    // A queue:updated that arrived while the list was on its way is newer than the list.
    if (ack?.ok && this.queueUpdates === asked) this.setQueue(ack.queue);
  }

  async claim(conversationId: string): Promise<ClaimResult> {
    const ack = await this.request('conversation:claim', { conversationId });
    if (!ack) return 'offline';
    if (!ack.ok) {
      void this.refreshQueue();
      return ack.code;
    }
    this.queue = this.queue.filter((e) => e.conversationId !== conversationId);
    // Deleted while the claim was on its way: what the person shared must not be shown now.
    if (this.deleted.has(conversationId)) return 'not_found';
    this.addView(ack.conversation);
    return 'ok';
  }

  send(conversationId: string, text: string): void {
    const message: OutgoingMessage = { conversationId, id: newMessageId(), text };
    const shown = { id: message.id, seq: null, from: 'therapist' as const, text, at: new Date().toISOString(), delivery: 'sending' as const };
    this.update(conversationId, (c) => ({ ...c, messages: [...c.messages, shown] }));
    this.outbox.add(message);
  }

  /** Sends a failed message again, with the same id (the server stores an id once). */
  retry(conversationId: string, messageId: string): void {
    const failed = this.chat(conversationId)?.messages.find((m) => m.from === 'therapist' && m.id === messageId && m.delivery === 'failed');
    if (!failed) return;
    this.onDelivery({ conversationId, id: messageId, text: failed.text }, 'sending', {});
    this.outbox.add({ conversationId, id: messageId, text: failed.text });
  }

  setTyping(conversationId: string, typing: boolean): void {
    if (this.socket.connected) this.socket.emit('typing:set', { conversationId, typing });
  }

  async end(conversationId: string, options: { closingMessage?: string; handBack: boolean }): Promise<Ack | null> {
    const closingMessage = options.closingMessage?.trim();
    const ack = await this.request('conversation:end', { conversationId, handBack: options.handBack, ...(closingMessage ? { closingMessage } : {}) });
    if (ack?.ok || (ack && ack.code === 'not_active')) {
      this.drop(conversationId);
      this.update(conversationId, (c) => ({ ...c, clientTyping: false, ended: c.ended ?? { by: 'therapist', handBack: options.handBack, ...(closingMessage ? { closingMessage } : {}) } }));
    }
    return ack;
  }

  /** Removes an ended chat from the list. */
  close(conversationId: string): void {
    this.drop(conversationId);
    this.chats = this.chats.filter((c) => c.conversationId !== conversationId);
    if (this.openChatId === conversationId) this.openChatId = null;
    this.changed();
  }

  private listen(): void {
    const s = this.socket;
    s.on('connect', () => void this.onConnect());
    s.on('disconnect', (reason) => {
      this.setStatus('offline');
      this.outbox.setOnline(false);
      for (const chat of this.chats) if (chat.clientTyping) this.setClientTyping(chat.conversationId, false);
      // The server closed us on purpose (signed out elsewhere, or a restart): Socket.IO will not retry.
      if (reason === 'io server disconnect') void this.reconnectIfSignedIn();
    });
    s.on('connect_error', () => {
      this.setStatus('offline');
      // A refusal from the server's middleware (e.g. the session expired) is not retried by Socket.IO.
      if (!s.active) void this.reconnectIfSignedIn();
    });
    s.on('queue:updated', ({ queue }) => {
      this.queueUpdates++;
      this.setQueue(queue);
    });
    s.on('message:received', ({ conversationId, message }) => {
      const chat = this.chat(conversationId);
      if (!chat || message.seq > lastSeq(chat) + 1) void this.catchUp();
      if (!chat) return;
      this.update(conversationId, (c) => ({
        ...c,
        messages: mergeMessages(c.messages, [message]),
        clientTyping: message.from === 'client' ? false : c.clientTyping,
        unread: message.from === 'client' && this.openChatId !== conversationId && !c.messages.some((m) => m.seq === message.seq) ? c.unread + 1 : c.unread,
      }));
      if (message.from === 'therapist') this.outbox.confirm(message.id, message.seq);
      else this.emit('client-message', { chat: this.chat(conversationId)! });
    });
    s.on('risk:raised', ({ conversationId, risk }) => {
      if (!this.chat(conversationId)) return;
      this.update(conversationId, (c) => ({ ...c, risk }));
      this.emit('risk-raised', { chat: this.chat(conversationId)! });
    });
    s.on('typing:changed', ({ conversationId, typing }) => this.setClientTyping(conversationId, typing));
    s.on('client:presence', ({ conversationId, online }) => {
      this.update(conversationId, (c) => ({ ...c, clientOnline: online, clientTyping: online && c.clientTyping }));
    });
    s.on('conversation:ended', ({ conversationId, by }) => {
      const chat = this.chat(conversationId);
      if (!chat || chat.ended) return;
      this.drop(conversationId);
      this.update(conversationId, (c) => ({ ...c, clientTyping: false, ended: { by, handBack: false } }));
      this.emit('chat-ended', { chat: this.chat(conversationId)! });
    });
    // Every console tab gets this (the relay tells the therapist's every connection), and each one
    // forgets the messages. A chat still in the queue just leaves it.
    s.on('conversation:deleted', ({ conversationId }) => {
      this.deleted.add(conversationId);
      if (this.queue.some((e) => e.conversationId === conversationId)) {
        this.queueUpdates++;
        this.setQueue(this.queue.filter((e) => e.conversationId !== conversationId));
      }
      const chat = this.chat(conversationId);
      if (!chat || chat.ended?.deleted) return;
      this.drop(conversationId);
      this.setClientTyping(conversationId, false);
      this.update(conversationId, deletedChat);
      this.emit('chat-ended', { chat: this.chat(conversationId)! });
    });
  }

  private async onConnect(): Promise<void> {
    const asked = this.queueUpdates;
    const [queue] = await Promise.all([this.request('queue:list', {}), this.catchUp()]);
    // Not over a newer queue:updated that came while the list (and the catch-up) was on its way.
    if (queue?.ok && this.queueUpdates === asked) this.setQueue(queue.queue);
    this.setStatus('online');
    this.outbox.setOnline(true);
  }

  /**
   * Everything missed in the chats held: after a reconnect, a live message beyond the next expected
   * number, or a message for a chat claimed in another tab.
   */
  private async catchUp(): Promise<void> {
    const lastSeqs = Object.fromEntries(this.chats.filter((c) => !c.ended).map((c) => [c.conversationId, lastSeq(c)]));
    const mine = await this.request('conversation:mine', { lastSeq: lastSeqs });
    if (mine?.ok) {
      const held = new Set(mine.conversations.map((v) => v.conversationId));
      for (const view of mine.conversations) this.addView(view);
      // Held before the drop but not any more: it ended, or went back to the queue after the grace period.
      for (const chat of this.chats) {
        if (!chat.ended && !held.has(chat.conversationId)) {
          this.drop(chat.conversationId);
          this.update(chat.conversationId, (c) => ({ ...c, ended: { by: 'server', handBack: false } }));
        }
      }
    }
  }

  private drop(conversationId: string): void {
    this.outbox.drop((m) => m.conversationId === conversationId);
  }

  private addView(view: Parameters<typeof chatFromView>[0]): void {
    const existing = this.chat(view.conversationId);
    if (!existing) {
      this.chats = [...this.chats, chatFromView(view, this.nextNumber++)];
      this.changed();
    } else {
      this.update(view.conversationId, (c) => ({ ...c, risk: view.risk, shared: view.shared, clientOnline: view.clientOnline, messages: mergeMessages(c.messages, view.messages) }));
    }
    for (const m of view.messages) if (m.from === 'therapist') this.outbox.confirm(m.id, m.seq);
  }

  private setQueue(queue: QueueEntry[]): void {
    const previous = this.knownQueue;
    this.queue = queue;
    this.knownQueue = new Set(queue.map((e) => e.conversationId));
    this.changed();
    const added = previous ? queue.filter((e) => !previous.has(e.conversationId)) : [];
    if (added.length) this.emit('queue-added', { entries: added });
  }

  private setClientTyping(conversationId: string, typing: boolean): void {
    clearTimeout(this.typingTimers.get(conversationId));
    this.typingTimers.delete(conversationId);
    if (typing) this.typingTimers.set(conversationId, setTimeout(() => this.setClientTyping(conversationId, false), TYPING_EXPIRES));
    if (this.chat(conversationId)?.clientTyping !== typing) this.update(conversationId, (c) => ({ ...c, clientTyping: typing }));
  }

  private onDelivery(m: OutgoingMessage, delivery: DeliveryState, detail: { seq?: number; failure?: ErrorCode }): void {
    this.update(m.conversationId, (c) => {
      const messages = c.messages.map((x) =>
        x.from === 'therapist' && x.id === m.id ? { ...x, delivery, seq: detail.seq ?? x.seq, failure: detail.failure } : x,
      );
      return { ...c, messages: messages.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity)) };
    });
  }

  /** Socket.IO gave up (the server refused or closed us): try again, unless the session is gone. */
  private async reconnectIfSignedIn(): Promise<void> {
    clearTimeout(this.retryTimer);
    let signedIn = true;
    try {
      signedIn = (await currentTherapist()) !== null;
    } catch {
      // The server cannot answer (e.g. restarting): keep trying.
    }
    if (!signedIn) return this.emit('signed-out', {});
    this.retryTimer = setTimeout(() => {
      if (!this.socket.connected) this.socket.connect();
    }, 3000);
  }

  private async request<E extends Requested>(event: E, payload: Parameters<TherapistToServerEvents[E]>[0]): Promise<AckOf<E> | null> {
    if (!this.socket.connected) return null;
    const socket = this.socket.timeout(ACK_TIMEOUT) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
    try {
      return (await socket.emitWithAck(event, payload)) as AckOf<E>;
    } catch {
      return null;
    }
  }

  private update(conversationId: string, change: (chat: HeldChat) => HeldChat): void {
    this.chats = this.chats.map((c) => (c.conversationId === conversationId ? change(c) : c));
    this.changed();
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.changed();
  }

  private changed(): void {
    this.dispatchEvent(new Event('change'));
  }

  private emit(name: string, detail: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }
}
