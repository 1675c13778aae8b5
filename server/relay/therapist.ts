/**
 * The `/therapist` namespace: the console. The session cookie is checked at the handshake and again
 * every minute, so signing out (or removing the account, or a password reset) also closes live
 * connections. A therapist acts only on chats they hold (`forbidden` otherwise); the person sees
 * their display name, never their username.
 *
 * Every tab of one therapist is in `t:<therapistId>` and in the rooms of every chat they hold, so
 * all their tabs hear the chat; a chat's events reach no other therapist.
 */
import { createHash } from 'node:crypto';
import type { ConversationView } from '../protocol.js';
import { therapistFromCookie } from '../auth/sessions.js';
import type { AppendResult } from '../store/store.js';
import {
  findStored,
  refusal,
  room,
  therapistRoom,
  viewOf,
  type RelayContext,
  type TherapistSocket,
} from './context.js';
import { describeError, fail, handle, type HandleOptions, type Outcome } from './handle.js';
import { therapistSchemas } from './schemas.js';

export const THERAPIST_EVENTS: ReadonlySet<string> = new Set([
  'queue:list',
  'conversation:claim',
  'conversation:mine',
  'message:send',
  'typing:set',
  'conversation:end',
]);

/** How often live connections check that their session still exists. */
export const SESSION_RECHECK_MS = 60_000;

/**
 * The id of a chat's closing message, fixed per chat: if the therapist's `end` is retried after a
 * lost answer, the closing message is stored once.
 */
const closingMessageId = (conversationId: string): string =>
  `closing-${createHash('sha256').update(conversationId).digest('base64url').slice(0, 22)}`;

/** `io.use` for `/therapist`: no valid session, no connection (`connect_error` with `unauthorised`). */
export function therapistAuth(ctx: RelayContext): (socket: TherapistSocket, next: (err?: Error) => void) => void {
  return (socket, next) => {
    therapistFromCookie(ctx.store, socket.request.headers.cookie, ctx.now()).then(
      (therapist) => {
        if (!therapist) return next(refusal('unauthorised'));
        socket.data.therapist = { id: therapist.id, username: therapist.username, displayName: therapist.displayName };
        socket.data.checkedAt = Date.now();
        next();
      },
      (error: unknown) => {
        ctx.log(describeError(error, 'the therapist sign-in check'));
        next(refusal('internal'));
      },
    );
  };
}

