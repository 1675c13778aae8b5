import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../server/protocol.js';
import { Inbox, Outbox, type SendResult } from '../../server/relay/outbox.js';

interface Msg {
  id: string;
  chat?: string;
}

/** A `send` whose answers the test gives by hand. */
function manualSend() {
  const calls: Array<{ message: Msg; answer: (r: SendResult) => void; lose: () => void }> = [];
  const send = (message: Msg) =>
    new Promise<SendResult>((resolve, reject) => calls.push({ message, answer: resolve, lose: () => reject(new Error('disconnected')) }));
  return { calls, send };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const msg = (seq: number, id = `m${seq}`): ChatMessage => ({ seq, id, from: 'client', text: id, at: '' });

describe('Outbox', () => {
  it('sends one message at a time per chat, in order, and nothing while offline', async () => {
    const { calls, send } = manualSend();
    const delivered: string[] = [];
    const outbox = new Outbox<Msg>({ send, keyOf: (m) => m.chat ?? '', onDelivered: (m) => delivered.push(m.id) });
    outbox.add({ id: 'a1', chat: 'a' });
    outbox.add({ id: 'a2', chat: 'a' });
    outbox.add({ id: 'b1', chat: 'b' });
    expect(calls).toHaveLength(0);
    outbox.setOnline(true);
    expect(calls.map((c) => c.message.id)).toEqual(['a1', 'b1']);
    calls[0]!.answer({ ok: true, seq: 1 });
    await flush();
    expect(calls.map((c) => c.message.id)).toEqual(['a1', 'b1', 'a2']);
    expect(delivered).toEqual(['a1']);
  });

  it('after a lost connection sends the head again, and a late answer to the old attempt still counts once', async () => {
    const { calls, send } = manualSend();
    const delivered: Array<[string, number]> = [];
    const outbox = new Outbox<Msg>({ send, onDelivered: (m, seq) => delivered.push([m.id, seq]) });
    outbox.setOnline(true);
    outbox.add({ id: 'x' });
    outbox.add({ id: 'y' });
    outbox.setOnline(false);
    outbox.setOnline(true);
    expect(calls.map((c) => c.message.id)).toEqual(['x', 'x']);
    calls[0]!.answer({ ok: true, seq: 7 }); // the first attempt's answer arrives late
    await flush();
    calls[1]!.answer({ ok: true, seq: 7 }); // the resend is a duplicate: same seq
    await flush();
    expect(delivered).toEqual([['x', 7]]);
    expect(calls.map((c) => c.message.id)).toEqual(['x', 'x', 'y']);
    // A lost send (rejected) while offline waits for the connection; "online" twice resends nothing.
    outbox.setOnline(false);
    calls[2]!.lose();
    await flush();
    outbox.setOnline(true);
    outbox.setOnline(true);
    expect(calls.map((c) => c.message.id)).toEqual(['x', 'x', 'y', 'y']);
  });

  it('confirm() (seen in a replay) stops resending; refusals are retried or reported', async () => {
    const { calls, send } = manualSend();
    const failed: Array<[string, string]> = [];
    const outbox = new Outbox<Msg>({ send, onFailed: (m, code) => failed.push([m.id, code]), retryDelayMs: 5 });
    outbox.setOnline(true);
    outbox.add({ id: 'one' });
    outbox.add({ id: 'two' });
    outbox.add({ id: 'three' });
    outbox.confirm('one', 1);
    expect(calls.map((c) => c.message.id)).toEqual(['one', 'two']);
    calls[1]!.answer({ ok: false, code: 'rate_limited' });
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.map((c) => c.message.id)).toEqual(['one', 'two', 'two']);
    calls[2]!.answer({ ok: false, code: 'too_large' });
    await flush();
    expect(failed).toEqual([['two', 'too_large']]);
    expect(outbox.pending.map((m) => m.id)).toEqual(['three']);
    const idle = outbox.idle();
    calls[3]!.answer({ ok: true, seq: 2 });
    await idle;
    expect(outbox.pending).toEqual([]);
  });

  it('drop() forgets what can no longer be delivered', () => {
    const { calls, send } = manualSend();
    const outbox = new Outbox<Msg>({ send, keyOf: (m) => m.chat ?? '' });
    outbox.add({ id: 'a1', chat: 'a' });
    outbox.add({ id: 'b1', chat: 'b' });
    expect(outbox.drop((m) => m.chat === 'a').map((m) => m.id)).toEqual(['a1']);
    outbox.setOnline(true);
    expect(calls.map((c) => c.message.id)).toEqual(['b1']);
  });
});

describe('Inbox', () => {
  it('delivers in seq order, each once, holding back what arrives early and asking for the gap', () => {
    const seen: number[] = [];
    const gaps: number[] = [];
    const inbox = new Inbox({ onMessage: (m) => seen.push(m.seq), onGap: (last) => gaps.push(last) });
    inbox.receive(msg(1));
    inbox.receive(msg(1));
    inbox.receive(msg(3)); // 2 missed
    inbox.receive(msg(4));
    expect(seen).toEqual([1]);
    expect(gaps).toEqual([1]); // asked once, not per early message
    inbox.receive([msg(2), msg(3)]); // the replay
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(inbox.lastSeq).toBe(4);
  });

  it('starts from where a restored chat left off', () => {
    const seen: number[] = [];
    const inbox = new Inbox({ onMessage: (m) => seen.push(m.seq), lastSeq: 10 });
    inbox.receive([msg(9), msg(10), msg(11)]);
    expect(seen).toEqual([11]);
  });
});
