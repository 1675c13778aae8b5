import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../server/app.js';
import { OUTCOME_FIELDS, type OutcomeRecord } from '../../server/outcomes/record.js';
import { createOutcomesRouter } from '../../server/outcomes/routes.js';
import { outcomeRecordSchema } from '../../server/outcomes/schema.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { TEST_CONFIG, startApp, type RunningApp } from '../support/server.js';

const HOUR_MS = 3600_000;
const hourOf = (time: number) => new Date(Math.floor(time / HOUR_MS) * HOUR_MS).toISOString();
const EVERYTHING = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };

const valid = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  flow: 'youth',
  locale: 'en-AU',
  startedHour: hourOf(Date.now()),
  completed: true,
  handoff: false,
  risk: 'concern',
  before: 3,
  after: 7,
  gotWhatCameFor: 'partly',
  helpful: 'quite',
  nextStep: null,
  ...over,
});

let dir: string;
let store: SqliteStore;
let app: RunningApp | undefined;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-outcomes-'));
  store = openSqliteStore(path.join(dir, 'sst.db'));
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The real app, with the service's outcomes switched on or off. */
const start = async (deps: Partial<AppDeps> & { outcomes?: boolean } = {}) => {
  const { outcomes = true, ...rest } = deps;
  app = await startApp({ store, config: { ...TEST_CONFIG, outcomes }, ...rest });
};

const outcomesUrl = () => {
  if (!app) throw new Error('start the app first');
  return `${app.url}/api/outcomes`;
};

const post = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  fetch(outcomesUrl(), { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

const stored = () => store.outcomes(EVERYTHING);

describe('POST /api/outcomes', () => {
  it('stores exactly the allowed fields, from JSON and from a beacon (text/plain)', async () => {
    await start();
    const res = await post(valid());
    expect(res.status).toBe(204);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const beacon = await post(valid({ before: null, after: null, gotWhatCameFor: null, helpful: null }), { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(beacon.status).toBe(204);

    const records = await stored();
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual(valid());
    for (const r of records) expect(Object.keys(r).sort()).toEqual([...OUTCOME_FIELDS].sort());
  });

  it('checks exactly the fields of OUTCOME_FIELDS', () => {
    const schema = outcomeRecordSchema({ flows: ['default'], now: () => new Date() });
    expect(Object.keys(schema.shape).sort()).toEqual([...OUTCOME_FIELDS].sort());
  });

  it('refuses an extra field, such as a token or free text', async () => {
    await start();
    for (const extra of [{ token: 'abc' }, { comment: 'I felt better' }, { id: 1 }]) {
      const res = await post(valid(extra));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ ok: false, code: 'bad_request' });
    }
    expect(await stored()).toEqual([]);
  });

  it('refuses a record with any field missing', async () => {
    await start();
    for (const field of OUTCOME_FIELDS) {
      const record = valid();
      delete record[field];
      expect((await post(record)).status, field).toBe(400);
    }
    expect(await stored()).toEqual([]);
  });

  it('refuses wrong types, free text in a closed list, and values out of range', async () => {
    await start();
    const now = Date.now();
    const bad: Array<Partial<Record<keyof OutcomeRecord, unknown>>> = [
      { completed: 'true' },
      { handoff: 1 },
      { before: '5' },
      { before: 11 },
      { after: -1 },
      { after: 2.5 },
      { risk: 'high' },
      { gotWhatCameFor: 'I got some of what I came for' },
      { helpful: 'Very' },
      { nextStep: '' },
      { flow: 'adults' }, // not one of the service's flows
      { flow: '=cmd()' },
      { locale: 'english' },
      { locale: 'en_AU' },
      { startedHour: new Date(Math.floor(now / HOUR_MS) * HOUR_MS + 60_000).toISOString() }, // not on the hour
      { startedHour: hourOf(now).replace('.000Z', 'Z') },
      { startedHour: hourOf(now + 3 * HOUR_MS) }, // in the future
      { startedHour: hourOf(now - 8 * 24 * HOUR_MS) }, // older than a week
      { startedHour: '2026-02-30T10:00:00.000Z' },
    ];
    for (const over of bad) expect((await post(valid(over))).status, JSON.stringify(over)).toBe(400);
    for (const body of ['not json', '[]', 'null', '']) expect((await post(body)).status, body).toBe(400);
    expect((await post(valid(), { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(400);
    expect(await stored()).toEqual([]);
  });

  it('accepts a record started up to a week ago, or an hour ahead of our clock', async () => {
    await start();
    expect((await post(valid({ startedHour: hourOf(Date.now() - 6 * 24 * HOUR_MS) }))).status).toBe(204);
    expect((await post(valid({ startedHour: hourOf(Date.now() + HOUR_MS) }))).status).toBe(204);
  });

  it('refuses a body over 2 KB', async () => {
    await start();
    const res = await post(JSON.stringify(valid()).replace('{', `{"padding":"${'x'.repeat(2100)}",`));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ ok: false, code: 'too_large' });
  });

  it('refuses every record when the service has outcomes switched off', async () => {
    await start({ outcomes: false });
    const res = await post(valid());
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ ok: false, code: 'forbidden' });
    expect(await stored()).toEqual([]);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(outcomesUrl(), {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });

  it('answers a preflight from any page when every origin may embed the widget', async () => {
    await start();
    const res = await preflight('https://clinic.example');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type');
  });

  it('with a list of origins, names the caller when listed and refuses anyone else', async () => {
    await start({ allowedOrigins: ['https://clinic.example'] });
    const ok = await preflight('https://clinic.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://clinic.example');
    expect(ok.headers.get('vary')).toMatch(/Origin/);
    expect((await preflight('https://elsewhere.example')).status).toBe(403);

    const allowed = await post(valid(), { 'Content-Type': 'text/plain', Origin: 'https://clinic.example' });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://clinic.example');
    const refused = await post(valid(), { 'Content-Type': 'text/plain', Origin: 'https://elsewhere.example' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ ok: false, code: 'forbidden' });
    // No Origin header (not sent by a browser page on another site): accepted.
    expect((await post(valid())).status).toBe(204);
    expect(await stored()).toHaveLength(2);
  });
});

describe('flood limit', () => {
  it('accepts a set number of records per window across all senders, then 429 until the window ends', async () => {
    let clock = new Date('2026-05-04T10:20:00.000Z');
    const router = createOutcomesRouter({
      store,
      enabled: true,
      flows: ['default'],
      allowedOrigins: '*',
      now: () => clock,
      limit: { max: 2, windowMs: 60_000 },
    });
    app = await startApp({}, { routes: (express) => express.use(router) });
    const record = valid({ flow: 'default', startedHour: '2026-05-04T10:00:00.000Z' });
    expect((await post(record)).status).toBe(204);
    expect((await post(record)).status).toBe(204);
    // A refused record does not use up the allowance; a valid one over it is refused.
    expect((await post({ ...record, flow: 'youth' })).status).toBe(400);
    const limited = await post(record);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ ok: false, code: 'rate_limited' });
    expect(limited.headers.get('retry-after')).toBe('60');
    clock = new Date(clock.getTime() + 60_000);
    expect((await post(record)).status).toBe(204);
    expect(await stored()).toHaveLength(3);
  });
});
