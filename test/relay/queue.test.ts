import { describe, expect, it } from 'vitest';
import type { QueueEntry, QueueState } from '../../server/protocol.js';
import { WaitEstimator } from '../../server/relay/queue.js';
import {
  addTherapist,
  clientSocket,
  connectTherapist,
  connected,
  newId,
  nextEvent,
  sleep,
  startConversation,
  relayRig,
  type RunningRelay,
} from './harness.js';

const rig = relayRig();
const { cleanups } = rig;

const relay = rig.start;

async function join(url: string, risk: 'none' | 'concern' | 'urgent', goal: string) {
  const person = await startConversation(url, risk, { flow: 'default', goal });
  cleanups.push(() => person.socket.close());
  // Distinct join times, so "longest waiting" has a clear answer.
  await sleep(5);
  return person;
}

describe('the queue', () => {
  it('is ordered urgent first, then by waiting time, and everyone hears every change', async () => {
    const { url, store } = await relay();
    const sam = await addTherapist(store, 'sam', 'Sam');
    const therapist = await connectTherapist(url, sam.cookie);
    cleanups.push(() => therapist.close());

    const a = await join(url, 'none', 'a');
    await join(url, 'concern', 'b');
    const c = await join(url, 'none', 'c');
    const d = await join(url, 'urgent', 'd');
    const list = await therapist.emitWithAck('queue:list', {});
    if (!list.ok) throw new Error(list.code);
    expect(list.queue.map((e) => e.shared.goal)).toEqual(['d', 'b', 'a', 'c']);
    expect(list.queue[0]).toMatchObject({ risk: 'urgent', returned: false, conversationId: d.conversationId });

    // The first person leaves: the therapist's list and the people behind them move up.
    const toTherapist = nextEvent<{ queue: QueueEntry[] }>(therapist, 'queue:updated', (p) => p.queue.length === 3);
    const toC = nextEvent<QueueState>(c.socket, 'queue:updated', (s) => s.position === 3);
    const toD = nextEvent<QueueState>(d.socket, 'queue:updated', () => true, 300);
    expect(await a.socket.emitWithAck('conversation:leave', {})).toEqual({ ok: true });
    expect((await toTherapist).queue.map((e) => e.shared.goal)).toEqual(['d', 'b', 'c']);
    expect(await toC).toEqual({ position: 3, waitSeconds: null });
    // Someone whose place did not change is not sent the same state again.
    await expect(toD).rejects.toThrow(/no queue:updated/);
  });

  it('answers start with a token, an id and a place; a resume returns where the chat stands', async () => {
    const { url } = await relay();
    const first = await join(url, 'none', 'first');
    const second = await startConversation(url, 'none');
    cleanups.push(() => second.socket.close());
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.position).toBe(2);
    // One live conversation per socket: a second start there is refused (resume it instead).
    expect(await first.socket.emitWithAck('conversation:start', { shared: { flow: 'default' }, risk: 'none' })).toEqual({ ok: false, code: 'forbidden' });

    const again = clientSocket(url);
    cleanups.push(() => again.close());
    await connected(again);
    const resumed = await again.emitWithAck('conversation:resume', { token: second.token, lastSeq: 0 });
    expect(resumed).toEqual({
      ok: true,
      conversationId: second.conversationId,
      status: 'queued',
      messages: [],
      therapistName: null,
      queue: { position: 2, waitSeconds: null },
    });
  });

  it('outside opening hours a start is refused with `closed`', async () => {
    const { url } = await relay({ isOpen: () => false });
    const socket = clientSocket(url);
    cleanups.push(() => socket.close());
    await connected(socket);
    expect(await socket.emitWithAck('conversation:start', { shared: { flow: 'default' }, risk: 'none' })).toEqual({ ok: false, code: 'closed' });
  });

  it('when two therapists claim at once, exactly one wins and the person sees only a display name', async () => {
    const { url, store } = await relay();
    const sam = await addTherapist(store, 'sam.w', 'Sam');
    const kim = await addTherapist(store, 'kim.l', 'Kim');
    const [t1, t2] = await Promise.all([connectTherapist(url, sam.cookie), connectTherapist(url, kim.cookie)]);
    cleanups.push(() => t1.close(), () => t2.close());

    for (let round = 0; round < 5; round++) {
      const person = await join(url, 'concern', `race ${round}`);
      const claimed = nextEvent<{ therapistName: string }>(person.socket, 'conversation:claimed');
      const answers = await Promise.all([
        t1.emitWithAck('conversation:claim', { conversationId: person.conversationId }),
        t2.emitWithAck('conversation:claim', { conversationId: person.conversationId }),
      ]);
      const winners = answers.filter((a) => a.ok);
      expect(winners).toHaveLength(1);
      expect(answers.find((a) => !a.ok)).toEqual({ ok: false, code: 'already_claimed' });
      const winnerName = answers[0]!.ok ? 'Sam' : 'Kim';
      expect(await claimed).toEqual({ therapistName: winnerName });
      expect((await store.conversationById(person.conversationId))?.therapistId).toBe(answers[0]!.ok ? sam.id : kim.id);
    }
    expect(await t1.emitWithAck('conversation:claim', { conversationId: 'no-such-conversation' })).toEqual({ ok: false, code: 'not_found' });
  });

  it('a claim whose answer was lost can be repeated by the same therapist', async () => {
    const { url, store } = await relay();
    const sam = await addTherapist(store, 'sam', 'Sam');
    const therapist = await connectTherapist(url, sam.cookie);
    cleanups.push(() => therapist.close());
    const person = await join(url, 'none', 'x');
    const first = await therapist.emitWithAck('conversation:claim', { conversationId: person.conversationId });
    const second = await therapist.emitWithAck('conversation:claim', { conversationId: person.conversationId });
    expect(first.ok && second.ok).toBe(true);
  });
});

describe('WaitEstimator', () => {
  it('has nothing to say before two recent claims, then scales with the place in the queue', () => {
    const estimator = new WaitEstimator();
    const t0 = Date.parse('2025-01-01T10:00:00Z');
    expect(estimator.estimate(1, t0)).toBeNull();
    estimator.recordClaim(t0);
    expect(estimator.estimate(1, t0)).toBeNull();
    estimator.recordClaim(t0 + 120_000);
    estimator.recordClaim(t0 + 240_000);
    expect(estimator.estimate(1, t0 + 240_000)).toBe(120);
    expect(estimator.estimate(3, t0 + 240_000)).toBe(360);
    // Claims older than an hour no longer count.
    expect(estimator.estimate(1, t0 + 3 * 3600_000)).toBeNull();
  });
});
