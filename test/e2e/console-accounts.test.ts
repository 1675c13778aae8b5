/**
 * Managing accounts in the console, by keyboard alone: real Chromium, the real server, relay and
 * SQLite file, the built console. Each change is checked where it matters: signing in.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { focused, tabTo } from '../console/console-driver.js';
import { LEAD, THERAPIST, signInAs, startLeadApp, type Account, type LeadApp } from '../console/lead-app.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';

let app: LeadApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
  app = await startLeadApp();
  browser = await launchBrowser();
  // The console's CSP forbids inline scripts, which is how axe is injected: let the test inject it.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error));
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});
afterEach(() => {
  expect(errors.map((e) => e.message)).toEqual([]);
});

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5000 });
const JO: Account = { username: 'jo', displayName: 'Jo', password: 'plenty of words here' };
const NEW_PASSWORD = 'another set of words';
const status = () => page.getByRole('status').filter({ hasText: /\S/ });
const alert = () => page.getByRole('alert').filter({ hasText: /\S/ });
const row = (username: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${username}\\b`) }) });
const focusedText = async () => (await focused(page)).text;

async function expectNoAxeViolations(): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}

/** Signs in somewhere else (a fresh browser context) and says whether it worked. */
async function canSignIn(who: Account): Promise<boolean> {
  const other = await browser.newContext();
  try {
    const p = await other.newPage();
    await p.goto(`${app.base}/console/`);
    await p.getByLabel('Username').fill(who.username);
    await p.getByLabel('Password').fill(who.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    const outcome = await Promise.race([
      p.getByRole('button', { name: 'Sign out' }).waitFor().then(() => true),
      p.getByRole('alert').filter({ hasText: 'do not match' }).waitFor().then(() => false),
    ]);
    return outcome;
  } finally {
    await other.close();
  }
}

async function press(key: string): Promise<void> {
  await page.keyboard.press(key);
}

describe('accounts, for a lead, by keyboard', () => {
  it('lists the accounts and reaches the page from the navigation', async () => {
    await signInAs(page, app.base, LEAD);
    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Accounts');
    await press('Enter');
    await poll(focusedText).toBe('Accounts');
    const table = page.getByRole('table', { name: 'Accounts (2)' });
    await table.waitFor();
    expect(await row('lena').innerText()).toMatch(/lena \(you\)\s+Lena Ortiz\s+Service lead\s+Active/);
    expect(await row('sam').innerText()).toMatch(/sam\s+Sam Rivera\s+Therapist\s+Active/);
    await expectNoAxeViolations();
    // At 320px (400% zoom) each account is a card, still a table row to a screen reader.
    await page.setViewportSize({ width: 320, height: 640 });
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await row('sam').getByRole('cell').count()).toBe(5);
    await expectNoAxeViolations();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('adds a therapist, refusing a short password and a taken username first', async () => {
    await tabTo(page, (f) => f.id === 'add-username', 60);
    await page.keyboard.type(JO.username);
    await press('Tab');
    await page.keyboard.type(JO.displayName);
    await press('Tab');
    expect((await focused(page)).id).toBe('add-role');
    await press('Tab');
    await page.keyboard.type('short');
    await press('Enter');
    await poll(() => alert().innerText()).toContain('The password is too short');
    expect((await focused(page)).id).toBe('add-password');
    expect(await page.getByLabel('Password', { exact: true }).getAttribute('aria-invalid')).toBe('true');

    // The server's own refusal (409) is shown as it words it.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(JO.password);
    await page.getByLabel('Username', { exact: true }).fill('sam');
    await page.getByLabel('Password', { exact: true }).focus();
    await press('Enter');
    await poll(() => alert().innerText()).toContain('already exists');
    expect((await focused(page)).id).toBe('add-username');

    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(JO.username);
    await tabTo(page, (f) => f.id === 'add-password');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(JO.password);
    await press('Enter');
    await poll(() => status().innerText()).toBe('Added jo (therapist). They can sign in now.');
    await page.getByRole('table', { name: 'Accounts (3)' }).waitFor();
    expect(await focusedText()).toBe('jo');
    expect(await row('jo').innerText()).toMatch(/jo\s+Jo\s+Therapist\s+Active/);
    expect(await page.getByLabel('Username', { exact: true }).inputValue()).toBe('');
    expect(await canSignIn(JO)).toBe(true);
  });

  it('disables an account after a confirmation: they cannot sign in; enabling lets them back', async () => {
    await tabTo(page, (f) => f.text === 'Disable jo');
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Disable jo’s account?' });
    await dialog.waitFor();
    expect(await focusedText()).toBe('Cancel');
    await expectNoAxeViolations();
    // Escape cancels, and focus goes back to the button.
    await press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await poll(focusedText).toBe('Disable jo');

    await press('Enter');
    await dialog.waitFor();
    await press('Tab');
    expect(await focusedText()).toBe('Disable account');
    await press('Enter');
    await poll(() => status().innerText()).toBe('jo’s account is disabled. They have been signed out.');
    await poll(focusedText).toBe('Enable jo');
    expect(await row('jo').innerText()).toContain('Disabled');
    expect(await canSignIn(JO)).toBe(false);

    await press('Enter');
    await poll(() => status().innerText()).toBe('jo can sign in again.');
    await poll(focusedText).toBe('Disable jo');
    expect(await canSignIn(JO)).toBe(true);
  });

  it('resets a password in a small dialog: the old one stops working, the new one works', async () => {
    await tabTo(page, (f) => f.text === 'Reset password of jo');
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Reset the password of jo' });
    await dialog.waitFor();
    expect((await focused(page)).id).toBe('new-password');
    await page.keyboard.type('tiny');
    await press('Enter');
    await poll(() => dialog.getByRole('alert').innerText()).toContain('too short');
    await expectNoAxeViolations();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(NEW_PASSWORD);
    await press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await poll(() => status().innerText()).toBe('New password set for jo. They have been signed out everywhere.');
    await poll(focusedText).toBe('Reset password of jo');
    expect(await canSignIn(JO)).toBe(false);
    expect(await canSignIn({ ...JO, password: NEW_PASSWORD })).toBe(true);
  });

  it('changes roles, and shows the server’s sentence when a rule says no', async () => {
    await tabTo(page, (f) => f.text === 'Make lead jo');
    await press('Enter');
    await poll(() => status().innerText()).toBe('jo is now a service lead.');
    await poll(focusedText).toBe('Make therapist jo');
    expect(await row('jo').innerText()).toContain('Service lead');
    await press('Enter');
    await poll(() => status().innerText()).toBe('jo is now a therapist.');
    await poll(focusedText).toBe('Make lead jo');

    // The only lead cannot stop being one, nor disable themself: the server says why (409).
    await page.getByRole('button', { name: 'Make therapist lena' }).focus();
    await press('Enter');
    await poll(() => alert().innerText()).toMatch(/lead/i);
    expect(await focusedText()).toBe('Make therapist lena');
    expect(await row('lena').innerText()).toContain('Service lead');

    await page.getByRole('button', { name: 'Disable lena' }).focus();
    await press('Enter');
    await page.getByRole('dialog', { name: 'Disable lena’s account?' }).waitFor();
    await press('Tab');
    await press('Enter');
    await poll(() => alert().innerText()).toContain('You cannot disable your own account.');
    await poll(focusedText).toBe('Disable lena');
    expect(await row('lena').innerText()).toContain('Active');
    await expectNoAxeViolations();
  });

  it('a therapist cannot use the accounts endpoints either (the server refuses)', async () => {
    const other = await browser.newContext();
    try {
      const p = await other.newPage();
      await signInAs(p, app.base, THERAPIST);
      const list = await other.request.get(`${app.base}/api/accounts`);
      expect(list.status()).toBe(403);
    } finally {
      await other.close();
    }
  });
});
