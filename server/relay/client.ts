/**
 * The `/client` namespace: the person in the widget. A socket has no identity until it starts a
 * conversation or resumes one with its token; from then on it acts on that conversation only (its
 * room `c:<id>`). Payloads never name a conversation, so there is nothing to point elsewhere.
 *
 * Decisions:
 * - A person can write only while a therapist holds the chat (`active`); while queued the widget
 *   shows the waiting view, and a message there would reach no one (`not_active`).
 * - An unknown token is `not_found`: it may belong to a chat already purged, and the widget then
 *   goes back to the self-guided flow.
 * - One socket holds one live conversation: `start` or a `resume` of another token is `forbidden`
 *   until that conversation has ended (after a hand-back the same page may ask for a person again).
 * - "Delete this chat" is `conversation:delete`, in `delete.ts`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { assessRisk } from '../../flows/safety/assess.js';
import type { ClientToServerEvents, ErrorCode, RiskLevel } from '../protocol.js';
import { findStored, hashToken, refusal, room, type AckData, type ClientSocket, type RelayContext } from './context.js';
import { registerDeleteHandler } from './delete.js';
import { fail, handle, type HandleOptions, type Outcome } from './handle.js';
import { clientSchemas } from './schemas.js';

const LEVELS: readonly RiskLevel[] = ['none', 'concern', 'urgent'];
const higherRisk = (a: RiskLevel, b: RiskLevel): RiskLevel => (LEVELS.indexOf(b) > LEVELS.indexOf(a) ? b : a);

export const CLIENT_EVENTS: ReadonlySet<string> = new Set([
  'conversation:start',
  'conversation:resume',
  'message:send',
  'typing:set',
  'conversation:leave',
  'conversation:delete',
]);

/** `https://Example.org/` and `https://example.org` are one origin; browsers send the latter. */
function normaliseOrigin(origin: string): string {
  try {
    return new URL(origin).origin;
  } catch {
    return origin;
  }
}

/**
 * Embedding allowlist, checked at the handshake. Browsers always send `Origin` on a cross-site
 * WebSocket or polling request, so a page not on the list cannot open the chat. (A script outside
 * a browser can send any header; this protects services' visitors, not the relay from scripts.)
 */
export function originGuard(allowed: readonly string[] | '*'): (socket: ClientSocket, next: (err?: Error) => void) => void {
  if (allowed === '*') return (_socket, next) => next();
  const list = new Set(allowed.map(normaliseOrigin));
  return (socket, next) => {
    const origin = socket.handshake.headers.origin;
    if (typeof origin === 'string' && list.has(normaliseOrigin(origin))) return next();
    next(refusal('forbidden'));
  };
}

