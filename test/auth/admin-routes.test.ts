import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { startApp, type RunningApp } from '../support/server.js';

const PASSWORD = 'a long enough passphrase';
const NEW_PASSWORD = 'another long passphrase';

let dir: string;
let store: SqliteStore;
let app: RunningApp;
/** Hashed once: scrypt is slow on purpose, and every test starts from the same two accounts. */
let passwordHash: string;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-admin-'));
  store = openSqliteStore(path.join(dir, 'sst.db'));
  const now = new Date().toISOString();
  await store.createTherapist({ id: 'id-lee', username: 'lee', displayName: 'Lee', passwordHash, role: 'lead', now });
  await store.createTherapist({ id: 'id-sam', username: 'sam', displayName: 'Sam R', passwordHash, role: 'therapist', now });
  app = await startApp({ store });
});
afterEach(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const login = (username: string, password = PASSWORD) =>
  fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
async function signIn(username: string, password = PASSWORD): Promise<string> {
  const res = await login(username, password);
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}
const post = (route: string, body: unknown, cookie?: string, contentType = 'application/json') =>
  fetch(`${app.url}${route}`, {
    method: 'POST',
    headers: { 'Content-Type': contentType, ...(cookie ? { Cookie: cookie } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const get = (route: string, cookie?: string) => fetch(`${app.url}${route}`, { headers: cookie ? { Cookie: cookie } : {} });

const WRITES: Array<[string, unknown]> = [
  ['/api/accounts', { username: 'kim', displayName: 'Kim', role: 'lead', password: NEW_PASSWORD }],
  ['/api/accounts/lee/disable', {}],
  ['/api/accounts/lee/enable', {}],
  ['/api/accounts/lee/reset-password', { password: NEW_PASSWORD }],
  ['/api/accounts/sam/role', { role: 'lead' }],
];

describe('who may manage accounts', () => {
  it('refuses every route without a session (401)', async () => {
    const list = await get('/api/accounts');
    expect(list.status).toBe(401);
    expect(await list.json()).toEqual({ ok: false, code: 'unauthorised' });
    for (const [route, body] of WRITES) {
      const res = await post(route, body);
      expect(res.status, route).toBe(401);
      expect(await res.json()).toEqual({ ok: false, code: 'unauthorised' });
    }
  });

  it('refuses every route to a therapist (403) and changes nothing', async () => {
    const cookie = await signIn('sam');
    const list = await get('/api/accounts', cookie);
    expect(list.status).toBe(403);
    expect(await list.json()).toEqual({ ok: false, code: 'forbidden' });
    for (const [route, body] of WRITES) {
      const res = await post(route, body, cookie);
      expect(res.status, route).toBe(403);
      expect(await res.json()).toEqual({ ok: false, code: 'forbidden' });
    }
    expect(await store.therapistByUsername('kim')).toBeNull();
    expect(await store.therapistByUsername('sam')).toMatchObject({ role: 'therapist', disabled: false });
    expect(await store.therapistByUsername('lee')).toMatchObject({ role: 'lead', disabled: false });
    expect((await login('lee')).status).toBe(200);
  });
});

describe('a lead managing accounts', () => {
  let lead: string;
  beforeEach(async () => {
    lead = await signIn('lee');
  });

  it('lists the accounts without ids or password hashes', async () => {
    const res = await get('/api/accounts', lead);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    const body = (await res.json()) as { ok: boolean; accounts: Array<Record<string, unknown>> };
    expect(body.ok).toBe(true);
    expect(body.accounts.map((a) => [a.username, a.displayName, a.role, a.disabled])).toEqual(
      expect.arrayContaining([['lee', 'Lee', 'lead', false], ['sam', 'Sam R', 'therapist', false]]),
    );
    for (const a of body.accounts) expect(Object.keys(a).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'role', 'username']);
  });

  it('adds an account that can then sign in, and words a refusal', async () => {
    const res = await post('/api/accounts', WRITES[0]![1], lead);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ ok: true, account: { username: 'kim', displayName: 'Kim', role: 'lead', disabled: false } });
    expect((await login('kim', NEW_PASSWORD)).status).toBe(200);

    const taken = await post('/api/accounts', { username: 'KIM', displayName: 'K', role: 'therapist', password: NEW_PASSWORD }, lead);
    expect(taken.status).toBe(409);
    const refusal = (await taken.json()) as { ok: boolean; code: string; message: string };
    expect(refusal).toMatchObject({ ok: false, code: 'conflict' });
    expect(refusal.message).toMatch(/already exists/);

    const weak = await post('/api/accounts', { username: 'jo', displayName: 'Jo', role: 'therapist', password: 'short' }, lead);
    expect(weak.status).toBe(409);
    expect(((await weak.json()) as { message: string }).message).toMatch(/too short/);
  });

  it('refuses a malformed body', async () => {
    const good = { username: 'jo', displayName: 'Jo', role: 'therapist', password: NEW_PASSWORD };
    const bad = [{ ...good, admin: true }, { ...good, role: 'owner' }, { ...good, password: 12345678901 }, { username: 'jo' }, []];
    for (const body of bad) expect((await post('/api/accounts', body, lead)).status, JSON.stringify(body)).toBe(400);
    // JSON only: a cross-site form cannot send it without a preflight.
    expect((await post('/api/accounts', 'username=jo', lead, 'application/x-www-form-urlencoded')).status).toBe(403);
    expect((await post('/api/accounts', '{"username":', lead)).status).toBe(400);
    const huge = await post('/api/accounts', { ...good, displayName: 'x'.repeat(5000) }, lead);
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({ ok: false, code: 'too_large' });
    expect((await post('/api/accounts/sam/disable', { reason: 'x' }, lead)).status).toBe(400);
    expect((await post('/api/accounts/-sam-/disable', {}, lead)).status).toBe(400);
    expect(await store.therapistByUsername('jo')).toBeNull();
  });

  it('refuses changes that are not JSON from its own origin (a form or another page), changing nothing', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      expect((await post('/api/accounts/sam/disable', '', lead, type)).status, type).toBe(403);
    }
    const foreign = await fetch(`${app.url}/api/accounts/sam/disable`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: lead, Origin: 'https://elsewhere.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const listed = (await (await get('/api/accounts', lead)).json()) as { accounts: Array<{ username: string; disabled: boolean }> };
    expect(listed.accounts.find((a) => a.username === 'sam')?.disabled).toBe(false);
  });

  it('disables an account (signing it out at once) and enables it again', async () => {
    const sam = await signIn('sam');
    expect((await post('/api/accounts/sam/disable', {}, lead)).status).toBe(200);
    expect((await get('/api/auth/me', sam)).status).toBe(401);
    expect((await login('sam')).status).toBe(401);
    const listed = (await (await get('/api/accounts', lead)).json()) as { accounts: Array<{ username: string; disabled: boolean }> };
    expect(listed.accounts.find((a) => a.username === 'sam')?.disabled).toBe(true);

    const enabled = await post('/api/accounts/sam/enable', undefined, lead);
    expect(enabled.status).toBe(200);
    expect(await enabled.json()).toEqual({ ok: true });
    expect((await login('sam')).status).toBe(200);
  });

  it('resets a password: the old one stops working', async () => {
    const res = await post('/api/accounts/sam/reset-password', { password: NEW_PASSWORD }, lead);
    expect(res.status).toBe(200);
    expect((await login('sam')).status).toBe(401);
    expect((await login('sam', NEW_PASSWORD)).status).toBe(200);
    const weak = await post('/api/accounts/sam/reset-password', { password: 'short' }, lead);
    expect(weak.status).toBe(409);
  });

  it('changes a role, which the server then honours', async () => {
    const sam = await signIn('sam');
    expect((await get('/api/report?from=2026-03-02&to=2026-03-08', sam)).status).toBe(403);
    expect((await post('/api/accounts/sam/role', { role: 'lead' }, lead)).status).toBe(200);
    expect((await get('/api/report?from=2026-03-02&to=2026-03-08', sam)).status).toBe(200);
    expect((await get('/api/accounts', sam)).status).toBe(200);
    // Now there are two leads, and one may make the other a therapist again.
    expect((await post('/api/accounts/sam/role', { role: 'therapist' }, lead)).status).toBe(200);
    expect((await get('/api/accounts', sam)).status).toBe(403);
  });

  it('will not let a lead disable or demote themselves', async () => {
    for (const [route, body] of [['/api/accounts/LEE/disable', {}], ['/api/accounts/lee/role', { role: 'therapist' }]] as const) {
      const res = await post(route, body, lead);
      expect(res.status, route).toBe(409);
      const refusal = (await res.json()) as { code: string; message: string };
      expect(refusal.code).toBe('conflict');
      expect(refusal.message).toMatch(/your own/);
    }
    expect(await store.therapistByUsername('lee')).toMatchObject({ role: 'lead', disabled: false });
    expect((await get('/api/accounts', lead)).status).toBe(200);
  });

  it('answers 404 for an account that does not exist', async () => {
    for (const [route, body] of [
      ['/api/accounts/nobody/disable', {}],
      ['/api/accounts/nobody/enable', {}],
      ['/api/accounts/nobody/reset-password', { password: NEW_PASSWORD }],
      ['/api/accounts/nobody/role', { role: 'lead' }],
    ] as const) {
      const res = await post(route, body, lead);
      expect(res.status, route).toBe(404);
      expect(await res.json()).toEqual({ ok: false, code: 'not_found' });
    }
  });
});
