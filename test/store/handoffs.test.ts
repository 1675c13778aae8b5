/** Handoff figures for the report, "Delete this chat", and the retention purge, on a real SQLite file. */
import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { OutcomeRecord } from '../../server/outcomes/record.js';
import { T0, at, conversation, therapist, useTempStore } from './temp-store.js';

const { file, open } = useTempStore();
const DAY = { from: '2025-03-01T00:00:00.000Z', to: '2025-03-02T00:00:00.000Z' };

/** What is left in the file, read past the Store, so nothing can hide behind its queries. */
function rawCounts() {
  const db = new Database(file(), { readonly: true });
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      conversations: count('SELECT COUNT(*) AS n FROM conversations'),
      messages: count('SELECT COUNT(*) AS n FROM messages'),
      stats: count('SELECT COUNT(*) AS n FROM handoff_stats'),
      linkedStats: count('SELECT COUNT(*) AS n FROM handoff_stats WHERE conversation_id IS NOT NULL'),
      outcomes: count('SELECT COUNT(*) AS n FROM outcomes'),
    };
  } finally {
    db.close();
  }
}

describe('handoff figures', () => {
  it('records, once, the queued hour, the wait to the first answer, the flow and the highest risk', async () => {
    const store = open();
    await therapist(store, 'sam');
    await therapist(store, 'alex');
    // 09:25 → hour 09:00; first answered 90 s later; handed back and answered again much later.
    await conversation(store, 'c1', { minutes: 25, flow: 'youth', risk: 'concern' });
    expect(await store.claim('c1', 't-sam', new Date(Date.parse(at(25)) + 90_500).toISOString())).toBe(true);
    await store.requeue('c1', at(40));
    expect(await store.claim('c1', 't-alex', at(55))).toBe(true);
    await store.raiseRisk('c1', 'urgent');
    await store.end('c1', at(60));
    await store.end('c1', at(61));

    // Never answered: the person left the queue.
    await conversation(store, 'c2', { minutes: 70 });
    await store.end('c2', at(75));

    expect(await store.handoffStats(DAY)).toEqual([
      { flow: 'youth', queuedHour: '2025-03-01T09:00:00.000Z', waitSeconds: 90, risk: 'urgent' },
      { flow: 'default', queuedHour: '2025-03-01T10:00:00.000Z', waitSeconds: null, risk: 'none' },
    ]);
    expect(rawCounts().stats).toBe(2);
  });

  it('selects by queued hour (from inclusive, to exclusive) and by flow', async () => {
    const store = open();
    await conversation(store, 'a', { minutes: 0 }); // 09:00
    await conversation(store, 'b', { minutes: 60, flow: 'youth' }); // 10:00
    await conversation(store, 'c', { minutes: 120 }); // 11:00
    for (const id of ['a', 'b', 'c']) await store.end(id, at(180));
    // Live chats are not counted until they end.
    await conversation(store, 'live', { minutes: 30 });

    const hours = async (range: { from: string; to: string; flow?: string }) => (await store.handoffStats(range)).map((s) => s.queuedHour.slice(11, 13));
    expect(await hours({ from: at(0), to: at(120) })).toEqual(['09', '10']);
    expect(await hours({ from: at(60), to: at(121) })).toEqual(['10', '11']);
    expect(await hours({ ...DAY, flow: 'default' })).toEqual(['09', '11']);
    expect(await hours({ ...DAY, flow: 'youth' })).toEqual(['10']);
    expect(await hours({ ...DAY, flow: 'adult' })).toEqual([]);
  });
});

describe('deleting a chat ("Delete this chat")', () => {
  it('removes the conversation and its messages at once, keeping only its figures', async () => {
    const store = open();
    await therapist(store, 'sam');
    await conversation(store, 'c1', { risk: 'concern' });
    await store.claim('c1', 't-sam', at(2));
    await store.appendMessage({ conversationId: 'c1', id: 'msg-00001', from: 'client', text: 'something private', now: at(3) });
    await store.appendMessage({ conversationId: 'c1', id: 'msg-00002', from: 'therapist', text: 'a reply', now: at(4) });
    await conversation(store, 'other');
    await store.appendMessage({ conversationId: 'other', id: 'msg-00001', from: 'client', text: 'not this one', now: at(5) });

    expect(await store.deleteConversation('c1', at(6))).toBe(true);
    expect(await store.conversationById('c1')).toBeNull();
    expect(await store.conversationByTokenHash('hash-c1')).toBeNull();
    expect(await store.messagesAfter('c1', 0)).toEqual([]);
    expect(await store.activeFor('t-sam')).toEqual([]);
    expect(await store.handoffStats(DAY)).toEqual([{ flow: 'default', queuedHour: '2025-03-01T09:00:00.000Z', waitSeconds: 120, risk: 'concern' }]);
    // The other chat is untouched; the kept figures point at nothing.
    expect(await store.messagesAfter('other', 0)).toHaveLength(1);
    expect(rawCounts()).toMatchObject({ conversations: 1, messages: 1, stats: 1, linkedStats: 0 });

    expect(await store.deleteConversation('c1', at(7))).toBe(false);
    expect(await store.deleteConversation('never-was', at(7))).toBe(false);
  });

  it('leaves none of the words readable in the database files, even read as raw bytes', async () => {
    const store = open();
    await conversation(store, 'c1');
    await store.appendMessage({ conversationId: 'c1', id: 'msg-00001', from: 'client', text: 'a-secret-only-this-chat-has', now: at(1) });
    // Filled from a second chat, so the deleted rows do not simply vanish with a freed page.
    await conversation(store, 'c2');
    await store.appendMessage({ conversationId: 'c2', id: 'msg-00001', from: 'client', text: 'kept text', now: at(1) });
    expect(await store.deleteConversation('c1', at(2))).toBe(true);
    const bytes = ['', '-wal'].map((suffix) => (existsSync(file() + suffix) ? readFileSync(file() + suffix).toString('latin1') : '')).join('');
    expect(bytes).toContain('kept text');
    expect(bytes).not.toContain('a-secret-only-this-chat-has');
    expect(bytes).not.toContain('hash-c1');
  });

  it('does not write the figures twice for a chat that had already ended', async () => {
    const store = open();
    await conversation(store, 'c1');
    await store.end('c1', at(1));
    expect(await store.deleteConversation('c1', at(2))).toBe(true);
    expect(rawCounts()).toMatchObject({ conversations: 0, stats: 1, linkedStats: 0 });
  });
});

