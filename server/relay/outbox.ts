/**
 * Delivery that loses nothing and shows nothing twice, for either end of a chat (the widget and the
 * console both use it). Plain classes with no Socket.IO import: the caller passes `send` and tells
 * them when the connection comes and goes.
 *
 * Outbox — what this side wrote and the server has not acknowledged.
 * - Every message carries its own id, so sending again is harmless: the server stores an id once
 *   and acknowledges a resend with the same seq.
 * - Messages with the same key (one chat) go one at a time, in order: the next leaves only when
 *   the previous one is acknowledged. Sending several at once would let a resend after a reconnect
 *   overtake a later message that got through, and the other side would read them out of order.
 * - Nothing is sent while offline (Socket.IO would buffer it and we would send it twice); when the
 *   connection is back — after the caller has resumed the chat — the head of each queue goes again.
 * - `rate_limited` and `internal` are retried after a pause that doubles (up to 30 s); any other
 *   refusal (`not_active`, `too_large`…) drops that message and reports it through `onFailed`.
 *
 * Inbox — the other side's messages (and our own, once acknowledged), in seq order, each once.
 * - The server numbers a chat's messages 1, 2, 3…; a number seen before is a duplicate, a number
 *   beyond the next expected one means something was missed in between.
 * - It is kept back until the gap is filled, and `onGap` asks the caller to replay from `lastSeq`
 *   (`conversation:resume` / `conversation:mine`). After a reconnect, live messages may arrive
 *   before the replay's answer; they wait in the same way, so the order never breaks.
 */
import type { Ack, ChatMessage, ErrorCode } from '../protocol.js';

export type SendResult = Ack<{ seq: number }>;

export interface OutboxOptions<M extends { id: string }> {
  /** Sends one message; rejects when no answer came (disconnected, or a timeout). */
  send: (message: M) => Promise<SendResult>;
  /** One ordered queue per key (per chat, for the console). Default: one queue. */
  keyOf?: (message: M) => string;
  onDelivered?: (message: M, seq: number) => void;
  onFailed?: (message: M, code: ErrorCode) => void;
  /** First pause before retrying a refused or unanswered send. Default 1000 ms. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
}

/** Refusals that may succeed later; everything else will be refused again. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['rate_limited', 'internal']);

interface Lane<M> {
  items: M[];
  /** Bumped whenever the attempt in flight stops mattering; a late answer to it is ignored. */
  attempt: number;
  busy: boolean;
  retry: ReturnType<typeof setTimeout> | undefined;
  delay: number;
}

type Settled = { ack: SendResult } | { lost: true };

export class Outbox<M extends { id: string }> {
  private readonly lanes = new Map<string, Lane<M>>();
  private online = false;
  private waiters: Array<() => void> = [];
  private readonly baseDelay: number;
  private readonly maxDelay: number;

  constructor(private readonly options: OutboxOptions<M>) {
    this.baseDelay = options.retryDelayMs ?? 1000;
    this.maxDelay = options.maxRetryDelayMs ?? 30_000;
  }

  /** Not yet acknowledged, in the order written (keep them, e.g. in session storage, to survive a reload). */
  get pending(): M[] {
    return [...this.lanes.values()].flatMap((lane) => lane.items);
  }

  add(message: M): void {
    const key = this.keyOf(message);
    const lane = this.lanes.get(key) ?? { items: [], attempt: 0, busy: false, retry: undefined, delay: this.baseDelay };
    this.lanes.set(key, lane);
    lane.items.push(message);
    this.pump(key);
  }

  /**
   * Connected (and the chat resumed) or disconnected. Coming back online abandons any attempt still
   * waiting for an answer from the old connection and sends every queue's head again at once;
   * saying "online" again while online (a replay after a gap) changes nothing.
   */
  setOnline(online: boolean): void {
    const returning = online && !this.online;
    this.online = online;
    for (const [key, lane] of this.lanes) {
      if (!online) {
        clearTimeout(lane.retry);
        lane.retry = undefined;
      } else if (returning) {
        this.reset(lane);
        this.pump(key);
      }
    }
  }

