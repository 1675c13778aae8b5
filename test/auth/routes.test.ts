import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addTherapist, disableAccount, enableAccount } from '../../server/auth/accounts.js';
import { createAuthRouter } from '../../server/auth/routes.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { startApp, type RunningApp } from '../support/server.js';

const PASSWORD = 'a long enough passphrase';

let dir: string;
let store: SqliteStore;
let app: RunningApp;
let clock: Date;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-auth-'));
  store = openSqliteStore(path.join(dir, 'sst.db'));
  // The first account: a lead (see addTherapist).
  await addTherapist(store, { username: 'Sam', displayName: 'Sam R', password: PASSWORD });
  clock = new Date('2025-05-01T08:00:00.000Z');
  app = await startApp({}, { routes: (express) => express.use(createAuthRouter({ store, now: () => clock, sessionHours: 12 })) });
});
afterEach(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (route: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const login = (username: string, password: string) => post('/api/auth/login', { username, password });
const me = (cookie?: string) => fetch(`${app.url}/api/auth/me`, { headers: cookie ? { Cookie: cookie } : {} });
/** The `name=value` part of the Set-Cookie header, as a browser would send it back. */
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;

describe('signing in and out', () => {
  it('signs in (any letter case), knows who is signed in, and signs out', async () => {
    const res = await login('sam', PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, therapist: { username: 'Sam', displayName: 'Sam R', role: 'lead' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    // Plain http to 127.0.0.1: no Secure, or the browser would drop the cookie on a developer's machine.
    expect(res.headers.get('set-cookie')).toMatch(/^sst_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    const cookie = cookieOf(res);

    const who = await me(cookie);
    expect(who.status).toBe(200);
    expect(await who.json()).toEqual({ ok: true, therapist: { username: 'Sam', displayName: 'Sam R', role: 'lead' } });

    const out = await post('/api/auth/logout', {}, { Cookie: cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toBe('sst_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    const after = await me(cookie);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({ ok: false, code: 'unauthorised' });
  });

  it('forgets the session when it expires', async () => {
    const cookie = cookieOf(await login('Sam', PASSWORD));
    clock = new Date(clock.getTime() + 12 * 3600 * 1000);
    expect((await me(cookie)).status).toBe(401);
  });

  it('answers a wrong password and an unknown username identically, in similar time', async () => {
    const timed = async (username: string) => {
      const start = performance.now();
      const res = await login(username, 'not the password at all');
      return { status: res.status, body: await res.text(), cookie: res.headers.get('set-cookie'), ms: performance.now() - start };
    };
    const wrong = [await timed('Sam'), await timed('Sam')];
    const unknown = [await timed('nobody'), await timed('nobody')];
    for (const r of [...wrong, ...unknown]) {
      expect(r).toMatchObject({ status: 401, body: '{"ok":false,"code":"unauthorised"}', cookie: null });
    }
    // Both paths do one scrypt; a missing one would be ~100x faster, so a loose bound is enough.
    const ratio = Math.min(...unknown.map((r) => r.ms)) / Math.min(...wrong.map((r) => r.ms));
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(4);
  });

  it('answers a malformed, non-JSON, oversized or incomplete body with a code', async () => {
    const broken = await post('/api/auth/login', '{"username": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ ok: false, code: 'bad_request' });

    const form = await post('/api/auth/login', 'username=Sam&password=x', { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(await form.json()).toEqual({ ok: false, code: 'bad_request' });

    expect(await (await login('Sam', '')).json()).toEqual({ ok: false, code: 'bad_request' });
    expect(await (await post('/api/auth/login', { username: 'Sam' })).json()).toEqual({ ok: false, code: 'bad_request' });

    const huge = await post('/api/auth/login', { username: 'Sam', password: 'x'.repeat(20_000) });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ ok: false, code: 'too_large' });
  });

  it('refuses a session of a removed account', async () => {
    const cookie = cookieOf(await login('Sam', PASSWORD));
    // Sam is the only lead, and the last enabled lead cannot be removed: another lead first.
    await addTherapist(store, { username: 'lee', displayName: 'Lee', password: PASSWORD, role: 'lead' });
    await store.removeTherapist('sam');
    expect((await me(cookie)).status).toBe(401);
  });

  it('tells the console the role of whoever is signed in', async () => {
    await addTherapist(store, { username: 'alex', displayName: 'Alex', password: PASSWORD });
    const res = await login('alex', PASSWORD);
    expect(await res.json()).toEqual({ ok: true, therapist: { username: 'alex', displayName: 'Alex', role: 'therapist' } });
    expect(await (await me(cookieOf(res))).json()).toEqual({ ok: true, therapist: { username: 'alex', displayName: 'Alex', role: 'therapist' } });
  });

  it('refuses a disabled account with the wrong-password answer, and ends its sessions', async () => {
    await addTherapist(store, { username: 'alex', displayName: 'Alex', password: PASSWORD });
    const cookie = cookieOf(await login('alex', PASSWORD));
    expect((await me(cookie)).status).toBe(200);

    await disableAccount(store, 'alex');
    const who = await me(cookie);
    expect(who.status).toBe(401);
    expect(await who.json()).toEqual({ ok: false, code: 'unauthorised' });

    const refused = await login('alex', PASSWORD);
    const wrong = await login('Sam', 'not the password at all');
    for (const res of [refused, wrong]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await refused.text()).toBe(await wrong.text());

    await enableAccount(store, 'alex');
    expect((await login('alex', PASSWORD)).status).toBe(200);
  });
});

describe('sign-in rate limits', () => {
  it('blocks a username after 5 failures, even with the right password, until the window ends', async () => {
    for (let i = 0; i < 5; i++) expect((await login('sam', `wrong guess ${i}`)).status).toBe(401);
    const blocked = await login('SAM', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual({ ok: false, code: 'rate_limited' });
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);

    clock = new Date(clock.getTime() + 15 * 60 * 1000);
    expect((await login('Sam', PASSWORD)).status).toBe(200);
  });

  it('blocks an address that tries many usernames', async () => {
    for (let i = 0; i < 5; i++) expect((await login(`guess${i}`, 'wrong password')).status).toBe(401);
    expect((await login('Sam', PASSWORD)).status).toBe(429);
  });

  it('counts guesses made in parallel', async () => {
    const statuses = await Promise.all(Array.from({ length: 12 }, (_, i) => login('Sam', `parallel guess ${i}`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('gives a successful sign-in its attempt back', async () => {
    for (let i = 0; i < 3; i++) await login('nobody', 'wrong password');
    for (let i = 0; i < 4; i++) expect((await login('Sam', PASSWORD)).status).toBe(200);
  });
});
