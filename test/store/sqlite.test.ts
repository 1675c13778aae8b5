import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RiskLevel } from '../../server/protocol.js';
import { MIGRATIONS, runMigrations } from '../../server/store/migrations.js';
import { UsernameTakenError, openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';

const T0 = '2025-03-01T09:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

let dir: string;
let file: string;
const opened: SqliteStore[] = [];
const open = (f = file) => {
  const store = openSqliteStore(f);
  opened.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-store-'));
  file = path.join(dir, 'nested', 'folder', 'sst.db');
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function therapist(store: SqliteStore, username: string) {
  return store.createTherapist({ id: `t-${username}`, username, displayName: username, passwordHash: 'x', now: T0 });
}
async function conversation(store: SqliteStore, id: string, risk: RiskLevel = 'none', minutes = 0) {
  return store.createConversation({ id, tokenHash: `hash-${id}`, shared: { flow: 'default', goal: 'sleep better' }, risk, now: at(minutes) });
}

describe('opening the database', () => {
  it('creates the parent folder, uses WAL, and applies each migration once across reopening', async () => {
    await open().close();
    await open().close();
    const raw = new Database(file);
    try {
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const rows = raw.prepare('SELECT id FROM schema_migrations').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ id: m.id })));
      expect(runMigrations(raw)).toEqual([]);
    } finally {
      raw.close();
    }
  });

  it('refuses, with a sentence, a database written by a newer version', async () => {
    await open().close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations (id, name, applied_at) VALUES (999, 'future', ?)").run(T0);
    raw.close();
    expect(() => open()).toThrow(/created by a newer version of sst-chat .*update sst-chat/);
  });

  it('keeps messages across closing and reopening the file', async () => {
    const first = open();
    await conversation(first, 'c1');
    await first.appendMessage({ conversationId: 'c1', id: 'msg-00001', from: 'client', text: 'hello', now: at(1) });
    await first.close();
    const second = open();
    expect(await second.messagesAfter('c1', 0)).toEqual([{ seq: 1, id: 'msg-00001', from: 'client', text: 'hello', at: at(1) }]);
    expect((await second.conversationByTokenHash('hash-c1'))?.shared).toEqual({ flow: 'default', goal: 'sleep better' });
  });
});

describe('messages', () => {
  it('numbers messages in order and stores a resend once, answering with the stored message', async () => {
    const store = open();
    await conversation(store, 'c1');
    const a = await store.appendMessage({ conversationId: 'c1', id: 'client-1a', from: 'client', text: 'one', now: at(1) });
    const b = await store.appendMessage({ conversationId: 'c1', id: 'therapist-1', from: 'therapist', text: 'two', now: at(2) });
    const resend = await store.appendMessage({ conversationId: 'c1', id: 'client-1a', from: 'client', text: 'one (edited)', now: at(3) });
    // Same id from the other sender is a different message.
    const c = await store.appendMessage({ conversationId: 'c1', id: 'client-1a', from: 'therapist', text: 'three', now: at(4) });

    expect([a.message.seq, b.message.seq, c.message.seq]).toEqual([1, 2, 3]);
    expect([a.duplicate, b.duplicate, c.duplicate]).toEqual([false, false, false]);
    expect(resend).toEqual({ duplicate: true, message: a.message });
    expect((await store.messagesAfter('c1', 0)).map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect((await store.messagesAfter('c1', 2)).map((m) => m.seq)).toEqual([3]);
  });

  it('gives every message its own seq when two connections append at once', async () => {
    const [one, two] = [open(), open()];
    await conversation(one, 'c1');
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        (i % 2 ? one : two).appendMessage({ conversationId: 'c1', id: `id-${String(i).padStart(6, '0')}`, from: 'client', text: `m${i}`, now: at(i) }),
      ),
    );
    expect(results.map((r) => r.message.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await two.messagesAfter('c1', 0)).toHaveLength(100);
  });

  it('refuses a message for a conversation that does not exist', async () => {
    const store = open();
    await expect(store.appendMessage({ conversationId: 'nope', id: 'abcdefgh', from: 'client', text: 'x', now: T0 })).rejects.toThrow(
      /no such conversation/,
    );
  });
});