describe('the retention purge', () => {
  const outcome: OutcomeRecord = {
    flow: 'default', locale: 'en', startedHour: T0, completed: true, handoff: true, risk: 'none',
    before: 3, after: 6, gotWhatCameFor: 'yes', helpful: 'quite', nextStep: 'very',
  };

  it('deletes exactly the ended chats that ended before the cutoff, with their messages, and keeps the figures', async () => {
    const store = open();
    await therapist(store, 'sam');
    const cutoff = at(24 * 60);
    const chats = {
      'ended-long-ago': { end: at(10) },
      'ended-just-before': { end: new Date(Date.parse(cutoff) - 1).toISOString() },
      'ended-at-cutoff': { end: cutoff },
      'ended-after': { end: at(24 * 60 + 5) },
      'queued-long': { end: null },
      'active-long': { end: null },
    };
    for (const [id, { end }] of Object.entries(chats)) {
      await conversation(store, id);
      await store.appendMessage({ conversationId: id, id: 'msg-00001', from: 'client', text: `words in ${id}`, now: at(1) });
      if (id !== 'queued-long') await store.claim(id, 't-sam', at(2));
      if (end) await store.end(id, end);
    }
    await store.addOutcome(outcome);
    expect(rawCounts()).toMatchObject({ conversations: 6, messages: 6, stats: 4, linkedStats: 4, outcomes: 1 });

    expect(await store.purgeEndedBefore(cutoff)).toBe(2);
    // Purged words are overwritten, not just unlinked: nothing readable is left in the files.
    const bytes = ['', '-wal'].map((suffix) => (existsSync(file() + suffix) ? readFileSync(file() + suffix).toString('latin1') : '')).join('');
    expect(bytes).not.toContain('words in ended-long-ago');
    expect(bytes).toContain('words in ended-after');

    for (const id of ['ended-long-ago', 'ended-just-before']) {
      expect(await store.conversationById(id)).toBeNull();
      expect(await store.messagesAfter(id, 0)).toEqual([]);
    }
    for (const id of ['ended-at-cutoff', 'ended-after', 'queued-long', 'active-long']) {
      expect(await store.conversationById(id)).not.toBeNull();
      expect(await store.messagesAfter(id, 0)).toHaveLength(1);
    }
    expect(await store.queue()).toHaveLength(1);
    expect(await store.activeFor('t-sam')).toHaveLength(1);
    // Figures and outcome records stay; the purged chats' figures are unlinked.
    expect(await store.handoffStats(DAY)).toHaveLength(4);
    expect(await store.outcomes(DAY)).toEqual([outcome]);
    expect(rawCounts()).toEqual({ conversations: 4, messages: 4, stats: 4, linkedStats: 2, outcomes: 1 });

    expect(await store.purgeEndedBefore(cutoff)).toBe(0);
  });

  it('purges a backlog larger than one batch', async () => {
    const store = open();
    const db = new Database(file());
    try {
      // Inserted directly: 1,234 ended chats with a message each, as after a long stop.
      const insertChat = db.prepare(
        `INSERT INTO conversations (id, token_hash, status, risk, shared_json, queued_at, created_at, ended_at)
         VALUES (?, ?, 'ended', 'none', '{"flow":"default"}', ?, ?, ?)`,
      );
      const insertMessage = db.prepare(`INSERT INTO messages (conversation_id, seq, client_id, sender, text, created_at) VALUES (?, 1, 'msg-00001', 'client', 'x', ?)`);
      db.transaction(() => {
        for (let i = 0; i < 1234; i++) {
          insertChat.run(`old-${i}`, `h-${i}`, T0, T0, at(1));
          insertMessage.run(`old-${i}`, T0);
        }
      })();
    } finally {
      db.close();
    }
    expect(await store.purgeEndedBefore(at(60))).toBe(1234);
    expect(rawCounts()).toMatchObject({ conversations: 0, messages: 0 });
  });
});
