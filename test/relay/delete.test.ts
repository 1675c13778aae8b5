/**
 * "Delete this chat" (`conversation:delete`) against the real relay, the real SQLite store and real
 * sockets: whatever state the chat is in, it is gone from the store at once, the holding therapist
 * is told on every tab, the token stops working, and nothing odd a peer sends can break it.
 */
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../server/protocol.js';
import {
  addTherapist,
  clientSocket,
  collect,
  connectTherapist,
  connected,
  newId,
  nextEvent,
  startConversation,
  relayRig,
  type RunningRelay,
} from './harness.js';

const rig = relayRig();
const { cleanups } = rig;

const relay = rig.start;

async function queued(r: RunningRelay) {
  const person = await startConversation(r.url);
  cleanups.push(() => person.socket.close());
  return person;
}

/** A person in a live chat with Sam, who has two console tabs open; one message each way. */
async function liveChat(r: RunningRelay) {
  const sam = await addTherapist(r.store, 'sam', 'Sam');
  const person = await queued(r);
  const tab1 = await connectTherapist(r.url, sam.cookie);
  const tab2 = await connectTherapist(r.url, sam.cookie);
  cleanups.push(() => tab1.close(), () => tab2.close());
  const claimed = nextEvent(person.socket, 'conversation:claimed');
  expect((await tab1.emitWithAck('conversation:claim', { conversationId: person.conversationId })).ok).toBe(true);
  await claimed;
  const { conversationId } = person;
  expect((await person.socket.emitWithAck('message:send', { id: newId(), text: 'I have not slept for days' })).ok).toBe(true);
  expect((await tab1.emitWithAck('message:send', { conversationId, id: newId(), text: 'I am glad you wrote.' })).ok).toBe(true);
  expect(await r.store.messagesAfter(conversationId, 0)).toHaveLength(2);
  return { sam, person, tab1, tab2, conversationId };
}

/** Nothing of the conversation is left in the store. */
async function expectGone(r: RunningRelay, conversationId: string): Promise<void> {
  expect(await r.store.conversationById(conversationId)).toBeNull();
  expect(await r.store.messagesAfter(conversationId, 0)).toEqual([]);
  expect((await r.store.queue()).map((c) => c.id)).not.toContain(conversationId);
}

