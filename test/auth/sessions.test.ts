import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_RUN_HINT, firstRunHint } from '../../server/auth/first-run.js';
import {
  SESSION_COOKIE,
  clearSessionCookie,
  cookieShouldBeSecure,
  createSessionCookie,
  hashSessionToken,
  newSessionToken,
  readSessionToken,
  startSession,
  therapistFromCookie,
  toProfile,
} from '../../server/auth/sessions.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Strict, for the whole site, with a Max-Age, and Secure when asked', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createSessionCookie(token, { maxAgeSeconds: 43200, secure: true })).toBe(
      `sst_session=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200; Secure`,
    );
    expect(createSessionCookie(token, { maxAgeSeconds: 60, secure: false })).toBe(
      `sst_session=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=60`,
    );
    expect(clearSessionCookie({ secure: true })).toBe('sst_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure');
  });

  it('is Secure except in development or over plain http to this machine', () => {
    expect(cookieShouldBeSecure({ protocol: 'https', hostname: 'console.example' }, 'production')).toBe(true);
    expect(cookieShouldBeSecure({ protocol: 'http', hostname: 'console.example' }, 'production')).toBe(true);
    expect(cookieShouldBeSecure({ protocol: 'https', hostname: 'localhost' }, undefined)).toBe(true);
    expect(cookieShouldBeSecure({ protocol: 'http', hostname: 'console.example' }, 'development')).toBe(false);
    for (const hostname of ['localhost', '127.0.0.1', '[::1]']) {
      expect(cookieShouldBeSecure({ protocol: 'http', hostname }, 'production')).toBe(false);
    }
  });

  it('is read from a Cookie header among others, and junk is ignored', () => {
    const token = newSessionToken();
    expect(readSessionToken(`theme=dark; ${SESSION_COOKIE}=${token}; other=1`)).toBe(token);
    expect(readSessionToken(`${SESSION_COOKIE}="${token}"`)).toBe(token);
    expect(readSessionToken(`${SESSION_COOKIE}=not-a-token; ${SESSION_COOKIE}=${token}`)).toBe(token);
    expect(readSessionToken(`x${SESSION_COOKIE}=${token}`)).toBeNull();
    expect(readSessionToken('')).toBeNull();
    expect(readSessionToken(undefined)).toBeNull();
  });

  it('stores only a hash of the token', () => {
    const token = newSessionToken();
    expect(hashSessionToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashSessionToken(token)).not.toContain(token);
  });
});

describe('therapistFromCookie and the first-run hint', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sst-sessions-'));
    store = openSqliteStore(path.join(dir, 'sst.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the therapist for a live session only', async () => {
    expect(await firstRunHint(store)).toBe(FIRST_RUN_HINT);
    expect(FIRST_RUN_HINT).toBe('No therapist accounts yet. Create the first one with: npm run therapist -- add <username> --name "Display name"');
    await store.createTherapist({ id: 't1', username: 'sam', displayName: 'Sam', passwordHash: 'x', now: '2025-01-01T00:00:00.000Z' });
    expect(await firstRunHint(store)).toBeNull();

    const now = new Date('2025-01-01T08:00:00.000Z');
    const { token, maxAgeSeconds } = await startSession(store, 't1', { now, hours: 2 });
    expect(maxAgeSeconds).toBe(7200);
    const cookie = `${SESSION_COOKIE}=${token}`;
    expect((await therapistFromCookie(store, cookie, now))?.username).toBe('sam');
    expect(await therapistFromCookie(store, cookie, new Date('2025-01-01T10:00:00.000Z'))).toBeNull();
    expect(await therapistFromCookie(store, `${SESSION_COOKIE}=${newSessionToken()}`, now)).toBeNull();
    expect(await therapistFromCookie(store, undefined, now)).toBeNull();
  });

  it('finds nobody for a disabled account, and shows the console the role but never the id or hash', async () => {
    const sam = await store.createTherapist({ id: 't1', username: 'sam', displayName: 'Sam', passwordHash: 'x', role: 'lead', now: '2025-01-01T00:00:00.000Z' });
    await store.createTherapist({ id: 't2', username: 'alex', displayName: 'Alex', passwordHash: 'x', now: '2025-01-01T00:00:00.000Z' });
    expect(toProfile(sam)).toEqual({ username: 'sam', displayName: 'Sam', role: 'lead' });

    const now = new Date('2025-01-01T08:00:00.000Z');
    const { token } = await startSession(store, 't2', { now });
    expect(toProfile((await therapistFromCookie(store, `${SESSION_COOKIE}=${token}`, now))!)).toEqual({ username: 'alex', displayName: 'Alex', role: 'therapist' });
    await store.setDisabled('alex', true);
    expect(await therapistFromCookie(store, `${SESSION_COOKIE}=${token}`, now)).toBeNull();
  });
});
