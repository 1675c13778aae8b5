/** A database made by the first release (schema step 1 only) opens with every step, its rows intact. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, runMigrations } from '../../server/store/migrations.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { at, useTempStore } from './temp-store.js';

const { file, open } = useTempStore();

/** Makes a step-1 database at `file()` and lets `fill` insert rows as the first release would have. */
function makeV1(fill: (db: Database.Database) => void = () => {}) {
  const db = new Database(file());
  try {
    db.pragma('foreign_keys = ON');
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.id === 1))).toEqual([1]);
    fill(db);
  } finally {
    db.close();
  }
}

describe('upgrading a step-1 database', () => {
  it('keeps accounts, sessions, chats and messages, and makes the oldest account the lead', async () => {
    makeV1((db) => {
      const therapist = db.prepare('INSERT INTO therapists (id, username, display_name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)');
      therapist.run('t-new', 'newer', 'Newer', 'hash-1', at(10));
      therapist.run('t-old', 'older', 'Older', 'hash-2', at(0));
      db.prepare('INSERT INTO sessions (token_hash, therapist_id, expires_at) VALUES (?, ?, ?)').run('h1', 't-new', at(600));
      const chat = db.prepare(
        `INSERT INTO conversations (id, token_hash, status, risk, shared_json, queued_at, therapist_id, created_at, ended_at)
         VALUES (?, ?, ?, 'concern', '{"flow":"youth"}', ?, ?, ?, ?)`,
      );
      chat.run('c-active', 'hash-a', 'active', at(20), 't-new', at(20), null);
      chat.run('c-ended', 'hash-e', 'ended', at(5), null, at(5), at(9));
      db.prepare(`INSERT INTO messages (conversation_id, seq, client_id, sender, text, created_at) VALUES ('c-active', 1, 'msg-00001', 'client', 'hello', ?)`).run(at(21));
    });

    const store = open();
    expect(await store.therapistByUsername('older')).toMatchObject({ role: 'lead', disabled: false, passwordHash: 'hash-2' });
    expect(await store.therapistByUsername('newer')).toMatchObject({ role: 'therapist', disabled: false, displayName: 'Newer' });
    expect(await store.countActiveLeads()).toBe(1);
    expect(await store.sessionByTokenHash('h1', at(30))).toEqual({ therapistId: 't-new', expiresAt: at(600) });
    expect(await store.conversationById('c-active')).toMatchObject({ status: 'active', risk: 'concern', therapistId: 't-new' });
    expect((await store.messagesAfter('c-active', 0)).map((m) => m.text)).toEqual(['hello']);

    // The chat live during the upgrade gets no figures when it ends: when it was answered was
    // never recorded, and counting it as unanswered would be wrong. Chats made after it do.
    await store.end('c-active', at(40));
    expect(await store.handoffStats({ from: at(0), to: at(120) })).toEqual([]);
    await store.createConversation({ id: 'c-new', tokenHash: 'hash-n', shared: { flow: 'default' }, risk: 'none', now: at(50) });
    await store.claim('c-new', 't-new', at(51));
    await store.end('c-new', at(55));
    expect(await store.handoffStats({ from: at(0), to: at(120) })).toEqual([{ flow: 'default', queuedHour: at(0), waitSeconds: 60, risk: 'none' }]);
    // A chat that had already ended is purged like any other.
    expect(await store.purgeEndedBefore(at(30))).toBe(1);
    expect(await store.conversationById('c-ended')).toBeNull();

    const raw = new Database(file(), { readonly: true });
    try {
      expect(raw.prepare('SELECT id FROM schema_migrations ORDER BY id').all()).toEqual(MIGRATIONS.map((m) => ({ id: m.id })));
    } finally {
      raw.close();
    }
  });

  it('upgrades an empty database without inventing a lead', async () => {
    makeV1();
    const store = open();
    expect(await store.countTherapists()).toBe(0);
    expect(await store.countActiveLeads()).toBe(0);
  });

  it('does not touch roles when a second connection opens the upgraded file', async () => {
    makeV1((db) => {
      db.prepare("INSERT INTO therapists (id, username, display_name, password_hash, created_at) VALUES ('t1', 'sam', 'Sam', 'x', ?)").run(at(0));
    });
    const first = open();
    await first.createTherapist({ id: 't2', username: 'alex', displayName: 'Alex', passwordHash: 'x', role: 'lead', now: at(1) });
    await first.setRole('sam', 'therapist');
    await first.close();
    const again = openSqliteStore(file());
    try {
      expect((await again.listTherapists()).map((t) => [t.username, t.role])).toEqual([
        ['alex', 'lead'],
        ['sam', 'therapist'],
      ]);
    } finally {
      await again.close();
    }
  });
});