  /** The server has it (seen in a replay, or a late answer): stop sending it. */
  confirm(id: string, seq: number): void {
    for (const [key, lane] of this.lanes) {
      const index = lane.items.findIndex((m) => m.id === id);
      if (index === -1) continue;
      const [message] = lane.items.splice(index, 1);
      if (index === 0) this.reset(lane);
      this.options.onDelivered?.(message!, seq);
      this.pump(key);
      return;
    }
  }

  /** Forgets messages that can no longer be delivered (the chat ended); returns them. */
  drop(predicate: (message: M) => boolean): M[] {
    const dropped: M[] = [];
    for (const [key, lane] of this.lanes) {
      const head = lane.items[0];
      dropped.push(...lane.items.filter(predicate));
      lane.items = lane.items.filter((m) => !predicate(m));
      if (head !== lane.items[0]) this.reset(lane);
      this.pump(key);
    }
    return dropped;
  }

  /** Resolves once nothing is waiting to be acknowledged. */
  idle(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private keyOf(message: M): string {
    return this.options.keyOf?.(message) ?? '';
  }

  private reset(lane: Lane<M>): void {
    lane.attempt += 1;
    lane.busy = false;
    clearTimeout(lane.retry);
    lane.retry = undefined;
    lane.delay = this.baseDelay;
  }

  private pump(key: string): void {
    const lane = this.lanes.get(key);
    if (!lane) return;
    if (lane.items.length === 0) {
      this.lanes.delete(key);
      clearTimeout(lane.retry);
      if (this.lanes.size === 0) for (const resolve of this.waiters.splice(0)) resolve();
      return;
    }
    if (!this.online || lane.busy || lane.retry) return;
    const message = lane.items[0]!;
    const attempt = ++lane.attempt;
    lane.busy = true;
    void this.attemptSend(message).then((result) => this.settle(key, attempt, message, result));
  }

  private async attemptSend(message: M): Promise<Settled> {
    try {
      return { ack: await this.options.send(message) };
    } catch {
      return { lost: true };
    }
  }

  private settle(key: string, attempt: number, message: M, result: Settled): void {
    // An acknowledgement always counts, even a late one: the server stored the message.
    if ('ack' in result && result.ack.ok) return this.confirm(message.id, result.ack.seq);
    const lane = this.lanes.get(key);
    if (!lane || lane.attempt !== attempt) return;
    lane.busy = false;
    if ('lost' in result) {
      // Offline: it goes again when the connection is back. Online but unanswered: try again soon.
      if (this.online) this.retryLater(key, lane);
      return;
    }
    if (result.ack.ok) return;
    if (RETRYABLE.has(result.ack.code)) return this.retryLater(key, lane);
    lane.items.shift();
    lane.delay = this.baseDelay;
    this.options.onFailed?.(message, result.ack.code);
    this.pump(key);
  }

  private retryLater(key: string, lane: Lane<M>): void {
    lane.retry = setTimeout(() => {
      lane.retry = undefined;
      this.pump(key);
    }, lane.delay);
    lane.delay = Math.min(lane.delay * 2, this.maxDelay);
  }
}

export interface InboxOptions {
  /** Each message once, in seq order. */
  onMessage: (message: ChatMessage) => void;
  /** Something is missing before a message that arrived: replay from `lastSeq`. */
  onGap?: (lastSeq: number) => void;
  /** Where a restored chat left off (its last message's seq). Default 0. */
  lastSeq?: number;
}

export class Inbox {
  private last: number;
  private readonly early = new Map<number, ChatMessage>();
  private gapReported = false;

  constructor(private readonly options: InboxOptions) {
    this.last = options.lastSeq ?? 0;
  }

  /** The seq of the last message delivered: what to ask a replay to start after. */
  get lastSeq(): number {
    return this.last;
  }

  /** Live messages, a replay, or our own message once acknowledged (with the seq from the ack). */
  receive(messages: ChatMessage | readonly ChatMessage[]): void {
    for (const m of Array.isArray(messages) ? messages : [messages as ChatMessage]) {
      if (m.seq > this.last) this.early.set(m.seq, m);
    }
    for (let next = this.early.get(this.last + 1); next; next = this.early.get(this.last + 1)) {
      this.early.delete(next.seq);
      this.last = next.seq;
      this.options.onMessage(next);
    }
    if (this.early.size === 0) this.gapReported = false;
    else if (!this.gapReported) {
      this.gapReported = true;
      this.options.onGap?.(this.last);
    }
  }
}