/** Disconnects therapist sockets whose session has gone; returns a function that stops the checks. */
export function startSessionChecks(ctx: RelayContext, everyMs = SESSION_RECHECK_MS): () => void {
  const timer = setInterval(() => {
    for (const socket of ctx.therapists.sockets.values()) {
      ctx.track(
        therapistFromCookie(ctx.store, socket.request.headers.cookie, ctx.now()).then((therapist) => {
          if (therapist?.id === socket.data.therapist.id) socket.data.checkedAt = Date.now();
          else socket.disconnect(true);
        }),
      );
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function registerTherapistHandlers(ctx: RelayContext, socket: TherapistSocket): void {
  const { store } = ctx;
  const me = socket.data.therapist;
  const options = (event: string): HandleOptions => ({ event, log: ctx.log, track: ctx.track });
  void socket.join(therapistRoom(me.id));
  ctx.presence.therapistConnected(me.id, socket);

  socket.on(
    'queue:list',
    handle(therapistSchemas.queueList, async () => ({ ok: true as const, queue: await ctx.queue.entries() }), options('queue:list')),
  );

  socket.on(
    'conversation:claim',
    handle(
      therapistSchemas.claim,
      async ({ conversationId }): Promise<Outcome<{ conversation: ConversationView }>> => {
        const won = await store.claim(conversationId, me.id, ctx.now().toISOString());
        const conversation = await store.conversationById(conversationId);
        if (!conversation) return fail('not_found');
        // Claiming again a chat one already holds (the first answer was lost) is not a defeat.
        const mine = conversation.status === 'active' && conversation.therapistId === me.id;
        if (!won && !mine) return fail(conversation.status === 'ended' ? 'not_active' : 'already_claimed');
        ctx.therapists.in(therapistRoom(me.id)).socketsJoin(room(conversationId));
        if (won) {
          ctx.queue.estimator.recordClaim(ctx.now().getTime());
          ctx.queue.changed();
        }
        const view = await viewOf(ctx, conversation, 0);
        return {
          ack: { ok: true, conversation: view },
          afterAck: () => {
            if (won) ctx.clients.to(room(conversationId)).emit('conversation:claimed', { therapistName: me.displayName });
          },
        };
      },
      options('conversation:claim'),
    ),
  );

  socket.on(
    'conversation:mine',
    handle(
      therapistSchemas.mine,
      async ({ lastSeq }): Promise<Outcome<{ conversations: ConversationView[] }>> => {
        const held = await store.activeFor(me.id);
        // Rooms before reading, as in the person's resume: nothing falls between replay and live.
        void socket.join(held.map((c) => room(c.id)));
        const conversations = await Promise.all(held.map((c) => viewOf(ctx, c, lastSeq[c.id] ?? 0)));
        return { ok: true, conversations };
      },
      options('conversation:mine'),
    ),
  );

  socket.on(
    'message:send',
    handle(
      therapistSchemas.message,
      async ({ conversationId, id, text }): Promise<Outcome<{ seq: number }>> => {
        const conversation = await store.conversationById(conversationId);
        if (!conversation) return fail('not_found');
        if (conversation.therapistId !== me.id) return fail('forbidden');
        if (conversation.status !== 'active') {
          const stored = await findStored(store, conversationId, 'therapist', id);
          return stored ? { ok: true, seq: stored.seq } : fail('not_active');
        }
        const { message, duplicate } = await store.appendMessage({ conversationId, id, from: 'therapist', text, now: ctx.now().toISOString() });
        return {
          ack: { ok: true, seq: message.seq },
          afterAck: () => {
            if (duplicate) return;
            ctx.clients.to(room(conversationId)).emit('message:received', message);
            socket.to(room(conversationId)).emit('message:received', { conversationId, message });
          },
        };
      },
      options('message:send'),
    ),
  );

  socket.on(
    'typing:set',
    handle(
      therapistSchemas.typing,
      async ({ conversationId, typing }): Promise<Outcome<object>> => {
        const conversation = await store.conversationById(conversationId);
        if (!conversation) return fail('not_found');
        if (conversation.therapistId !== me.id) return fail('forbidden');
        if (conversation.status !== 'active') return fail('not_active');
        ctx.clients.to(room(conversationId)).emit('typing:changed', { typing });
        return { ok: true };
      },
      options('typing:set'),
    ),
  );

  socket.on(
    'conversation:end',
    handle(
      therapistSchemas.end,
      async ({ conversationId, closingMessage, handBack }): Promise<Outcome<object>> => {
        const conversation = await store.conversationById(conversationId);
        if (!conversation) return fail('not_found');
        if (conversation.therapistId !== me.id) return fail('forbidden');
        if (conversation.status === 'ended') return { ok: true }; // a retry after a lost answer
        const now = ctx.now().toISOString();
        let closing: AppendResult | null = null;
        if (closingMessage) {
          closing = await store.appendMessage({ conversationId, id: closingMessageId(conversationId), from: 'therapist', text: closingMessage, now });
        }
        await store.end(conversationId, now);
        return {
          ack: { ok: true },
          afterAck: () => {
            // Sent even when it is a stored resend: the first `end` may have failed before it went
            // out, and receivers de-duplicate by seq.
            if (closing) {
              ctx.clients.to(room(conversationId)).emit('message:received', closing.message);
              socket.to(room(conversationId)).emit('message:received', { conversationId, message: closing.message });
            }
            ctx.clients.to(room(conversationId)).emit('conversation:ended', { by: 'therapist', handBack });
            ctx.therapists.in(room(conversationId)).socketsLeave(room(conversationId));
          },
        };
      },
      options('conversation:end'),
    ),
  );

  socket.on('disconnect', () => ctx.presence.therapistDisconnected(me.id, socket.id));
}
