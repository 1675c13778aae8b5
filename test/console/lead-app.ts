/**
 * The real server for the leads' pages: the app, the relay and a real SQLite file in a temp folder,
 * the built console, a lead and a therapist account, and (on request) a report fixture written
 * through the real store. Shared by the report and accounts tests and their screenshots.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createApp } from '../../server/app.js';
import type { ServiceConfig } from '../../server/config.js';
import { addTherapist } from '../../server/auth/accounts.js';
import type { OutcomeRecord } from '../../server/outcomes/record.js';
import type { RiskLevel } from '../../server/protocol.js';
import { attachRelay } from '../../server/relay/index.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { TEST_CONFIG } from '../support/server.js';

export interface Account {
  username: string;
  displayName: string;
  password: string;
}

export const LEAD: Account = { username: 'lena', displayName: 'Lena Ortiz', password: 'a lead with a long password' };
export const THERAPIST: Account = { username: 'sam', displayName: 'Sam Rivera', password: 'correct horse battery' };

export interface LeadApp {
  /** `http://localhost:<port>`: localhost, so the session cookie is sent over plain http. */
  base: string;
  store: SqliteStore;
  therapistId: string;
  close(): Promise<void>;
}

export async function startLeadApp(config: ServiceConfig = TEST_CONFIG): Promise<LeadApp> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sst-lead-'));
  const store = openSqliteStore(path.join(dir, 'sst.db'));
  await addTherapist(store, { ...LEAD, role: 'lead' });
  const therapist = await addTherapist(store, THERAPIST);
  const server = createServer(createApp({ config, widgetDir: 'dist/widget', consoleDir: 'dist/console', store }));
  const relay = attachRelay(server, { store });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://localhost:${(server.address() as AddressInfo).port}`,
    store,
    therapistId: therapist.id,
    close: async () => {
      await relay.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the form at `/console/<hash>` and waits for the signed-in header. */
export async function signInAs(page: Page, base: string, who: Account, hash = ''): Promise<void> {
  await page.goto(`${base}/console/${hash}`);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

const DAY = 86_400_000;
const at = (monday: string, week: number, day: number, hour = 10) =>
  new Date(Date.parse(`${monday}T00:00:00.000Z`) + (week * 7 + day) * DAY + hour * 3600_000).toISOString();

type Fixture = Omit<OutcomeRecord, 'locale' | 'startedHour'> & { week: number };
const outcome = (flow: string, week: number, completed: boolean, before: number | null, after: number | null, feedback: Partial<OutcomeRecord> = {}): Fixture => ({
  flow, week, completed, handoff: false, risk: 'none', before, after, gotWhatCameFor: null, helpful: null, nextStep: null, ...feedback,
});

/**
 * Eight anonymous records over four weeks and six live chats, worked by hand (see the report test):
 * changes +3, +1, +2, −1 (default) and +3, +2 (youth); waits 40, 60, 130, 300, 610 s and one unanswered.
 */
export const OUTCOMES: Fixture[] = [
  outcome('default', 0, true, 3, 6, { gotWhatCameFor: 'yes', helpful: 'very', nextStep: 'quite' }),
  outcome('default', 0, true, 4, 5, { gotWhatCameFor: 'partly', helpful: 'quite', nextStep: 'quite' }),
  outcome('default', 1, false, 5, null, { handoff: true }),
  outcome('default', 1, true, 2, 4, { gotWhatCameFor: 'yes', helpful: 'very', nextStep: 'very' }),
  outcome('default', 2, true, 6, 5, { gotWhatCameFor: 'no', helpful: 'a_little', nextStep: 'not_at_all' }),
  outcome('default', 3, false, null, null, { risk: 'urgent' }),
  outcome('youth', 2, true, 1, 4, { gotWhatCameFor: 'yes', helpful: 'quite', nextStep: 'quite' }),
  outcome('youth', 3, true, 5, 7, { gotWhatCameFor: 'partly', helpful: 'very', nextStep: 'a_little' }),
];

export const HANDOFFS: Array<{ flow: string; week: number; waitSeconds: number | null; risk: RiskLevel }> = [
  { flow: 'default', week: 0, waitSeconds: 40, risk: 'none' },
  { flow: 'default', week: 1, waitSeconds: 60, risk: 'concern' },
  { flow: 'default', week: 1, waitSeconds: 130, risk: 'none' },
  { flow: 'default', week: 2, waitSeconds: 300, risk: 'urgent' },
  { flow: 'default', week: 3, waitSeconds: null, risk: 'none' },
  { flow: 'youth', week: 3, waitSeconds: 610, risk: 'none' },
];

/** Writes the fixture through the real store, in the four weeks starting on Monday `monday`. */
export async function addReportFixture(app: LeadApp, monday: string): Promise<void> {
  for (const [i, { week, ...record }] of OUTCOMES.entries()) {
    await app.store.addOutcome({ ...record, locale: 'en', startedHour: at(monday, week, 1 + (i % 3)) });
  }
  for (const [i, h] of HANDOFFS.entries()) {
    const id = randomUUID();
    const queued = Date.parse(at(monday, h.week, 2, 9 + i));
    await app.store.createConversation({ id, tokenHash: randomUUID(), shared: { flow: h.flow }, risk: h.risk, now: new Date(queued).toISOString() });
    if (h.waitSeconds !== null) await app.store.claim(id, app.therapistId, new Date(queued + h.waitSeconds * 1000).toISOString());
    await app.store.end(id, new Date(queued + 1800_000).toISOString());
  }
}
