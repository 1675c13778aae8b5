/** The retention scheduler, against a real SQLite file: a purge at start, then one every interval. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PURGE_INTERVAL_MS, startRetention, type Retention } from '../../server/retention.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';

const HOUR = 3600_000;
const SECRET = 'a sentence only the person wrote';

let dir: string;
let store: SqliteStore;
let clock: Date;
let lines: string[];
let retention: Retention | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-retention-'));
  store = openSqliteStore(path.join(dir, 'sst.db'));
  clock = new Date('2025-06-02T12:00:00.000Z');
  lines = [];
});
afterEach(async () => {
  retention?.stop();
  retention = undefined;
  vi.useRealTimers();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A chat that ended `hoursAgo` before the clock, with one message in it. */
async function endedChat(id: string, hoursAgo: number): Promise<void> {
  const ended = new Date(clock.getTime() - hoursAgo * HOUR);
  const started = new Date(ended.getTime() - HOUR).toISOString();
  await store.createConversation({ id, tokenHash: `hash-${id}`, shared: { flow: 'default', goal: SECRET }, risk: 'none', now: started });
  await store.appendMessage({ conversationId: id, id: 'msg-00001', from: 'client', text: SECRET, now: started });
  await store.end(id, ended.toISOString());
}

const exists = async (id: string) => (await store.conversationById(id)) !== null;

function start(options: { transcriptHours?: number; intervalMs?: number } = {}): Retention {
  retention = startRetention({
    store,
    transcriptHours: options.transcriptHours ?? 24,
    now: () => clock,
    intervalMs: options.intervalMs,
    log: (line) => lines.push(line),
  });
  return retention;
}

describe('startRetention', () => {
  it('purges at once on start, only what ended longer ago than the configured hours, and logs only the count', async () => {
    await endedChat('old', 25);
    await endedChat('older', 24 * 7);
    await endedChat('recent', 23);
    await store.createConversation({ id: 'queued', tokenHash: 'hash-q', shared: { flow: 'default' }, risk: 'none', now: '2025-01-01T00:00:00.000Z' });

    const running = start();
    // The first purge began inside startRetention; purgeNow() called now joins it (one at a time).
    expect(await running.purgeNow()).toBe(2);

    expect([await exists('old'), await exists('older'), await exists('recent'), await exists('queued')]).toEqual([false, false, true, true]);
    expect(await store.messagesAfter('old', 0)).toEqual([]);
    expect(lines).toEqual(['Retention: purged 2 ended chats older than 24 h.']);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('follows the configured hours', async () => {
    await endedChat('two-hours', 2);
    await endedChat('half-hour', 0.5);
    const running = start({ transcriptHours: 1 });
    expect(await running.purgeNow()).toBe(1);
    expect(await running.purgeNow()).toBe(0);
    expect([await exists('two-hours'), await exists('half-hour')]).toEqual([false, true]);
    expect(lines).toEqual(['Retention: purged 1 ended chat older than 1 h.']);
  });

  it('runs again every interval (10 minutes by default) until stopped', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    start();
    await vi.advanceTimersByTimeAsync(0);
    expect(lines).toEqual([]);

    // A chat ends, and a day passes: the next tick deletes it.
    await endedChat('later', 0);
    clock = new Date(clock.getTime() + 25 * HOUR);
    await vi.advanceTimersByTimeAsync(DEFAULT_PURGE_INTERVAL_MS - 1);
    expect(await exists('later')).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(await exists('later')).toBe(false);
    expect(lines).toEqual(['Retention: purged 1 ended chat older than 24 h.']);

    retention!.stop();
    await endedChat('after-stop', 48);
    await vi.advanceTimersByTimeAsync(DEFAULT_PURGE_INTERVAL_MS * 3);
    expect(await exists('after-stop')).toBe(true);
  });

  it('says a purge failed without quoting the error, and tries again on the next tick', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await store.close();
    start({ intervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(lines).toEqual(['Retention: the purge of ended chats failed (unknown error); it will be tried again.']);

    store = openSqliteStore(path.join(dir, 'sst.db'));
    retention!.stop();
    start({ intervalMs: 1000 });
    await endedChat('old', 30);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await exists('old')).toBe(false);
  });
});
