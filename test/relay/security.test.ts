import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { hashSessionToken } from '../../server/auth/sessions.js';
import type { ChatMessage } from '../../server/protocol.js';
import {
  addTherapist,
  clientSocket,
  collect,
  connectTherapist,
  connected,
  newId,
  nextEvent,
  refusalCode,
  sleep,
  startConversation,
  relayRig,
  therapistSocket,
  until,
  type RunningRelay,
} from './harness.js';

const rig = relayRig();
const { cleanups } = rig;

const relay = rig.start;

/** Two live chats: A with Sam, B with Kim. */
async function twoChats(r: RunningRelay) {
  const sam = await addTherapist(r.store, 'sam', 'Sam');
  const kim = await addTherapist(r.store, 'kim', 'Kim');
  const a = await startConversation(r.url);
  const b = await startConversation(r.url);
  const tSam = await connectTherapist(r.url, sam.cookie);
  const tKim = await connectTherapist(r.url, kim.cookie);
  cleanups.push(() => a.socket.close(), () => b.socket.close(), () => tSam.close(), () => tKim.close());
  expect((await tSam.emitWithAck('conversation:claim', { conversationId: a.conversationId })).ok).toBe(true);
  expect((await tKim.emitWithAck('conversation:claim', { conversationId: b.conversationId })).ok).toBe(true);
  return { a, b, tSam, tKim };
}

describe('a conversation token', () => {
  it('opens its own conversation and no other', async () => {
    const r = await relay();
    const { a, b, tSam, tKim } = await twoChats(r);
    const atKim = collect<{ conversationId: string }>(tKim, 'message:received');
    const atB = collect<ChatMessage>(b.socket, 'message:received');
    const atA = collect<ChatMessage>(a.socket, 'message:received');

    // A's socket cannot take B's conversation, even with B's real token.
    expect(await a.socket.emitWithAck('conversation:resume', { token: b.token, lastSeq: 0 })).toEqual({ ok: false, code: 'forbidden' });
    // A made-up token opens nothing; a socket without a token can do nothing.
    const stranger = clientSocket(r.url);
    cleanups.push(() => stranger.close());
    await connected(stranger);
    const forged = randomBytes(32).toString('base64url');
    expect(await stranger.emitWithAck('conversation:resume', { token: forged, lastSeq: 0 })).toEqual({ ok: false, code: 'not_found' });
    expect(await stranger.emitWithAck('message:send', { id: newId(), text: 'hi' })).toEqual({ ok: false, code: 'unauthorised' });
    expect(await stranger.emitWithAck('conversation:leave', {})).toEqual({ ok: false, code: 'unauthorised' });

    // Naming B in a payload changes nothing: the message goes to A's own chat.
    const sent = await a.socket.emitWithAck('message:send', { id: newId(), text: 'for A only', conversationId: b.conversationId } as never);
    expect(sent).toEqual({ ok: true, seq: 1 });
    expect(await r.store.messagesAfter(b.conversationId, 0)).toEqual([]);

    // Sam holds A, not B.
    const foreign = { conversationId: b.conversationId };
    expect(await tSam.emitWithAck('message:send', { ...foreign, id: newId(), text: 'x' })).toEqual({ ok: false, code: 'forbidden' });
    expect(await tSam.emitWithAck('conversation:end', { ...foreign, handBack: false })).toEqual({ ok: false, code: 'forbidden' });
    expect(await tSam.emitWithAck('conversation:claim', foreign)).toEqual({ ok: false, code: 'already_claimed' });
    const mine = await tSam.emitWithAck('conversation:mine', { lastSeq: { [b.conversationId]: 0, [a.conversationId]: 0 } });
    expect(mine.ok && mine.conversations.map((c) => c.conversationId)).toEqual([a.conversationId]);
    tSam.emit('typing:set', { ...foreign, typing: true });

    // Kim's chat carries on untouched, and none of it reaches A.
    expect((await tKim.emitWithAck('message:send', { ...foreign, id: newId(), text: 'for B' })).ok).toBe(true);
    await until(() => atB.length === 1);
    await sleep(100);
    expect(atKim).toEqual([]);
    expect(atA).toEqual([]);
    expect(atB.map((m) => m.text)).toEqual(['for B']);
  });
});

describe('handshakes', () => {
  it('refuse a console without a valid session', async () => {
    const r = await relay();
    const sam = await addTherapist(r.store, 'sam', 'Sam');
    const expired = randomBytes(32).toString('base64url');
    await r.store.createSession({ tokenHash: hashSessionToken(expired), therapistId: sam.id, expiresAt: new Date(Date.now() - 1000).toISOString() });
    for (const cookie of [undefined, 'sst_session=nonsense', `sst_session=${randomBytes(32).toString('base64url')}`, `sst_session=${expired}`]) {
      const socket = therapistSocket(r.url, cookie);
      cleanups.push(() => socket.close());
      const error = await connected(socket).then(() => null, (e: unknown) => e);
      expect(refusalCode(error)).toBe('unauthorised');
      socket.close();
    }
  });

  it('close a console connection once its session is signed out', async () => {
    const r = await relay({ sessionCheckMs: 100 });
    const sam = await addTherapist(r.store, 'sam', 'Sam');
    const socket = await connectTherapist(r.url, sam.cookie);
    cleanups.push(() => socket.close());
    const gone = nextEvent<string>(socket, 'disconnect', () => true, 2000);
    await r.store.deleteSession(hashSessionToken(sam.cookie.split('=')[1]!));
    expect(await gone).toBe('io server disconnect');
  });

  it('refuse a widget embedded on a page not on the allowlist', async () => {
    const r = await relay({ allowedOrigins: ['https://clinic.example/'] });
    for (const origin of ['https://evil.example', 'http://clinic.example', undefined]) {
      const socket = clientSocket(r.url, { origin });
      cleanups.push(() => socket.close());
      const error = await connected(socket).then(() => null, (e: unknown) => e);
      expect(refusalCode(error)).toBe('forbidden');
      socket.close();
    }
    const allowed = clientSocket(r.url, { origin: 'https://clinic.example' });
    cleanups.push(() => allowed.close());
    await connected(allowed);
    // Nothing is served on the main namespace.
    const root = io(r.url, { transports: ['websocket'], forceNew: true, reconnection: false });
    cleanups.push(() => root.close());
    expect(refusalCode(await connected(root).then(() => null, (e: unknown) => e))).toBe('not_found');
  });
});

describe('rate limiting', () => {
  it('answers a flood with rate_limited and lets the socket go on once the bucket refills', async () => {
    const r = await relay({ rateLimit: { events: 5, perMs: 500 } });
    const sam = await addTherapist(r.store, 'sam', 'Sam');
    const therapist = await connectTherapist(r.url, sam.cookie);
    cleanups.push(() => therapist.close());
    const answers = await Promise.all(Array.from({ length: 12 }, () => therapist.emitWithAck('queue:list', {})));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    expect(answers.filter((a) => !a.ok)).toEqual(Array(7).fill({ ok: false, code: 'rate_limited' }));
    // Events without an acknowledgement are dropped quietly.
    for (let i = 0; i < 50; i++) therapist.emit('typing:set', { conversationId: 'abcdefgh', typing: true });
    await sleep(550);
    expect((await therapist.emitWithAck('queue:list', {})).ok).toBe(true);
    // Another socket has its own bucket.
    const person = clientSocket(r.url);
    cleanups.push(() => person.close());
    await connected(person);
    expect((await person.emitWithAck('conversation:start', { shared: { flow: 'default' }, risk: 'none' })).ok).toBe(true);
  });
});
