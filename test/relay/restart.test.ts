import { describe, expect, it } from 'vitest';
import type { QueueState } from '../../server/protocol.js';
import {
  addTherapist,
  clientSocket,
  connectTherapist,
  connected,
  nextEvent,
  sleep,
  startConversation,
  startRelay,
  relayRig,
  until,
  type RunningRelay,
} from './harness.js';
import { ClientPeer, TherapistPeer } from './peers.js';

const { tmp, cleanups, servers } = relayRig();

async function start(file: string, graceMs: number): Promise<RunningRelay> {
  const relay = await startRelay(file, { graceMs, rateLimit: { events: 1000, perMs: 1000 } });
  servers.push(relay);
  return relay;
}

describe('a server restart', () => {
  it('in the middle of a conversation loses nothing, and the chat carries on', async () => {
    const file = tmp.file('restart.db');
    const first = await start(file, 5000);
    const sam = await addTherapist(first.store, 'sam', 'Sam');
    const opener = await startConversation(first.url, 'urgent');
    opener.socket.close();
    const client = new ClientPeer(first.url, opener.token);
    const console_ = new TherapistPeer(first.url, sam.cookie);
    cleanups.push(() => client.close(), () => console_.close());
    await until(() => client.synced && console_.synced, 5000, 'peers connected');
    const claim = await console_.socket.emitWithAck('conversation:claim', { conversationId: opener.conversationId });
    if (!claim.ok) throw new Error(claim.code);
    const id = opener.conversationId;
    console_.watch(id, claim.conversation.messages);

    const written = { client: [] as string[], therapist: [] as string[] };
    const say = (n: number, tag: string) => {
      for (let i = 0; i < n; i++) {
        written.client.push(client.send(`person ${tag} ${i}`).id);
        written.therapist.push(console_.send(id, `therapist ${tag} ${i}`).id);
      }
    };
    say(10, 'before');
    await Promise.all([client.outbox.idle(), console_.outbox.idle()]);
    // Some still travelling when the server goes down, some written while it is down.
    say(3, 'in flight');
    await first.stop();
    say(3, 'while down');

    const second = await start(file, 5000);
    expect(second.url).not.toBe(first.url);
    // The chat is as it was: active, held by Sam, all messages stored.
    expect(await second.store.conversationById(id)).toMatchObject({ status: 'active', therapistId: sam.id });

    // The person is back first: Sam is not, and the person is told Sam is away for now.
    const away = new Promise<{ graceSeconds: number }>((resolve) => {
      client.moveTo(second.url);
      client.socket.once('therapist:away', resolve);
    });
    expect((await away).graceSeconds).toBeGreaterThan(0);
    const back = nextEvent(client.socket, 'therapist:back');
    console_.moveTo(second.url);
    await back;

    await Promise.all([client.outbox.idle(), console_.outbox.idle()]);
    say(2, 'after');
    await Promise.all([client.outbox.idle(), console_.outbox.idle()]);
    const total = 2 * (10 + 3 + 3 + 2);
    await until(() => client.received.length === total && console_.messages(id).length === total, 5000, 'every message on both sides');

    for (const seen of [client.received, console_.messages(id)]) {
      expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(seen.filter((m) => m.from === 'client').map((m) => m.id)).toEqual(written.client);
      expect(seen.filter((m) => m.from === 'therapist').map((m) => m.id)).toEqual(written.therapist);
    }
    expect(await second.store.messagesAfter(id, 0)).toHaveLength(total);
    expect((await second.store.conversationById(id))?.status).toBe('active');
    expect([...first.errors, ...second.errors]).toEqual([]);
  }, 30_000);

  it('gives timers back: a therapist who does not return loses the chat, an absent person their queue place', async () => {
    const file = tmp.file('restart-grace.db');
    const first = await start(file, 60_000);
    const sam = await addTherapist(first.store, 'sam', 'Sam');
    const held = await startConversation(first.url, 'none');
    const waiting = await startConversation(first.url, 'none');
    const therapist = await connectTherapist(first.url, sam.cookie);
    expect((await therapist.emitWithAck('conversation:claim', { conversationId: held.conversationId })).ok).toBe(true);
    held.socket.close();
    waiting.socket.close();
    therapist.close();
    await first.stop();

    // Restarted with a short grace period; the person in the live chat comes back, nobody else does.
    const second = await start(file, 300);
    const person = clientSocket(second.url);
    cleanups.push(() => person.close());
    await connected(person);
    const requeued = nextEvent<QueueState>(person, 'conversation:requeued', () => true, 3000);
    const resumed = await person.emitWithAck('conversation:resume', { token: held.token, lastSeq: 0 });
    expect(resumed).toMatchObject({ ok: true, status: 'active', therapistName: 'Sam' });
    expect(await requeued).toEqual({ position: 1, waitSeconds: null });
    await until(async () => (await second.store.conversationById(waiting.conversationId))?.status === 'ended', 2000, 'the empty queue place given up');
    expect(await second.store.conversationById(held.conversationId)).toMatchObject({ status: 'queued', returned: true });
    await sleep(50);
    expect(second.errors).toEqual([]);
  });
});
