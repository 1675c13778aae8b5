/**
 * The anonymous outcome record end to end: a service with outcomes on, the built widget in real
 * Chromium driven by keyboard, the real server and a real SQLite store. What arrived is read
 * through the store, as the service report reads it.
 *
 * A record that should not exist cannot be waited for, so each test ends with a control: a short
 * session, in a new tab, where the person says yes and then quick-exits. Its record is sent after
 * anything the earlier session could have sent; once it is in the store, the store holds all there is.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseFlowFile } from '../../flows/load.js';
import { parseServiceConfig } from '../../server/config.js';
import type { OutcomeRecord } from '../../server/outcomes/record.js';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';
import { DEFAULT_FLOW_ANSWERS } from '../support/scripted-person.js';
import { startApp, type RunningApp } from '../support/server.js';
import { openByKeyboard, runFlow, stored, type ScriptedAnswer } from '../support/session-driver.js';

const flow = parseFlowFile('flows/default.flow.yaml');
const SAFE = 'https://weather.example/';
// The test service's settings, with outcome records on.
const CONFIG = parseServiceConfig({
  serviceName: 'Test Wellbeing Service',
  country: 'AU',
  safeExitUrl: SAFE,
  flows: ['default', 'youth'],
  links: [{ label: 'Our services', href: '/services.html' }],
  outcomes: { enabled: true },
});
const ALL_TIME = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };

let browser: Browser;
let dir: string;
let store: SqliteStore;
let app: RunningApp;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'sst-outcome-'));
  store = openSqliteStore(path.join(dir, 'sst.db'));
  app = await startApp({ config: CONFIG, widgetDir: 'dist/widget', store });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The safe page is another site; answer it locally so the test never leaves the machine.
  await context.route(`${SAFE}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title>' }));
});
afterEach(async () => {
  await context?.close();
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function newTab(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${app.url}/`);
  await openByKeyboard(page);
  return page;
}

const records = () => store.outcomes(ALL_TIME);

/** The control: says yes, answers the first check-in with 9, then leaves with Exit. */
async function controlRecord(): Promise<void> {
  const page = await newTab();
  await runFlow(page, flow, { ...DEFAULT_FLOW_ANSWERS, outcome_consent: { choose: 'yes' }, rating_before: { rating: 9 } }, 'best_hopes');
  await page.getByRole('button', { name: 'Exit', exact: true }).click();
  await page.waitForURL(SAFE);
}

const script = (consent: 'yes' | 'no'): Record<string, ScriptedAnswer | ScriptedAnswer[]> => ({
  ...DEFAULT_FLOW_ANSWERS,
  outcome_consent: { choose: consent },
  helpful: { choose: 'quite' },
  next_step: { choose: 'very' },
});

describe('the outcome record', () => {
  it('a session completed by keyboard with consent sends exactly one record, with its ratings', async () => {
    const page = await newTab();
    await runFlow(page, flow, script('yes'), 'outcome_consent');
    // Yes and No side by side, equally easy, in a group named by the question.
    const question = page.getByRole('group', { name: 'Keep a few anonymous answers?' });
    for (const name of ["Yes, that's fine", 'No, thanks']) expect(await question.getByRole('button', { name }).isVisible(), name).toBe(true);
    expect(formatViolations(await axeViolations(page, { include: ['sst-chat'] })), 'consent step').toEqual('');
    const seen = await runFlow(page, flow, script('yes'));
    expect(seen).toEqual(expect.arrayContaining(['outcome_consent', 'helpful', 'next_step']));
    expect((await stored(page)).status).toBe('done');
    await expect.poll(async () => (await records()).length).toBe(1);
    const [record] = await records();
    expect(record).toEqual({
      flow: 'default',
      locale: 'en',
      startedHour: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/),
      completed: true,
      handoff: false,
      risk: 'none',
      before: 4,
      after: 6,
      gotWhatCameFor: 'yes',
      helpful: 'quite',
      nextStep: 'very',
    } satisfies OutcomeRecord);
    expect(Date.now() - Date.parse(record!.startedHour)).toBeLessThan(2 * 60 * 60 * 1000);

    // Leaving (and the page going away) does not send it again.
    await page.getByRole('button', { name: 'Exit', exact: true }).click();
    await page.waitForURL(SAFE);
    await controlRecord();
    await expect.poll(async () => (await records()).length).toBe(2);
    const all = await records();
    expect(all.filter((r) => r.completed)).toHaveLength(1);
    // The control left during the session: sent as it was, not completed, on quick exit.
    expect(all.find((r) => !r.completed)).toMatchObject({ before: 9, after: null, gotWhatCameFor: null, helpful: null, nextStep: null });
  });

  it('after "No, thanks" nothing is sent, at the end or when the person leaves', async () => {
    const page = await newTab();
    await runFlow(page, flow, script('no'));
    expect((await stored(page)).status).toBe('done');
    await page.goto(SAFE); // the page goes away: pagehide
    await controlRecord();
    await expect.poll(async () => (await records()).length).toBe(1);
    expect(await records()).toEqual([expect.objectContaining({ completed: false, before: 9 })]);
  });
});
