import { describe, expect, it } from 'vitest';
import type { QueueEntry, QueueState } from '../../server/protocol.js';
import {
  addTherapist,
  clientSocket,
  collect,
  connectTherapist,
  connected,
  newId,
  nextEvent,
  sleep,
  startConversation,
  relayRig,
  until,
} from './harness.js';

const rig = relayRig();
const { cleanups } = rig;

const GRACE_MS = 300;

async function liveChat() {
  rig.running = await rig.start({ graceMs: GRACE_MS });
  const sam = await addTherapist(rig.running.store, 'sam', 'Sam');
  const person = await startConversation(rig.running.url, 'concern');
  const therapist = await connectTherapist(rig.running.url, sam.cookie);
  cleanups.push(() => person.socket.close(), () => therapist.close());
  expect((await therapist.emitWithAck('conversation:claim', { conversationId: person.conversationId })).ok).toBe(true);
  return { relay: rig.running, sam, person, therapist, conversationId: person.conversationId };
}

describe('a therapist who drops', () => {
  it('is waited for during the grace period; then the chat goes back to the top of its level and the person is told', async () => {
    const { relay, person, therapist, conversationId } = await liveChat();
    // Someone of the same risk level who has waited longer: a returned chat still goes first.
    const waiting = await startConversation(relay.url, 'concern');
    cleanups.push(() => waiting.socket.close());
    const kim = await addTherapist(relay.store, 'kim', 'Kim');
    const other = await connectTherapist(relay.url, kim.cookie);
    cleanups.push(() => other.close());

    const away = nextEvent<{ graceSeconds: number }>(person.socket, 'therapist:away');
    const requeued = nextEvent<QueueState>(person.socket, 'conversation:requeued');
    const queueSeen = nextEvent<{ queue: QueueEntry[] }>(other, 'queue:updated', (p) => p.queue.length === 2);
    const droppedAt = Date.now();
    therapist.disconnect();

    expect(await away).toEqual({ graceSeconds: 1 });
    expect(await requeued).toEqual({ position: 1, waitSeconds: null });
    expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(GRACE_MS - 20);
    const { queue } = await queueSeen;
    expect(queue.map((e) => [e.conversationId, e.returned])).toEqual([
      [conversationId, true],
      [waiting.conversationId, false],
    ]);
    expect(await relay.store.conversationById(conversationId)).toMatchObject({ status: 'queued', therapistId: null });
    // Nobody holds it now: the person waits again, and another therapist can take it.
    expect(await person.socket.emitWithAck('message:send', { id: newId(), text: 'hello?' })).toEqual({ ok: false, code: 'not_active' });
    expect((await other.emitWithAck('conversation:claim', { conversationId })).ok).toBe(true);
  });

  it('who comes back within the grace period keeps the chat, and the person hears they are back', async () => {
    const { relay, person, therapist, conversationId } = await liveChat();
    const events = collect<unknown>(person.socket, 'conversation:requeued');
    const away = nextEvent(person.socket, 'therapist:away');
    const back = nextEvent(person.socket, 'therapist:back');
    therapist.io.engine.close(); // the console reconnects on its own, well within the grace period
    await away;
    await back;
    await sleep(GRACE_MS + 150);
    expect(events).toEqual([]);
    expect((await relay.store.conversationById(conversationId))?.status).toBe('active');
    // Catching up after the gap: what the person wrote meanwhile comes with `conversation:mine`.
    await until(() => therapist.connected);
    expect((await person.socket.emitWithAck('message:send', { id: newId(), text: 'still there?' })).ok).toBe(true);
    const mine = await therapist.emitWithAck('conversation:mine', { lastSeq: { [conversationId]: 0 } });
    expect(mine.ok && mine.conversations.map((c) => [c.conversationId, c.messages.map((m) => m.text)])).toEqual([[conversationId, ['still there?']]]);
  });
});

describe('both dropping', () => {
  it('requeues the chat, then gives up the queue place if the person is not back either', async () => {
    const { relay, person, therapist, conversationId } = await liveChat();
    person.socket.disconnect();
    therapist.disconnect();
    await until(async () => (await relay.store.conversationById(conversationId))?.status === 'queued', 2000, 'requeued');
    await until(async () => (await relay.store.conversationById(conversationId))?.status === 'ended', 2000, 'queue place given up');
  });
});

describe('a person who drops', () => {
  it('from a live chat: the therapist sees them go and come back, and the chat stays', async () => {
    const { relay, person, therapist, conversationId } = await liveChat();
    const offline = nextEvent(therapist, 'client:presence');
    person.socket.disconnect();
    expect(await offline).toEqual({ conversationId, online: false });
    await sleep(GRACE_MS + 100);
    expect((await relay.store.conversationById(conversationId))?.status).toBe('active');

    const online = nextEvent(therapist, 'client:presence');
    const again = clientSocket(relay.url);
    cleanups.push(() => again.close());
    await connected(again);
    const resumed = await again.emitWithAck('conversation:resume', { token: person.token, lastSeq: 0 });
    expect(resumed).toMatchObject({ ok: true, status: 'active', therapistName: 'Sam', queue: null });
    expect(await online).toEqual({ conversationId, online: true });
  });

  it('from the queue, and not back in time: their place is given up', async () => {
    const { relay } = await liveChat();
    const person = await startConversation(relay.url, 'none');
    person.socket.disconnect();
    await until(async () => (await relay.store.conversationById(person.conversationId))?.status === 'ended', 2000, 'the queue place given up');

    // Back within the grace period: the place is kept.
    const keeper = await startConversation(relay.url, 'none');
    keeper.socket.disconnect();
    await sleep(GRACE_MS / 3);
    const again = clientSocket(relay.url);
    cleanups.push(() => again.close());
    await connected(again);
    expect(await again.emitWithAck('conversation:resume', { token: keeper.token, lastSeq: 0 })).toMatchObject({ ok: true, status: 'queued' });
    await sleep(GRACE_MS + 100);
    expect((await relay.store.conversationById(keeper.conversationId))?.status).toBe('queued');
  });
});
