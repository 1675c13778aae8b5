/**
 * Untrusted input: a thousand broken events, each answered with an error code, and a relay that is
 * still fine afterwards (no crash, nothing logged as internal, a normal chat still works).
 */
import type { Socket } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, MAX_MESSAGE_LENGTH } from '../../server/protocol.js';
import {
  addTherapist,
  clientSocket,
  connectTherapist,
  connected,
  newId,
  nextEvent,
  sleep,
  startConversation,
  startRelay,
  relayRig,
} from './harness.js';

const rig = relayRig();
const { tmp, cleanups } = rig;

const long = (n: number) => 'x'.repeat(n);
/** Values that are wrong almost anywhere. */
const JUNK: unknown[] = [undefined, null, 0, -1, 1.5, 'text', '', true, [], [1, 2, 3], {}, { nested: { deeper: [null] } }, long(5000)];

interface Case {
  event: string;
  args: unknown[];
  /** The code this case must get; otherwise any error code except `internal`. */
  expect?: string;
}

function clientCases(): Case[] {
  const cases: Case[] = [];
  for (const j of JUNK) {
    cases.push({ event: 'conversation:start', args: [j] });
    cases.push({ event: 'conversation:start', args: [{ shared: j, risk: 'none' }] });
    cases.push({ event: 'conversation:start', args: [{ shared: { flow: 'default' }, risk: j }] });
    cases.push({ event: 'conversation:resume', args: [{ token: j, lastSeq: 0 }] });
    cases.push({ event: 'conversation:resume', args: [{ token: long(43), lastSeq: j }] });
    cases.push({ event: 'message:send', args: [j] });
    cases.push({ event: 'message:send', args: [{ id: j, text: 'hello' }] });
    cases.push({ event: 'message:send', args: [{ id: newId(), text: j === long(5000) ? 42 : j }] });
    cases.push({ event: 'typing:set', args: [{ typing: j }] });
    if (j !== undefined && (typeof j !== 'object' || Array.isArray(j))) cases.push({ event: 'conversation:leave', args: [j] });
  }
  cases.push(
    { event: 'message:send', args: [{ id: newId(), text: long(MAX_MESSAGE_LENGTH + 1) }], expect: 'too_large' },
    { event: 'message:send', args: [{ id: newId(), text: `  ${long(MAX_MESSAGE_LENGTH)}  ` }], expect: 'unauthorised' },
    { event: 'message:send', args: [{ id: newId(), text: '   \n\t ' }], expect: 'bad_request' },
    { event: 'message:send', args: [{ id: 'short', text: 'hello' }], expect: 'bad_request' },
    { event: 'message:send', args: [{ id: 'has spaces in it', text: 'hello' }], expect: 'bad_request' },
    { event: 'message:send', args: [{ id: long(65), text: 'hello' }], expect: 'bad_request' },
    { event: 'conversation:start', args: [{ shared: { flow: 'default', goal: long(3000) }, risk: 'none' }], expect: 'too_large' },
    { event: 'conversation:start', args: [{ shared: { flow: 'default', before: 11 }, risk: 'none' }], expect: 'bad_request' },
    { event: 'conversation:start', args: [{ shared: { flow: 'default', transcript: Array(401).fill({ from: 'bot', text: 'hi' }) }, risk: 'none' }], expect: 'too_large' },
    { event: 'conversation:start', args: [{ shared: { flow: 'default', plan: { what: 'walk' } }, risk: 'none' }], expect: 'bad_request' },
    { event: 'conversation:resume', args: [{ token: long(43), lastSeq: -1 }], expect: 'bad_request' },
    { event: 'conversation:resume', args: [{ token: `${long(42)}!`, lastSeq: 0 }], expect: 'bad_request' },
    { event: 'conversation:resume', args: [{ token: long(43), lastSeq: 0 }], expect: 'not_found' },
    { event: 'message:send', args: [{ id: newId(), text: 'hello' }, 'extra', 'arguments'], expect: 'unauthorised' },
    // No handler for these here: unknown events get an answer too.
    { event: 'conversation:claim', args: [{ conversationId: 'abcdefgh' }], expect: 'bad_request' },
    { event: 'toString', args: [{}], expect: 'bad_request' },
    { event: '__proto__', args: [{}], expect: 'bad_request' },
    { event: 'admin:wipe', args: [], expect: 'bad_request' },
  );
  return cases;
}