describe('the queue', () => {
  it('lets exactly one of 200 claims from two connections win', async () => {
    const [one, two] = [open(), open()];
    for (let i = 0; i < 4; i++) await therapist(one, `t${i}`);
    await conversation(one, 'c1');
    const claims = Array.from({ length: 200 }, (_, i) => ({ store: i % 2 ? one : two, therapistId: `t-t${i % 4}` }));
    const results = await Promise.all(claims.map(({ store, therapistId }) => store.claim('c1', therapistId, T0)));

    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = claims[results.indexOf(true)]!;
    expect(await two.conversationById('c1')).toMatchObject({ status: 'active', therapistId: winner.therapistId });
    expect(await one.activeFor(winner.therapistId)).toHaveLength(1);
    expect(await one.queue()).toEqual([]);
  });

  it('orders urgent, concern, none; within a level returned chats first, then the longest waiting', async () => {
    const store = open();
    await therapist(store, 'sam');
    await conversation(store, 'none-old', 'none', 0);
    await conversation(store, 'concern-new', 'concern', 5);
    await conversation(store, 'urgent-new', 'urgent', 9);
    await conversation(store, 'none-new', 'none', 6);
    await conversation(store, 'concern-old', 'concern', 1);
    await conversation(store, 'concern-returned', 'concern', 2);
    await store.claim('concern-returned', 't-sam', at(3));
    await store.requeue('concern-returned', at(20)); // back in the queue latest, yet first in its level
    await conversation(store, 'urgent-old', 'urgent', 8);

    expect((await store.queue()).map((c) => c.id)).toEqual([
      'urgent-old',
      'urgent-new',
      'concern-returned',
      'concern-old',
      'concern-new',
      'none-old',
      'none-new',
    ]);
    expect(await store.conversationById('concern-returned')).toMatchObject({ returned: true, therapistId: null, queuedAt: at(20) });
  });

  it('only ever raises risk, and ended chats leave the queue for good', async () => {
    const store = open();
    await conversation(store, 'c1', 'concern');
    await store.raiseRisk('c1', 'none');
    expect((await store.conversationById('c1'))?.risk).toBe('concern');
    await store.raiseRisk('c1', 'urgent');
    expect((await store.conversationById('c1'))?.risk).toBe('urgent');

    await store.end('c1', at(5));
    await store.end('c1', at(9));
    await store.requeue('c1', at(10));
    expect(await store.conversationById('c1')).toMatchObject({ status: 'ended', endedAt: at(5) });
    expect(await store.claim('c1', 'anyone', at(11))).toBe(false);
    expect(await store.queue()).toEqual([]);
  });
});

describe('therapists and sessions', () => {
  it('treats usernames without letter case, as one account', async () => {
    const store = open();
    await therapist(store, 'Sam');
    await expect(therapist(store, 'sAM')).rejects.toBeInstanceOf(UsernameTakenError);
    expect((await store.therapistByUsername('SAM'))?.username).toBe('Sam');
    expect(await store.countTherapists()).toBe(1);
  });

  it('ends sessions at their expiry time', async () => {
    const store = open();
    await therapist(store, 'sam');
    await store.createSession({ tokenHash: 'h1', therapistId: 't-sam', expiresAt: at(60) });
    expect(await store.sessionByTokenHash('h1', at(59))).toEqual({ therapistId: 't-sam', expiresAt: at(60) });
    expect(await store.sessionByTokenHash('h1', at(60))).toBeNull();
    await store.createSession({ tokenHash: 'h2', therapistId: 't-sam', expiresAt: at(60) });
    expect(await store.purgeExpiredSessions(at(61))).toBe(1);
  });

  it('signs a therapist out everywhere when the password changes', async () => {
    const store = open();
    await therapist(store, 'sam');
    await store.createSession({ tokenHash: 'h1', therapistId: 't-sam', expiresAt: at(60) });
    expect(await store.setPassword('SAM', 'new-hash')).toBe(true);
    expect((await store.therapistById('t-sam'))?.passwordHash).toBe('new-hash');
    expect(await store.sessionByTokenHash('h1', T0)).toBeNull();
    expect(await store.setPassword('nobody', 'x')).toBe(false);
  });

  it('removing a therapist ends their sessions and puts their chats back in the queue', async () => {
    const store = open();
    await therapist(store, 'sam');
    await conversation(store, 'c1', 'urgent');
    await store.claim('c1', 't-sam', at(1));
    await store.createSession({ tokenHash: 'h1', therapistId: 't-sam', expiresAt: at(60) });

    expect(await store.removeTherapist('Sam')).toBe(true);
    expect(await store.removeTherapist('sam')).toBe(false);
    expect(await store.sessionByTokenHash('h1', T0)).toBeNull();
    expect(await store.conversationById('c1')).toMatchObject({ status: 'queued', returned: true, therapistId: null });
    expect(await store.listTherapists()).toEqual([]);
  });
});