describe('deleting a chat', () => {
  it('while queued: it leaves the queue, therapists see the new queue, and the store holds nothing of it', async () => {
    const r = await relay();
    const sam = await addTherapist(r.store, 'sam', 'Sam');
    const therapist = await connectTherapist(r.url, sam.cookie);
    cleanups.push(() => therapist.close());
    const other = await queued(r);
    const person = await queued(r);
    expect(person.position).toBe(2);

    const update = nextEvent<{ queue: QueueEntry[] }>(therapist, 'queue:updated', (p) => p.queue.length === 1);
    expect(await person.socket.emitWithAck('conversation:delete', {})).toEqual({ ok: true });
    expect((await update).queue.map((e) => e.conversationId)).toEqual([other.conversationId]);
    await expectGone(r, person.conversationId);
    const list = await therapist.emitWithAck('queue:list', {});
    expect(list.ok && list.queue.map((e) => e.conversationId)).toEqual([other.conversationId]);
    // The person who was ahead is untouched.
    expect(await r.store.conversationById(other.conversationId)).toMatchObject({ status: 'queued' });
    expect(r.errors).toEqual([]);
  });

  it('while live: the chat ends, every tab of the therapist is told, and messages are gone from the store', async () => {
    const r = await relay();
    const { person, tab1, tab2, conversationId } = await liveChat(r);
    const ended = collect(tab1, 'conversation:ended');
    const told = [nextEvent(tab1, 'conversation:deleted'), nextEvent(tab2, 'conversation:deleted')];

    expect(await person.socket.emitWithAck('conversation:delete', {})).toEqual({ ok: true });
    expect(await Promise.all(told)).toEqual([{ conversationId }, { conversationId }]);
    await expectGone(r, conversationId);
    // The console no longer holds it, and cannot write into it.
    const mine = await tab1.emitWithAck('conversation:mine', { lastSeq: {} });
    expect(mine.ok && mine.conversations).toEqual([]);
    expect(await tab2.emitWithAck('message:send', { conversationId, id: newId(), text: 'Are you there?' })).toEqual({ ok: false, code: 'not_found' });
    // "Deleted" says it ended; no separate `conversation:ended` to the therapist.
    expect(ended).toEqual([]);
    expect(r.errors).toEqual([]);
  });

  it('tells every console, so one that held the chat earlier drops its copy too', async () => {
    const r = await relay();
    const { person, conversationId } = await liveChat(r);
    const alex = await addTherapist(r.store, 'alex', 'Alex');
    const other = await connectTherapist(r.url, alex.cookie);
    cleanups.push(() => other.close());
    const told = nextEvent(other, 'conversation:deleted');
    expect((await person.socket.emitWithAck('conversation:delete', {})).ok).toBe(true);
    expect(await told).toEqual({ conversationId });
  });

  it('after the chat ended: the person may still delete it, and the therapist who held it is told', async () => {
    const r = await relay();
    const { person, tab1, conversationId } = await liveChat(r);
    const over = nextEvent(person.socket, 'conversation:ended');
    expect(await tab1.emitWithAck('conversation:end', { conversationId, handBack: false })).toEqual({ ok: true });
    await over;
    const told = nextEvent(tab1, 'conversation:deleted');
    expect(await person.socket.emitWithAck('conversation:delete', {})).toEqual({ ok: true });
    expect(await told).toEqual({ conversationId });
    await expectGone(r, conversationId);
  });

  it('the token no longer opens the chat, and the person’s other tab hears that it ended', async () => {
    const r = await relay();
    const person = await queued(r);
    const otherTab = clientSocket(r.url);
    cleanups.push(() => otherTab.close());
    await connected(otherTab);
    expect((await otherTab.emitWithAck('conversation:resume', { token: person.token, lastSeq: 0 })).ok).toBe(true);

    const ended = nextEvent(otherTab, 'conversation:ended');
    expect(await person.socket.emitWithAck('conversation:delete', {})).toEqual({ ok: true });
    expect(await ended).toEqual({ by: 'client', handBack: false });

    const later = clientSocket(r.url);
    cleanups.push(() => later.close());
    await connected(later);
    expect(await later.emitWithAck('conversation:resume', { token: person.token, lastSeq: 0 })).toEqual({ ok: false, code: 'not_found' });
    // The old tab is not left holding anything: writing there is refused, a new chat may start.
    expect(await otherTab.emitWithAck('message:send', { id: newId(), text: 'hello?' })).toEqual({ ok: false, code: 'not_found' });
    expect((await person.socket.emitWithAck('conversation:start', { shared: { flow: 'default' }, risk: 'none' })).ok).toBe(true);
  });

  it('refuses a malformed payload with bad_request and deletes nothing', async () => {
    const r = await relay({ rateLimit: { events: 1000, perMs: 1000 } });
    const person = await queued(r);
    const raw = person.socket as unknown as Socket;
    const other = await queued(r);
    for (const payload of ['text', 42, null, [], [{}], { conversationId: other.conversationId }, { token: other.token }, { all: true }]) {
      expect(await raw.emitWithAck('conversation:delete', payload), JSON.stringify(payload)).toEqual({ ok: false, code: 'bad_request' });
    }
    expect(await r.store.conversationById(person.conversationId)).toMatchObject({ status: 'queued' });
    expect(await r.store.conversationById(other.conversationId)).toMatchObject({ status: 'queued' });
    // A socket with no chat has nothing to delete.
    const stranger = clientSocket(r.url);
    cleanups.push(() => stranger.close());
    await connected(stranger);
    expect(await stranger.emitWithAck('conversation:delete', {})).toEqual({ ok: false, code: 'unauthorised' });
    // No payload at all is the same as `{}`.
    expect(await raw.emitWithAck('conversation:delete')).toEqual({ ok: true });
    expect(r.errors).toEqual([]);
  });

  it('is safe twice: at once on one socket, from two tabs, and again later, with exactly one ok', async () => {
    const r = await relay();
    const { person, conversationId, tab1 } = await liveChat(r);
    const otherTab = clientSocket(r.url);
    cleanups.push(() => otherTab.close());
    await connected(otherTab);
    expect((await otherTab.emitWithAck('conversation:resume', { token: person.token, lastSeq: 0 })).ok).toBe(true);
    const deleted = collect(tab1, 'conversation:deleted');

    const answers = await Promise.all([
      person.socket.emitWithAck('conversation:delete', {}),
      person.socket.emitWithAck('conversation:delete', {}),
      otherTab.emitWithAck('conversation:delete', {}),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual([
      { ok: false, code: 'not_found' },
      { ok: false, code: 'not_found' },
    ]);
    expect(await person.socket.emitWithAck('conversation:delete', {})).toEqual({ ok: false, code: 'not_found' });
    await expectGone(r, conversationId);
    // A round trip on the console's socket: anything sent before it has arrived.
    await tab1.emitWithAck('queue:list', {});
    expect(deleted).toEqual([{ conversationId }]);
    expect(r.errors).toEqual([]);
  });

  it('is rate-limited like every other event', async () => {
    const r = await relay({ rateLimit: { events: 3, perMs: 60_000 } });
    const person = await queued(r); // `conversation:start` took one
    const answers = await Promise.all([1, 2, 3].map(() => person.socket.emitWithAck('conversation:delete', {})));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers).toContainEqual({ ok: false, code: 'rate_limited' });
  });
});
