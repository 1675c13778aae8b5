/** A real SQLite file in a fresh temp folder per test, closed and removed after it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { RiskLevel } from '../../server/protocol.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';

export const T0 = '2025-03-01T09:00:00.000Z';
export const at = (minutes: number): string => new Date(Date.parse(T0) + minutes * 60_000).toISOString();

/** Registers the hooks; `file()` is this test's database path, `open()` a connection to it. */
export function useTempStore(): { file: () => string; open: () => SqliteStore } {
  let dir = '';
  const opened: SqliteStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sst-store-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const file = () => path.join(dir, 'sst.db');
  return {
    file,
    open: () => {
      const store = openSqliteStore(file());
      opened.push(store);
      return store;
    },
  };
}

export function therapist(store: SqliteStore, username: string, role: 'therapist' | 'lead' = 'therapist') {
  return store.createTherapist({ id: `t-${username}`, username, displayName: username, passwordHash: 'x', role, now: T0 });
}

export function conversation(store: SqliteStore, id: string, options: { minutes?: number; flow?: string; risk?: RiskLevel } = {}) {
  return store.createConversation({
    id,
    tokenHash: `hash-${id}`,
    shared: { flow: options.flow ?? 'default', goal: 'sleep better' },
    risk: options.risk ?? 'none',
    now: at(options.minutes ?? 0),
  });
}
