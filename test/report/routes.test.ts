import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTherapist } from '../../server/auth/accounts.js';
import type { RiskLevel } from '../../server/protocol.js';
import { OUTCOME_FIELDS } from '../../server/outcomes/record.js';
import type { ServiceReport } from '../../server/report/types.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { startApp, type RunningApp } from '../support/server.js';
import { record } from './outcome-record.js';

const PASSWORD = 'a long enough passphrase';

let dir: string;
let store: SqliteStore;
let app: RunningApp;
let leadCookie: string;
let therapistCookie: string;


/** A live chat that joined the queue at `queuedAt`, answered `waitSeconds` later (or never), then ended. */
async function liveChat(id: string, flow: string, queuedAt: string, waitSeconds: number | null, risk: RiskLevel = 'none') {
  await store.createConversation({ id, tokenHash: `hash-${id}`, shared: { flow }, risk, now: queuedAt });
  const start = Date.parse(queuedAt);
  if (waitSeconds !== null) await store.claim(id, 't-lee', new Date(start + waitSeconds * 1000).toISOString());
  await store.end(id, new Date(start + 3600_000).toISOString());
}

async function signIn(username: string): Promise<string> {
  const res = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-report-'));
  store = openSqliteStore(path.join(dir, 'sst.db'));
  await addTherapist(store, { username: 'lee', displayName: 'Lee', password: PASSWORD, role: 'lead' });
  await addTherapist(store, { username: 'sam', displayName: 'Sam', password: PASSWORD, role: 'therapist' });
  await store.createTherapist({ id: 't-lee', username: 'lee-chat', displayName: 'Lee', passwordHash: 'x', now: '2026-01-01T00:00:00.000Z' });

  // Range used below: Mon 2026-03-02 to Sun 2026-03-08, inclusive.
  await store.addOutcome(record({ startedHour: '2026-03-01T23:00:00.000Z', before: 0, after: 10 })); // the day before: out
  await store.addOutcome(record({ startedHour: '2026-03-02T00:00:00.000Z', before: 2, after: 6, gotWhatCameFor: 'yes', helpful: 'very' })); // +4
  await store.addOutcome(record({ startedHour: '2026-03-05T13:00:00.000Z', before: 5, after: 6, locale: 'en-AU' })); // +1
  await store.addOutcome(record({ flow: 'youth', startedHour: '2026-03-08T23:00:00.000Z', before: 4, after: 3, completed: false, risk: 'urgent' })); // −1, last hour of `to`
  await store.addOutcome(record({ startedHour: '2026-03-09T00:00:00.000Z', before: 10, after: 0 })); // the day after: out

  await liveChat('c1', 'default', '2026-03-03T10:15:00.000Z', 90);
  await liveChat('c2', 'default', '2026-03-04T10:15:00.000Z', 30);
  await liveChat('c3', 'youth', '2026-03-06T10:15:00.000Z', null, 'urgent');
  await liveChat('c4', 'default', '2026-03-10T10:15:00.000Z', 5); // after the range

  app = await startApp({ store });
  leadCookie = await signIn('lee');
  therapistCookie = await signIn('sam');
});
afterAll(async () => {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (route: string, cookie?: string) => fetch(`${app.url}${route}`, { headers: cookie ? { Cookie: cookie } : {} });
const WEEK = 'from=2026-03-02&to=2026-03-08';

describe('who may see the report', () => {
  for (const route of [`/api/report?${WEEK}`, `/api/report.csv?${WEEK}`]) {
    it(`refuses ${route.split('?')[0]} without a session (401) and to a therapist (403)`, async () => {
      const anonymous = await get(route);
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toEqual({ ok: false, code: 'unauthorised' });
      const therapist = await get(route, therapistCookie);
      expect(therapist.status).toBe(403);
      expect(await therapist.json()).toEqual({ ok: false, code: 'forbidden' });
      expect(therapist.headers.get('cache-control')).toBe('no-store');
    });
  }
});

describe('GET /api/report', () => {
  it('gives a lead the figures of the records in the range, `to` inclusive', async () => {
    const res = await get(`/api/report?${WEEK}`, leadCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const { ok, report } = (await res.json()) as { ok: boolean; report: ServiceReport };
    expect(ok).toBe(true);
    expect(report.range).toEqual({ from: '2026-03-02', to: '2026-03-08', flow: 'all' });
    // 3 records in range (00:00 on `from` to 23:00 on `to`), 2 completed.
    expect(report.sessions.started).toBe(3);
    expect(report.sessions.completed).toBe(2);
    expect(report.sessions.completionRate).toBeCloseTo(2 / 3, 3);
    // Changes +4, +1, −1: mean 4/3 = 1.33; SS = 18 − 16/3 = 12.67; sd = √6.33 = 2.52;
    // CI = 1.33 ∓ 4.303 × 2.52 / √3 = 1.33 ∓ 6.25 = [−4.92, 7.58]; d_z = 1.33 / 2.52 = 0.53.
    expect(report.change.n).toBe(3);
    expect(report.change.mean).toBeCloseTo(1.3333, 2);
    expect(report.change.sd).toBeCloseTo(2.5166, 2);
    expect(report.change.ci95?.[0]).toBeCloseTo(-4.92, 2);
    expect(report.change.ci95?.[1]).toBeCloseTo(7.58, 2);
    expect(report.change.effectSize).toBeCloseTo(0.53, 2);
    expect(report.urgentEscalations).toBe(1);
    expect(report.feedback.gotWhatCameFor).toEqual({ yes: 1, partly: 0, no: 0 });
    // Live chats queued in the range: waits 90 and 30, one unanswered (urgent). Nearest rank of
    // [30, 90]: median = 1st = 30, 90th = ceil(1.8) = 2nd = 90.
    expect(report.handoffs).toEqual({ count: 3, answered: 2, waitMedianSeconds: 30, waitP90Seconds: 90, urgent: 1 });
    expect(report.weeks).toEqual([{ weekStart: '2026-03-02', started: 3, completed: 2, meanChange: expect.closeTo(1.3333, 3), handoffs: 3 }]);
  });

  it('narrows to one flow', async () => {
    const { report } = (await (await get(`/api/report?${WEEK}&flow=youth`, leadCookie)).json()) as { report: ServiceReport };
    expect(report.range.flow).toBe('youth');
    expect(report.sessions).toEqual({ started: 1, completed: 0, completionRate: 0 });
    expect(report.handoffs).toMatchObject({ count: 1, answered: 0, urgent: 1, waitMedianSeconds: null });
  });

  it('refuses a malformed query', async () => {
    const bad = [
      'from=2026-03-08&to=2026-03-02', // backwards
      'from=2025-03-01&to=2026-03-02', // 367 days
      'from=2026-02-30&to=2026-03-02', // no such day
      'from=2026-3-2&to=2026-03-08',
      `${WEEK}&flow=adults`, // not a flow of this service
      `${WEEK}&extra=1`,
      `${WEEK}&flow=all&flow=youth`,
      'to=2026-03-08',
    ];
    for (const query of bad) {
      const res = await get(`/api/report?${query}`, leadCookie);
      expect(res.status, query).toBe(400);
      expect(await res.json()).toEqual({ ok: false, code: 'bad_request' });
    }
  });

  it('accepts a whole leap year (366 days) and a single day', async () => {
    expect((await get('/api/report?from=2028-01-01&to=2028-12-31', leadCookie)).status).toBe(200);
    const day = (await (await get('/api/report?from=2026-03-05&to=2026-03-05', leadCookie)).json()) as { report: ServiceReport };
    expect(day.report.sessions.started).toBe(1);
  });
});

describe('GET /api/report.csv', () => {
  it('downloads the anonymous records in the range, header first, CRLF line ends', async () => {
    const res = await get(`/api/report.csv?${WEEK}`, leadCookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="outcomes-all-2026-03-02-to-2026-03-08.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines).toEqual([
      OUTCOME_FIELDS.join(','),
      'default,en,2026-03-02T00:00:00.000Z,true,false,none,2,6,yes,very,',
      'default,en-AU,2026-03-05T13:00:00.000Z,true,false,none,5,6,,,',
      'youth,en,2026-03-08T23:00:00.000Z,false,false,urgent,4,3,,,',
    ]);
  });

  it('has just the header for an empty range', async () => {
    const text = await (await get('/api/report.csv?from=2027-01-01&to=2027-01-31&flow=youth', leadCookie)).text();
    expect(text).toBe(`${OUTCOME_FIELDS.join(',')}\r\n`);
  });
});
