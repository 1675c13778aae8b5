/**
 * What the console shows, as plain data: the chats a therapist holds and their messages. Pure
 * functions only (no DOM, no socket), so the merge rules that keep "nothing lost, nothing shown
 * twice" are easy to read and to test.
 */
import type { ChatMessage, ConversationView, ErrorCode, RiskLevel, Sender, SharedSummary } from '../protocol.js';

export type DeliveryState = 'sending' | 'sent' | 'failed';

export interface ShownMessage {
  /** The sender's id; unique per conversation and sender. */
  id: string;
  /** Null until the server has stored it (our own messages, while sending). */
  seq: number | null;
  from: Sender;
  text: string;
  /** ISO time: the server's once stored, the local clock while sending. */
  at: string;
  /** Only for the therapist's own messages. */
  delivery?: DeliveryState;
  failure?: ErrorCode;
}

export type EndedBy = 'client' | 'server' | 'therapist';

export interface HeldChat {
  conversationId: string;
  /** "Chat 1", "Chat 2"…: the person is anonymous, so chats are numbered in the order claimed. */
  number: number;
  risk: RiskLevel;
  queuedAt: string;
  shared: SharedSummary;
  messages: ShownMessage[];
  clientOnline: boolean;
  clientTyping: boolean;
  /** Messages from the person not yet seen (the chat was not the open one). */
  unread: number;
  /** `deleted`: the person deleted the chat; its messages and what they shared are gone from here too. */
  ended: { by: EndedBy; handBack: boolean; closingMessage?: string; deleted?: boolean } | null;
}

/**
 * A chat the person deleted: ended, and emptied of everything they wrote or shared (the server has
 * already removed it). Only the number and the flow stay, so the tab can say what happened.
 */
export function deletedChat(chat: HeldChat): HeldChat {
  return {
    ...chat,
    shared: { flow: chat.shared.flow },
    messages: [],
    clientTyping: false,
    clientOnline: false,
    unread: 0,
    ended: { by: 'client', handBack: false, deleted: true },
  };
}

const key = (m: { from: Sender; id: string }) => `${m.from}:${m.id}`;

/**
 * Adds stored messages to a list: a message already there (same sender and id, e.g. our own one
 * that was sending, or one that arrived live and again in a catch-up) is updated, never repeated.
 * Stored messages are ordered by `seq`; ones still sending stay at the end in the order written.
 */
export function mergeMessages(list: readonly ShownMessage[], incoming: readonly ChatMessage[]): ShownMessage[] {
  const out = [...list];
  const index = new Map(out.map((m, i) => [key(m), i]));
  const seqs = new Set(out.map((m) => m.seq).filter((s): s is number => s !== null));
  for (const message of incoming) {
    const at = index.get(key(message));
    if (at !== undefined) {
      const existing = out[at]!;
      out[at] = { ...existing, seq: message.seq, at: message.at, ...(existing.delivery ? { delivery: 'sent', failure: undefined } : {}) };
    } else if (!seqs.has(message.seq)) {
      out.push({ id: message.id, seq: message.seq, from: message.from, text: message.text, at: message.at, ...(message.from === 'therapist' ? { delivery: 'sent' as const } : {}) });
      index.set(key(message), out.length - 1);
    }
    seqs.add(message.seq);
  }
  // Array sort is stable: messages still sending keep their order after the stored ones.
  return out.sort((a, b) => (a.seq ?? Infinity) - (b.seq ?? Infinity));
}

/** The highest sequence number seen: what to ask the server to continue from after a reconnect. */
export function lastSeq(chat: HeldChat): number {
  return chat.messages.reduce((max, m) => (m.seq !== null && m.seq > max ? m.seq : max), 0);
}

export function chatFromView(view: ConversationView, number: number): HeldChat {
  return {
    conversationId: view.conversationId,
    number,
    risk: view.risk,
    queuedAt: view.queuedAt,
    shared: view.shared,
    messages: mergeMessages([], view.messages),
    clientOnline: view.clientOnline,
    clientTyping: false,
    unread: 0,
    ended: view.status === 'ended' ? { by: 'server', handBack: false } : null,
  };
}

/** "waiting less than a minute", "waiting 3 min", "waiting 1 h 5 min". */
export function waitingText(queuedAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(queuedAt)) / 60_000));
  if (!Number.isFinite(minutes) || minutes < 1) return 'waiting less than a minute';
  if (minutes < 60) return `waiting ${minutes} min`;
  const rest = minutes % 60;
  return `waiting ${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}

/** Risk in words: the console never shows risk by colour alone. */
export function riskText(risk: RiskLevel): string | null {
  return risk === 'urgent' ? 'Urgent' : risk === 'concern' ? 'Concern' : null;
}

const FAILURES: Partial<Record<ErrorCode, string>> = {
  not_active: 'the chat has ended',
  too_large: 'the message is too long',
  rate_limited: 'too many messages at once; wait a moment',
  forbidden: 'this chat is no longer yours',
  not_found: 'the chat no longer exists',
};

export function failureText(code: ShownMessage['failure']): string {
  return (code && FAILURES[code]) ?? 'something went wrong';
}
