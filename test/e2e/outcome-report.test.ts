/**
 * The whole way from a person to the service lead: a session completed by keyboard in the built
 * widget with consent to share, then a lead signs in to the console and finds it counted in the
 * report and in the CSV. Real Chromium, the real server, relay and SQLite file.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlowFile } from '../../flows/load.js';
import { parseServiceConfig } from '../../server/config.js';
import { OUTCOME_FIELDS } from '../../server/outcomes/record.js';
import { LEAD, signInAs, startLeadApp, type LeadApp } from '../console/lead-app.js';
import { launchBrowser } from '../support/browser.js';
import { DEFAULT_FLOW_ANSWERS } from '../support/scripted-person.js';
import { openByKeyboard, runFlow, stored } from '../support/session-driver.js';

const flow = parseFlowFile('flows/default.flow.yaml');
const CONFIG = parseServiceConfig({
  serviceName: 'Test Wellbeing Service',
  country: 'AU',
  safeExitUrl: 'https://weather.example/',
  flows: ['default', 'youth'],
  outcomes: { enabled: true },
});

let app: LeadApp;
let browser: Browser;

beforeAll(async () => {
  app = await startLeadApp(CONFIG);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('a consenting session, as the service lead sees it', () => {
  it('is counted in the report and exported in the CSV', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true });
    try {
      // The range is the UTC days the test ran in (two, if it crosses midnight).
      const from = new Date().toISOString().slice(0, 10);
      const person = await context.newPage();
      await person.goto(`${app.base}/`);
      await openByKeyboard(person);
      await runFlow(person, flow, { ...DEFAULT_FLOW_ANSWERS, outcome_consent: { choose: 'yes' }, rating_before: { rating: 3 }, rating_after: { rating: 7 } });
      expect((await stored(person)).status).toBe('done');
      await person.close();

      const to = new Date().toISOString().slice(0, 10);
      const lead = await context.newPage();
      await signInAs(lead, app.base, LEAD, '#report');
      await lead.getByLabel('From date').fill(from);
      await lead.getByLabel('To date').fill(to);
      // The record travels by beacon: ask again until it has arrived.
      await expect
        .poll(async () => {
          await lead.getByRole('button', { name: 'Show report' }).click();
          await lead.getByText(/Figures for /).waitFor();
          return (await lead.getByRole('region', { name: 'Self-guided sessions', exact: true }).innerText()).replace(/\n+/g, '\n');
        }, { timeout: 10_000 })
        .toContain('Started\n1\nCompleted\n1\nCompletion rate\n100%');
      const change = (await lead.getByRole('region', { name: 'How people felt, before → after (0 to 10)', exact: true }).innerText()).replace(/\n+/g, '\n');
      expect(change).toContain('3.0 → 7.0');

      const [download] = await Promise.all([lead.waitForEvent('download'), lead.getByRole('link', { name: /Download CSV/ }).click()]);
      const lines = readFileSync((await download.path())!, 'utf8').trim().split(/\r\n/);
      expect(lines[0]).toBe(OUTCOME_FIELDS.join(','));
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^default,en,\d{4}-\d\d-\d\dT\d\d:00:00\.000Z,true,false,none,3,7,yes,quite,very$/);
    } finally {
      await context.close();
    }
  });

  it('counts a handoff when the person joined the queue', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const person = await context.newPage();
      await person.goto(`${app.base}/`);
      await openByKeyboard(person);
      const script = { ...DEFAULT_FLOW_ANSWERS, outcome_consent: { choose: 'yes' as const } };
      await runFlow(person, flow, script, 'best_hopes');
      await person.getByRole('button', { name: 'Talk to a person' }).click();
      await person.getByRole('form', { name: 'Talk to a person' }).getByRole('button', { name: 'Ask for a person' }).click();
      await expect.poll(() => person.getByRole('dialog').getByText('You are next in the queue.').isVisible()).toBe(true);
      await person.getByRole('button', { name: 'Leave the queue' }).click();
      await runFlow(person, flow, script);
      expect((await stored(person)).status).toBe('done');
      const all = { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z' };
      await expect.poll(async () => (await app.store.outcomes(all)).filter((r) => r.handoff).length, { timeout: 10_000 }).toBe(1);
    } finally {
      await context.close();
    }
  });
});
