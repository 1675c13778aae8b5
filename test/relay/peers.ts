/**
 * Both ends of a chat as the widget and the console should behave, built on the relay's own
 * Outbox and Inbox: resend what is unacknowledged after a reconnect, replay from the last seen seq,
 * and show each message once, in order. `moveTo` carries a peer to a new server (after a restart).
 */
import type { ChatMessage, ErrorCode } from '../../server/protocol.js';
import { Inbox, Outbox } from '../../server/relay/outbox.js';
import { clientSocket, newId, therapistSocket, type ClientSocket, type TherapistSocket } from './harness.js';

const ACK_TIMEOUT = 5000;

/**
 * Counts acknowledged messages. `reached(n)` resolves in the same turn as the n-th acknowledgement,
 * when the Outbox has just sent the next message: a disconnect then catches one in flight.
 */
export class DeliveryCount {
  value = 0;
  private waiters: Array<{ n: number; resolve: () => void }> = [];

  count(): void {
    this.value += 1;
    this.waiters = this.waiters.filter((w) => (w.n <= this.value ? (w.resolve(), false) : true));
  }

  reached(n: number): Promise<void> {
    if (this.value >= n) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

export class ClientPeer {
  socket: ClientSocket;
  readonly received: ChatMessage[] = [];
  readonly failed: Array<{ id: string; code: ErrorCode }> = [];
  readonly inbox = new Inbox({ onMessage: (m) => this.received.push(m), onGap: () => void this.sync() });
  readonly outbox = new Outbox<{ id: string; text: string }>({
    send: (m) => {
      this.attempts += 1;
      return this.socket.timeout(ACK_TIMEOUT).emitWithAck('message:send', m);
    },
    // Our own message joins the conversation with the seq the server gave it.
    onDelivered: (m, seq) => {
      this.inbox.receive({ seq, id: m.id, from: 'client', text: m.text, at: '' });
      this.delivery.count();
    },
    onFailed: (m, code) => this.failed.push({ id: m.id, code }),
    retryDelayMs: 50,
  });
  /** True from a successful resume until the next disconnect. */
  synced = false;
  /** How many times `message:send` went out (more than the messages written: resends). */
  attempts = 0;
  readonly delivery = new DeliveryCount();

  constructor(
    url: string,
    readonly token: string,
  ) {
    this.socket = this.open(url);
  }

  send(text: string): { id: string; text: string } {
    const message = { id: newId('c'), text };
    this.outbox.add(message);
    return message;
  }

  moveTo(url: string): void {
    this.socket.removeAllListeners();
    this.socket.close();
    this.outbox.setOnline(false);
    this.socket = this.open(url);
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.close();
    this.outbox.setOnline(false);
  }

  private open(url: string): ClientSocket {
    const socket = clientSocket(url);
    socket.on('connect', () => void this.sync());
    socket.on('disconnect', () => {
      this.synced = false;
      this.outbox.setOnline(false);
    });
    socket.on('message:received', (m) => this.inbox.receive(m));
    return socket;
  }

  private async sync(): Promise<void> {
    const socket = this.socket;
    const ack = await socket
      .timeout(ACK_TIMEOUT)
      .emitWithAck('conversation:resume', { token: this.token, lastSeq: this.inbox.lastSeq })
      .catch(() => null);
    // No answer: the connection dropped again, and the next `connect` syncs.
    if (!ack?.ok || socket !== this.socket || !socket.connected) return;
    for (const m of ack.messages) if (m.from === 'client') this.outbox.confirm(m.id, m.seq);
    this.inbox.receive(ack.messages);
    this.synced = true;
    this.outbox.setOnline(true);
  }
}

interface Outgoing {
  conversationId: string;
  id: string;
  text: string;
}

export class TherapistPeer {
  socket: TherapistSocket;
  readonly received = new Map<string, ChatMessage[]>();
  readonly failed: Array<{ id: string; code: ErrorCode }> = [];
  private readonly inboxes = new Map<string, Inbox>();
  readonly outbox = new Outbox<Outgoing>({
    send: (m) => {
      this.attempts += 1;
      return this.socket.timeout(ACK_TIMEOUT).emitWithAck('message:send', m);
    },
    keyOf: (m) => m.conversationId,
    onDelivered: (m, seq) => {
      this.inbox(m.conversationId).receive({ seq, id: m.id, from: 'therapist', text: m.text, at: '' });
      this.delivery.count();
    },
    onFailed: (m, code) => this.failed.push({ id: m.id, code }),
    retryDelayMs: 50,
  });
  synced = false;
  attempts = 0;
  readonly delivery = new DeliveryCount();

  constructor(
    url: string,
    private readonly cookie: string,
  ) {
    this.socket = this.open(url);
  }

  /** Starts following a chat this therapist has claimed, with the messages the claim returned. */
  watch(conversationId: string, messages: ChatMessage[] = []): void {
    this.inbox(conversationId).receive(messages);
  }

  messages(conversationId: string): ChatMessage[] {
    return this.received.get(conversationId) ?? [];
  }

  send(conversationId: string, text: string): Outgoing {
    const message = { conversationId, id: newId('t'), text };
    this.outbox.add(message);
    return message;
  }

  moveTo(url: string): void {
    this.close();
    this.socket = this.open(url);
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.close();
    this.outbox.setOnline(false);
  }

  private inbox(conversationId: string): Inbox {
    let inbox = this.inboxes.get(conversationId);
    if (!inbox) {
      const list: ChatMessage[] = [];
      this.received.set(conversationId, list);
      inbox = new Inbox({ onMessage: (m) => list.push(m), onGap: () => void this.sync() });
      this.inboxes.set(conversationId, inbox);
    }
    return inbox;
  }

  private open(url: string): TherapistSocket {
    const socket = therapistSocket(url, this.cookie);
    socket.on('connect', () => void this.sync());
    socket.on('disconnect', () => {
      this.synced = false;
      this.outbox.setOnline(false);
    });
    socket.on('message:received', ({ conversationId, message }) => this.inbox(conversationId).receive(message));
    return socket;
  }

  private async sync(): Promise<void> {
    const socket = this.socket;
    const lastSeq = Object.fromEntries([...this.inboxes].map(([id, inbox]) => [id, inbox.lastSeq]));
    const ack = await socket.timeout(ACK_TIMEOUT).emitWithAck('conversation:mine', { lastSeq }).catch(() => null);
    if (!ack?.ok || socket !== this.socket || !socket.connected) return;
    for (const view of ack.conversations) {
      for (const m of view.messages) if (m.from === 'therapist') this.outbox.confirm(m.id, m.seq);
      this.inbox(view.conversationId).receive(view.messages);
    }
    this.synced = true;
    this.outbox.setOnline(true);
  }
}
