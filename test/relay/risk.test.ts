/**
 * Risk in live chat: the server assesses each message from the person (flows/safety/); the chat
 * keeps its highest level, which orders the queue, and the therapist holding it gets `risk:raised`.
 */
import { describe, expect, it } from 'vitest';
import type { QueueEntry } from '../../server/protocol.js';
import {
  addTherapist,
  collect,
  connectTherapist,
  newId,
  nextEvent,
  sleep,
  startConversation,
  relayRig,
} from './harness.js';

const rig = relayRig();
const { cleanups } = rig;

const URGENT = 'I am going to kill myself tonight, I have the pills here';
// No rule of the lexicon lists this; the trained model under it reads it as urgent.
const URGENT_UNLISTED = "I've put the dog's lead and my letters on the table for mum, she'll find them in the morning";

/** A person in a chat that Sam has claimed, and the risk alerts Sam hears from then on. */
async function claimedChat() {
  const running = (rig.running = await rig.start());
  const sam = await addTherapist(running.store, 'sam', 'Sam');
  const person = await startConversation(running.url);
  const therapist = await connectTherapist(running.url, sam.cookie);
  cleanups.push(() => person.socket.close(), () => therapist.close());
  expect((await therapist.emitWithAck('conversation:claim', { conversationId: person.conversationId })).ok).toBe(true);
  return { running, person, raised: collect<{ risk: string }>(therapist, 'risk:raised') };
}

describe('risk in live chat', () => {
  it('an urgent message raises the chat to urgent, re-orders the queue and alerts the therapist holding it', async () => {
    rig.running = await rig.start();
    const sam = await addTherapist(rig.running.store, 'sam', 'Sam');
    const kim = await addTherapist(rig.running.store, 'kim', 'Kim');
    // Someone already waiting, not at risk; then the person whose chat Sam claims.
    const waiting = await startConversation(rig.running.url);
    const person = await startConversation(rig.running.url);
    const therapist = await connectTherapist(rig.running.url, sam.cookie);
    const other = await connectTherapist(rig.running.url, kim.cookie);
    cleanups.push(() => waiting.socket.close(), () => person.socket.close(), () => therapist.close(), () => other.close());
    expect((await therapist.emitWithAck('conversation:claim', { conversationId: person.conversationId })).ok).toBe(true);

    const raised = collect<{ conversationId: string; risk: string }>(therapist, 'risk:raised');
    const elsewhere = collect(other, 'risk:raised');
    const queueUpdate = nextEvent<{ queue: QueueEntry[] }>(therapist, 'queue:updated');
    const ack = await person.socket.emitWithAck('message:send', { id: newId(), text: URGENT });
    expect(ack.ok).toBe(true);
    await queueUpdate; // the queue was broadcast again after the risk changed
    await sleep(50);
    expect(raised).toEqual([{ conversationId: person.conversationId, risk: 'urgent' }]);
    expect(elsewhere).toEqual([]); // only the therapist who holds the chat
    expect((await rig.running.store.conversationById(person.conversationId))?.risk).toBe('urgent');

    // Should the chat go back to the queue, it goes ahead of the earlier, non-urgent one.
    await rig.running.store.requeue(person.conversationId, new Date().toISOString());
    const queue = await therapist.emitWithAck('queue:list', {});
    expect(queue.ok && queue.queue.map((e) => [e.conversationId, e.risk])).toEqual([
      [person.conversationId, 'urgent'],
      [waiting.conversationId, 'none'],
    ]);
  });

  it('an ordinary message changes nothing; a later one never lowers the level; every urgent one alerts', async () => {
    const { running, person, raised } = await claimedChat();
    const send = (text: string, id = newId()) => person.socket.emitWithAck('message:send', { id, text });

    await send('Thanks for talking with me, my exams went fine');
    await sleep(50);
    expect(raised).toEqual([]);
    const id = newId();
    await send(URGENT, id);
    await send(URGENT, id); // a resend of the same message: stored once, alerts once
    await send('ok, thank you');
    await send(URGENT);
    await sleep(50);
    expect(raised.map((r) => r.risk)).toEqual(['urgent', 'urgent']);
    expect((await running.store.conversationById(person.conversationId))?.risk).toBe('urgent');
  });

  it('a message in words no rule lists, read as urgent by the trained model, raises the chat too', async () => {
    const { running, person, raised } = await claimedChat();
    expect((await person.socket.emitWithAck('message:send', { id: newId(), text: URGENT_UNLISTED })).ok).toBe(true);
    await sleep(50);
    expect(raised.map((r) => r.risk)).toEqual(['urgent']);
    expect((await running.store.conversationById(person.conversationId))?.risk).toBe('urgent');
  });
});
