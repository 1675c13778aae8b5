/**
 * "Delete this chat" (`conversation:delete`): the person removes their conversation from the server
 * at once — messages, shared summary and token — instead of waiting for the retention purge.
 *
 * Decisions:
 * - Allowed whenever the person's token still opens the chat: queued, active, and ended too (an
 *   ended chat is kept until the purge, and it is theirs to remove sooner). Only the socket's own
 *   conversation can be deleted; the payload is `{}` and nothing else (see `schemas.ts`).
 * - The store's `deleteConversation` is one transaction that also keeps the chat's anonymous
 *   HandoffStat (no text) for the report. Of two deletes at once exactly one removes the row and is
 *   answered `ok`; the other, and any later one, is `not_found`. Nothing is ever logged about it.
 * - A live chat ends with it. Every console gets `conversation:deleted` (the id only), so the
 *   therapist who holds it, on every tab, and one who held it before it went back to the queue,
 *   drop their copy of the messages. Not `conversation:ended` as well: "deleted" says both.
 *   Therapists' queues are refreshed.
 * - The person's sockets leave the chat's room and presence forgets it (no grace timer, no presence
 *   events later). The sockets stay connected: the same page may ask for a person again. Their
 *   other tabs are told `conversation:ended` (by the client); a resume with the token is `not_found`.
 */
import { room, type ClientSocket, type RelayContext } from './context.js';
import { fail, handle, type HandleOptions, type Outcome } from './handle.js';
import { clientSchemas } from './schemas.js';

export function registerDeleteHandler(ctx: RelayContext, socket: ClientSocket, options: HandleOptions): void {
  socket.on(
    'conversation:delete',
    handle(
      clientSchemas.delete,
      async (): Promise<Outcome<object>> => {
        // Still set after a delete, so a second delete from this socket is `not_found`, not `unauthorised`.
        const conversationId = socket.data.conversationId;
        if (conversationId === null) return fail('unauthorised');
        const conversation = await ctx.store.conversationById(conversationId);
        if (!conversation) return fail('not_found');
        if (!(await ctx.store.deleteConversation(conversationId, ctx.now().toISOString()))) return fail('not_found');
        ctx.presence.forgetConversation(conversationId);
        const chat = room(conversationId);
        return {
          ack: { ok: true },
          afterAck: () => {
            ctx.queue.changed();
            // To every console (the id only): a therapist who lost the chat to the queue earlier, or
            // whose claim is still on its way, must drop their copy too. Consoles ignore unknown ids.
            ctx.therapists.emit('conversation:deleted', { conversationId });
            ctx.therapists.in(chat).socketsLeave(chat);
            socket.to(chat).emit('conversation:ended', { by: 'client', handBack: false });
            ctx.clients.in(chat).socketsLeave(chat);
          },
        };
      },
      options,
    ),
  );
}
