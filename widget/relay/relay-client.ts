/**
 * The widget's side of the live relay, and the only module that imports socket.io-client: it is
 * loaded when the person asks for a human, never before.
 *
 * Delivery that loses nothing: every message gets an id made here; it stays in `pending` (kept in
 * session storage by the caller, so it survives a reload) until the server acknowledges it, and is
 * sent again after a reconnect (the shared Outbox). Incoming messages go through the shared Inbox:
 * in `seq` order, each once; a gap or a reconnect asks for everything after the last `seq` seen.
 */
import { io, type Socket } from 'socket.io-client';
import { Inbox, Outbox } from '../../server/relay/outbox.js';
import type {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  ConversationStatus,
  QueueState,
  RiskLevel,
  ServerToClientEvents,
  SharedSummary,
} from '../../server/protocol.js';

export interface RelayState {
  token: string | null;
  status: ConversationStatus | 'new';
  therapistName: string | null;
  queue: QueueState | null;
  messages: ChatMessage[];
  /** Sent by the person, not yet acknowledged: `{ id, text }` in the order typed. */
  pending: Array<{ id: string; text: string }>;
}

export interface RelayListener {
  /** Any change of state; persist it and re-render. */
  changed(state: RelayState): void;
  typing(typing: boolean): void;
  away(graceSeconds: number | null): void;
  requeued(): void;
  ended(by: 'therapist' | 'client' | 'server', handBack: boolean): void;
  online(connected: boolean): void;
}

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type AckedEvent = Exclude<keyof ClientToServerEvents, 'typing:set'>;
type AckOf<E extends AckedEvent> = ClientToServerEvents[E] extends (payload: never, ack: (response: infer R) => void) => void ? R : never;

export const emptyRelayState = (): RelayState => ({ token: null, status: 'new', therapistName: null, queue: null, messages: [], pending: [] });

export class RelayClient {
  #socket: ClientSocket;
  #state: RelayState;
  #listener: RelayListener;
  #outbox: Outbox<{ id: string; text: string }>;
  #inbox: Inbox;
  #offline: () => void;
  #online: () => void;

