/**
 * Runtime validation for every payload a peer can send. The shapes follow `server/protocol.ts`;
 * the limits are ours. Unknown keys are stripped (a newer widget may send more), never passed on.
 *
 * Sizes: message text is trimmed, then 1..MAX_MESSAGE_LENGTH characters (`too_large` above that).
 * A shared summary is bounded field by field, so the largest valid one stays well under Socket.IO's
 * packet limit (1 MB) and a transcript cannot be used to fill the database.
 */
import { z } from 'zod';
import { MAX_MESSAGE_LENGTH, MESSAGE_ID_PATTERN, type SharedSummary } from '../protocol.js';

/** How much of the self-guided conversation a person can share (the widget keeps the last 200). */
export const MAX_TRANSCRIPT_ENTRIES = 400;
/** How many chats one `conversation:mine` may ask about (far more than one person can hold). */
export const MAX_MINE_ENTRIES = 200;

export const MessageId = z.string().regex(new RegExp(MESSAGE_ID_PATTERN));
export const MessageText = z.string().trim().min(1).max(MAX_MESSAGE_LENGTH);
/** Conversation ids are UUIDs we issue; anything else of a plausible shape is just not found. */
export const ConversationId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** 32 random bytes in base64url, unpadded: always 43 characters. */
export const ClientToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
const Seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Risk = z.enum(['none', 'concern', 'urgent']);
const Rating = z.number().int().min(0).max(10);
const Field = z.string().max(MAX_MESSAGE_LENGTH);
/** Events whose payload is `{}`: a missing payload is accepted too (`socket.emit('queue:list', ack)`). */
const Empty = z.object({}).default({});
/**
 * `{}` and nothing else. For "Delete this chat" an unexpected key is refused (`bad_request`), not
 * stripped: a payload naming a conversation must never look as if it chose which one is deleted.
 */
const StrictEmpty = z.strictObject({}).default({});

const Shared = z.object({
  flow: z.string().min(1).max(64),
  goal: Field.optional(),
  before: Rating.optional(),
  scaleNow: Rating.optional(),
  strengths: Field.optional(),
  plan: z.object({ what: Field, when: Field, where: Field, obstacle: Field, ifThen: Field }).optional(),
  transcript: z
    .array(z.object({ from: z.enum(['bot', 'person']), text: Field }))
    .max(MAX_TRANSCRIPT_ENTRIES)
    .optional(),
}) satisfies z.ZodType<SharedSummary>;

export const clientSchemas = {
  start: z.object({ shared: Shared, risk: Risk }),
  resume: z.object({ token: ClientToken, lastSeq: Seq }),
  message: z.object({ id: MessageId, text: MessageText }),
  typing: z.object({ typing: z.boolean() }),
  leave: Empty,
  delete: StrictEmpty,
};

export const therapistSchemas = {
  queueList: Empty,
  claim: z.object({ conversationId: ConversationId }),
  mine: z.object({
    lastSeq: z
      .record(ConversationId, Seq)
      .refine((r) => Object.keys(r).length <= MAX_MINE_ENTRIES, { error: 'too many conversations' })
      .default({}),
  }),
  message: z.object({ conversationId: ConversationId, id: MessageId, text: MessageText }),
  typing: z.object({ conversationId: ConversationId, typing: z.boolean() }),
  // An empty or blank closing message is treated as none (a console may send the empty field).
  end: z.object({ conversationId: ConversationId, closingMessage: z.string().trim().max(MAX_MESSAGE_LENGTH).optional(), handBack: z.boolean() }),
};
