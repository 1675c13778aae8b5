import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { attachRelay } from '../../server/relay/index.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { handle, packetGuard } from '../../server/relay/handle.js';
import { TokenBucket } from '../../server/relay/rate-limit.js';

const schema = z.object({ text: z.string().trim().min(1).max(5) });

/** Calls a listener the way Socket.IO would and returns what was acknowledged. */
async function call(listener: (...args: unknown[]) => void, ...args: unknown[]): Promise<unknown> {
  let answer: unknown = 'no answer';
  listener(...args, (r: unknown) => (answer = r));
  await new Promise((r) => setTimeout(r, 0));
  return answer;
}

describe('handle()', () => {
  it('validates, runs and acknowledges', async () => {
    const seen: string[] = [];
    const listener = handle(schema, ({ text }) => {
      seen.push(text);
      return { ok: true, length: text.length };
    });
    expect(await call(listener, { text: '  hi  ' })).toEqual({ ok: true, length: 2 });
    expect(seen).toEqual(['hi']);
  });

  it('turns bad input into bad_request or too_large, whatever its shape', async () => {
    const listener = handle(schema, () => ({ ok: true }));
    expect(await call(listener, { text: 'far too long' })).toEqual({ ok: false, code: 'too_large' });
    expect(await call(listener, { text: '   ' })).toEqual({ ok: false, code: 'bad_request' });
    for (const payload of [undefined, null, 'str', 42, [], { text: 5 }]) {
      expect(await call(listener, payload)).toEqual({ ok: false, code: 'bad_request' });
    }
    // Only a callback, no payload.
    expect(await call(listener)).toEqual({ ok: false, code: 'bad_request' });
  });

  it('answers internal without details when the handler throws, and logs no message text', async () => {
    const lines: string[] = [];
    const listener = handle(
      schema,
      () => {
        throw new TypeError('the person wrote: something private');
      },
      { event: 'message:send', log: (l) => lines.push(l) },
    );
    expect(await call(listener, { text: 'hi' })).toEqual({ ok: false, code: 'internal' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sst-chat relay: internal error \(TypeError\) in message:send/);
    expect(lines[0]).not.toContain('private');
  });

  it('copes with a missing or non-function callback', async () => {
    let runs = 0;
    const listener = handle(schema, () => {
      runs += 1;
      return { ok: true };
    });
    listener({ text: 'hi' });
    listener({ text: 'hi' }, 'not a function');
    listener();
    await new Promise((r) => setTimeout(r, 0));
    expect(runs).toBe(2);
  });
});

describe('packetGuard() and TokenBucket', () => {
  it('refuses unknown events and events over the limit, answering when it can', () => {
    let now = 0;
    const guard = packetGuard(new Set(['ping']), { events: 2, perMs: 1000 }, () => now);
    const answers: unknown[] = [];
    const passed: string[] = [];
    const send = (...packet: unknown[]) => guard([...packet, (r: unknown) => answers.push(r)], () => passed.push(String(packet[0])));
    send('nope');
    send('ping');
    send('ping');
    expect(passed).toEqual(['ping']);
    expect(answers).toEqual([
      { ok: false, code: 'bad_request' },
      { ok: false, code: 'rate_limited' },
    ]);
    now = 500; // half the bucket back: one more event
    send('ping');
    expect(passed).toEqual(['ping', 'ping']);
  });

  it('refills evenly and never beyond its size', () => {
    const bucket = new TokenBucket({ events: 3, perMs: 300 }, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(100)).toBe(false);
    expect([bucket.take(10_000), bucket.take(10_000), bucket.take(10_000), bucket.take(10_000)]).toEqual([true, true, true, false]);
    expect(() => new TokenBucket({ events: 0, perMs: 1 }, 0)).toThrow(RangeError);
  });
});

describe('attachRelay() settings', () => {
  it('refuses bad settings at start with a sentence that says what to set', async () => {
    const store = openSqliteStore(':memory:');
    const server = createServer();
    expect(() => attachRelay(server, { store, graceMs: -1 })).toThrow(/graceMs must be/);
    expect(() => attachRelay(server, { store, rateLimit: { events: 0, perMs: 1000 } })).toThrow(/rateLimit needs/);
    expect(() => attachRelay(server, { store, allowedOrigins: [''] })).toThrow(/allowedOrigins must be/);
    await store.close();
  });
});