function therapistCases(): Case[] {
  const cases: Case[] = [];
  for (const j of JUNK) {
    cases.push({ event: 'conversation:claim', args: [{ conversationId: j }] });
    // (An empty record and a missing one are valid here: "nothing seen yet".)
    if (j !== undefined && JSON.stringify(j) !== '{}') cases.push({ event: 'conversation:mine', args: [{ lastSeq: j }] });
    cases.push({ event: 'message:send', args: [{ conversationId: 'abcdefgh', id: newId(), text: j === long(5000) ? {} : j }] });
    cases.push({ event: 'typing:set', args: [{ conversationId: j, typing: true }] });
    cases.push({ event: 'conversation:end', args: [{ conversationId: 'abcdefgh', handBack: j }] });
    if (j !== undefined && (typeof j !== 'object' || Array.isArray(j))) cases.push({ event: 'queue:list', args: [j] });
  }
  cases.push(
    { event: 'conversation:end', args: [{ conversationId: 'abcdefgh', handBack: false, closingMessage: long(3000) }], expect: 'too_large' },
    { event: 'conversation:mine', args: [{ lastSeq: { 'not an id!': 1 } }], expect: 'bad_request' },
    { event: 'conversation:mine', args: [{ lastSeq: Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`conversation${i}`, 0])) }], expect: 'bad_request' },
    { event: 'message:send', args: [{ conversationId: 'abcdefgh', id: newId(), text: long(2001) }], expect: 'too_large' },
    { event: 'message:send', args: [{ conversationId: 'abcdefgh', id: newId(), text: 'fine' }], expect: 'not_found' },
    { event: 'conversation:start', args: [{ shared: { flow: 'default' }, risk: 'none' }], expect: 'bad_request' },
  );
  return cases;
}

async function fire(socket: Socket, cases: Case[], count: number): Promise<void> {
  const picked = Array.from({ length: count }, (_, i) => cases[i % cases.length]!);
  // In batches: all of them at once would only measure the socket's buffer.
  for (let i = 0; i < picked.length; i += 50) {
    const batch = picked.slice(i, i + 50);
    const answers = await Promise.all(batch.map((c) => socket.timeout(5000).emitWithAck(c.event, ...c.args) as Promise<unknown>));
    answers.forEach((answer, k) => {
      const c = batch[k]!;
      const where = `${c.event} ${JSON.stringify(c.args).slice(0, 80)}`;
      expect(answer, where).toMatchObject({ ok: false });
      const code = (answer as { code: string }).code;
      expect(ERROR_CODES, where).toContain(code);
      expect(code, where).not.toBe('internal');
      if (c.expect) expect(code, where).toBe(c.expect);
    });
  }
}

describe('malformed and oversized events', () => {
  it('1,000 of them each get an error code, and the relay carries on', async () => {
    const r = (rig.running = await startRelay(tmp.file('malformed.db'), { rateLimit: { events: 100_000, perMs: 1000 } }));
    const sam = await addTherapist(r.store, 'sam', 'Sam');
    const person = clientSocket(r.url);
    const therapist = await connectTherapist(r.url, sam.cookie);
    cleanups.push(() => person.close(), () => therapist.close());
    await connected(person);

    await fire(person, clientCases(), 600);
    await fire(therapist, therapistCases(), 400);

    // Callbacks that are not functions, or no arguments at all: nothing to answer, nothing breaks.
    for (const socket of [person, therapist] as Socket[]) {
      socket.emit('message:send', { id: newId(), text: 'x' }, 'not a function');
      socket.emit('message:send');
      socket.emit('conversation:claim', null, 42);
    }
    await sleep(100);
    expect(person.connected && therapist.connected).toBe(true);

    // A normal chat still works, on these sockets and a new one.
    const started = await person.emitWithAck('conversation:start', { shared: { flow: 'default' }, risk: 'none' });
    if (!started.ok) throw new Error(started.code);
    expect((await therapist.emitWithAck('conversation:claim', { conversationId: started.conversationId })).ok).toBe(true);
    const received = nextEvent(therapist, 'message:received');
    expect(await person.emitWithAck('message:send', { id: newId(), text: 'hello' })).toEqual({ ok: true, seq: 1 });
    expect(await received).toMatchObject({ conversationId: started.conversationId, message: { text: 'hello' } });
    const another = await startConversation(r.url);
    cleanups.push(() => another.socket.close());
    expect(another.position).toBe(1);
    expect(r.errors).toEqual([]);
  }, 30_000);
});