export function registerClientHandlers(ctx: RelayContext, socket: ClientSocket): void {
  const { store } = ctx;
  socket.data.conversationId = null;
  const options = (event: string): HandleOptions => ({ event, log: ctx.log, track: ctx.track });

  /** A socket may take a conversation when it has none, has this one, or its own has ended (or was deleted). */
  const mayBind = async (conversationId: string | null): Promise<boolean> => {
    const current = socket.data.conversationId;
    if (current === null || current === conversationId) return true;
    const record = await store.conversationById(current);
    return record === null || record.status === 'ended';
  };

  const bind = (conversationId: string): void => {
    const previous = socket.data.conversationId;
    if (previous !== null && previous !== conversationId) {
      void socket.leave(room(previous));
      ctx.presence.clientDisconnected(previous, socket.id);
    }
    socket.data.conversationId = conversationId;
    void socket.join(room(conversationId));
    ctx.presence.clientConnected(conversationId, socket.id);
  };

  const bound = (): string | { ok: false; code: ErrorCode } => socket.data.conversationId ?? fail('unauthorised');

  socket.on(
    'conversation:start',
    handle(
      clientSchemas.start,
      async ({ shared, risk }): Promise<Outcome<AckData<ClientToServerEvents['conversation:start']>>> => {
        const now = ctx.now();
        if (!ctx.isOpen(now)) return fail('closed');
        if (!(await mayBind(null))) return fail('forbidden');
        // 256 random bits; only the hash is stored, so the token exists only in the person's browser.
        const token = randomBytes(32).toString('base64url');
        const conversationId = randomUUID();
        await store.createConversation({ id: conversationId, tokenHash: hashToken(token), shared, risk, now: now.toISOString() });
        bind(conversationId);
        ctx.queue.changed();
        // Claimed already (a therapist was very quick)? `conversation:claimed` is on its way.
        const state = (await ctx.queue.stateOf(conversationId)) ?? { position: 1, waitSeconds: null };
        return { ok: true, token, conversationId, ...state };
      },
      options('conversation:start'),
    ),
  );

  socket.on(
    'conversation:resume',
    handle(
      clientSchemas.resume,
      async ({ token, lastSeq }): Promise<Outcome<AckData<ClientToServerEvents['conversation:resume']>>> => {
        const found = await store.conversationByTokenHash(hashToken(token));
        if (!found) return fail('not_found');
        if (!(await mayBind(found.id))) return fail('forbidden');
        // Join the room before reading: anything stored after this point arrives live, anything
        // before is in `messages`; the overlap is de-duplicated by seq on the person's side.
        bind(found.id);
        const conversation = (await store.conversationById(found.id)) ?? found;
        const messages = await store.messagesAfter(found.id, lastSeq);
        const holder = conversation.status === 'active' ? conversation.therapistId : null;
        const therapist = holder === null ? null : await store.therapistById(holder);
        const queue = conversation.status === 'queued' ? await ctx.queue.stateOf(conversation.id) : null;
        const away = holder === null ? null : ctx.presence.awaySeconds(holder);
        return {
          ack: {
            ok: true,
            conversationId: conversation.id,
            status: conversation.status,
            messages,
            therapistName: therapist?.displayName ?? null,
            queue,
          },
          afterAck: () => {
            // The therapist dropped (or the server restarted) while this person was away too.
            if (away !== null) socket.emit('therapist:away', { graceSeconds: away });
          },
        };
      },
      options('conversation:resume'),
    ),
  );

  socket.on(
    'message:send',
    handle(
      clientSchemas.message,
      async ({ id, text }): Promise<Outcome<{ seq: number }>> => {
        const conversationId = bound();
        if (typeof conversationId !== 'string') return conversationId;
        const conversation = await store.conversationById(conversationId);
        if (!conversation) return fail('not_found');
        if (conversation.status !== 'active') {
          const stored = await findStored(store, conversationId, 'client', id);
          return stored ? { ok: true, seq: stored.seq } : fail('not_active');
        }
        const { message, duplicate } = await store.appendMessage({ conversationId, id, from: 'client', text, now: ctx.now().toISOString() });
        // Every new message is assessed (never logged); the chat keeps its highest level, which
        // orders the queue should it go back there. An urgent message alerts the therapist every time.
        let alert: RiskLevel | null = null;
        if (!duplicate) {
          const level = assessRisk(text).level;
          const highest = higherRisk(conversation.risk, level);
          if (highest !== conversation.risk) await store.raiseRisk(conversationId, highest);
          if (level === 'urgent' || highest !== conversation.risk) alert = highest;
        }
        return {
          ack: { ok: true, seq: message.seq },
          afterAck: () => {
            // A resend was broadcast the first time; peers replay anything they missed by seq.
            if (duplicate) return;
            socket.to(room(conversationId)).emit('message:received', message);
            ctx.therapists.to(room(conversationId)).emit('message:received', { conversationId, message });
            if (alert) {
              ctx.therapists.to(room(conversationId)).emit('risk:raised', { conversationId, risk: alert });
              ctx.queue.changed();
            }
          },
        };
      },
      options('message:send'),
    ),
  );

  socket.on(
    'typing:set',
    handle(
      clientSchemas.typing,
      async ({ typing }): Promise<Outcome<object>> => {
        const conversationId = bound();
        if (typeof conversationId !== 'string') return conversationId;
        const conversation = await store.conversationById(conversationId);
        if (conversation?.status !== 'active') return fail('not_active');
        ctx.therapists.to(room(conversationId)).emit('typing:changed', { conversationId, typing });
        return { ok: true };
      },
      options('typing:set'),
    ),
  );

  socket.on(
    'conversation:leave',
    handle(
      clientSchemas.leave,
      async (): Promise<Outcome<object>> => {
        const conversationId = bound();
        if (typeof conversationId !== 'string') return conversationId;
        const conversation = await store.conversationById(conversationId);
        if (!conversation) return fail('not_found');
        if (conversation.status === 'ended') return { ok: true }; // leaving twice (a retry) is fine
        await store.end(conversationId, ctx.now().toISOString());
        return {
          ack: { ok: true },
          afterAck: () => {
            ctx.queue.changed();
            ctx.therapists.to(room(conversationId)).emit('conversation:ended', { conversationId, by: 'client' });
            ctx.therapists.in(room(conversationId)).socketsLeave(room(conversationId));
            // The person's other tabs.
            socket.to(room(conversationId)).emit('conversation:ended', { by: 'client', handBack: false });
          },
        };
      },
      options('conversation:leave'),
    ),
  );

  registerDeleteHandler(ctx, socket, options('conversation:delete'));

  socket.on('disconnect', () => {
    const conversationId = socket.data.conversationId;
    if (conversationId !== null) ctx.presence.clientDisconnected(conversationId, socket.id);
  });
}