  constructor(server: string, state: RelayState, listener: RelayListener) {
    this.#state = state;
    this.#listener = listener;
    this.#inbox = new Inbox({
      lastSeq: state.messages.at(-1)?.seq ?? 0,
      onMessage: (m) => this.#set({ messages: [...this.#state.messages, m] }),
      onGap: () => void this.#resume(),
    });
    this.#outbox = new Outbox({
      send: (m) => this.#emit('message:send', m),
      onDelivered: (m, seq) => {
        this.#set({ pending: this.#state.pending.filter((p) => p.id !== m.id) });
        this.#inbox.receive({ seq, id: m.id, from: 'client', text: m.text, at: new Date().toISOString() });
      },
      onFailed: (m) => this.#set({ pending: this.#state.pending.filter((p) => p.id !== m.id) }),
    });
    // Messages written before a reload go again (the server stores each id once).
    for (const message of state.pending) this.#outbox.add(message);

    // The server may live under a path (https://example.org/chat/): Socket.IO's path follows it.
    const base = new URL(server, document.baseURI);
    const prefix = base.pathname.endsWith('/') ? base.pathname : `${base.pathname}/`;
    this.#socket = io(`${base.origin}/client`, { path: `${prefix}socket.io`, withCredentials: false });
    // When the browser knows it is offline, say so at once and reconnect as soon as it is back,
    // instead of waiting for heartbeats to time out.
    this.#offline = () => this.#socket.disconnect();
    this.#online = () => this.#socket.connect();
    window.addEventListener('offline', this.#offline);
    window.addEventListener('online', this.#online);
    this.#socket.on('connect', () => {
      listener.online(true);
      if (this.#state.token) void this.#resume();
    });
    this.#socket.on('disconnect', () => {
      this.#outbox.setOnline(false);
      listener.online(false);
    });
    this.#socket.on('queue:updated', (queue) => this.#set({ queue }));
    this.#socket.on('conversation:claimed', ({ therapistName }) => this.#set({ status: 'active', therapistName, queue: null }));
    this.#socket.on('message:received', (m) => this.#inbox.receive(m));
    this.#socket.on('typing:changed', ({ typing }) => listener.typing(typing));
    this.#socket.on('therapist:away', ({ graceSeconds }) => listener.away(graceSeconds));
    this.#socket.on('therapist:back', () => listener.away(null));
    this.#socket.on('conversation:requeued', (queue) => {
      this.#set({ status: 'queued', therapistName: null, queue });
      listener.requeued();
    });
    this.#socket.on('conversation:ended', ({ by, handBack }) => {
      this.#set({ status: 'ended' });
      listener.ended(by, handBack);
    });
  }

  get state(): RelayState {
    return this.#state;
  }

  /** Joins the queue with what the person chose to share. */
  async start(shared: SharedSummary, risk: RiskLevel): Promise<Ack> {
    const ack = await this.#emit('conversation:start', { shared, risk });
    if (ack.ok) {
      this.#set({ token: ack.token, status: 'queued', queue: { position: ack.position, waitSeconds: ack.waitSeconds } });
      this.#outbox.setOnline(true);
    }
    return ack;
  }

  send(text: string): void {
    const message = { id: crypto.randomUUID().replace(/-/g, ''), text };
    this.#set({ pending: [...this.#state.pending, message] });
    this.#outbox.add(message);
  }

  typing(typing: boolean): void {
    if (this.#socket.connected && this.#state.status === 'active') this.#socket.emit('typing:set', { typing });
  }

  async leave(): Promise<void> {
    if (this.#socket.connected) await this.#emit('conversation:leave', {}).catch(() => undefined);
    this.#set({ status: 'ended' });
  }

  /**
   * "Delete this chat": the server ends it and removes it. `deleted` also when the server no longer
   * has it (`not_found`: an earlier delete whose answer was lost, or a chat already purged). Offline
   * or unanswered is `offline` and any other refusal `failed`: the chat is then still there, and
   * the caller must say so. After `deleted` this client is closed and holds nothing.
   */
  async delete(): Promise<'deleted' | 'offline' | 'failed'> {
    if (!this.#socket.connected || !this.#state.token) return 'offline';
    let ack = await this.#emit('conversation:delete', {}).catch(() => null);
    // Just reconnected: this socket is linked to the chat only once the resume is answered.
    if (ack && !ack.ok && ack.code === 'unauthorised') {
      const resumed = await this.#resume();
      ack = resumed === 'gone' ? { ok: false, code: 'not_found' } : await this.#emit('conversation:delete', {}).catch(() => null);
    }
    if (!ack) return 'offline';
    if (!ack.ok && ack.code !== 'not_found') return 'failed';
    // Nothing left to send or to show: unsent messages go with the chat.
    this.#outbox.drop(() => true);
    this.close();
    // Not reported as a change: the caller clears what it stored, and nothing may write it back.
    this.#state = emptyRelayState();
    return 'deleted';
  }

  close(): void {
    window.removeEventListener('offline', this.#offline);
    window.removeEventListener('online', this.#online);
    this.#socket.close();
  }

  /** After a (re)connect or a gap: catch up from the last message seen, then send what is waiting. */
  async #resume(): Promise<'resumed' | 'gone' | 'failed'> {
    const ack = await this.#emit('conversation:resume', { token: this.#state.token!, lastSeq: this.#inbox.lastSeq }).catch(() => null);
    if (!ack) return 'failed';
    if (!ack.ok) {
      if (ack.code === 'not_found' || ack.code === 'forbidden') this.#set({ status: 'ended' });
      return ack.code === 'not_found' ? 'gone' : 'failed';
    }
    this.#set({ status: ack.status, therapistName: ack.therapistName, queue: ack.queue });
    this.#inbox.receive(ack.messages);
    for (const m of ack.messages) if (m.from === 'client') this.#outbox.confirm(m.id, m.seq);
    this.#outbox.setOnline(true);
    return 'resumed';
  }

  #set(patch: Partial<RelayState>): void {
    this.#state = { ...this.#state, ...patch };
    this.#listener.changed(this.#state);
  }

  /** emitWithAck with a timeout, so a lost connection does not leave a promise hanging forever. */
  #emit<E extends AckedEvent>(event: E, payload: Parameters<ClientToServerEvents[E]>[0]): Promise<AckOf<E>> {
    const socket = this.#socket.timeout(10_000) as unknown as { emitWithAck(e: E, p: unknown): Promise<AckOf<E>> };
    return socket.emitWithAck(event, payload);
  }
}
