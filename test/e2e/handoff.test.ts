/**
 * The live handoff end to end: a person in one browser context, a therapist in another, the real
 * server with the real relay and a real SQLite file, the built widget and console.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlowFile } from '../../flows/load.js';
import { addTherapist } from '../../server/auth/accounts.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';
import { openByKeyboard, runFlow } from '../support/session-driver.js';
import { startStack, type RunningStack } from '../support/stack.js';

const flow = parseFlowFile('flows/default.flow.yaml');
const PASSWORD = 'a long enough password';
const GOAL = 'Feel less alone this week';

let stack: RunningStack;
let store: SqliteStore;
let base: string;
let browser: Browser;
let personContext: BrowserContext;
let person: Page;
let therapist: Page;

beforeAll(async () => {
  stack = await startStack('handoff');
  ({ store, base } = stack);
  await addTherapist(store, { username: 'sam', displayName: 'Sam', password: PASSWORD });
  browser = await launchBrowser();
  personContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  person = await personContext.newPage();
  // The console's CSP forbids inline scripts, which is how axe is injected: let the test inject it.
  therapist = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const personLog = () => person.getByRole('dialog').getByRole('log');
const countIn = async (text: string) => ((await personLog().innerText()).match(new RegExp(text, 'g')) ?? []).length;

describe('talking to a person', () => {
  it('the person shares a summary and waits in the queue, with crisis lines in view', async () => {
    await person.goto(`${base}/`);
    await openByKeyboard(person);
    await runFlow(person, flow, { welcome: { choose: 'start' }, age_band: { choose: '18_or_over' }, rating_before: { rating: 3 }, best_hopes: { text: GOAL }, confirm_goal: { choose: 'yes' } }, 'preferred_future');
    await person.getByRole('button', { name: 'Talk to a person' }).click();
    const form = person.getByRole('form', { name: 'Talk to a person' });
    await form.waitFor();
    expect(await form.getByRole('checkbox', { name: /My goal for today/ }).isChecked()).toBe(true);
    expect(await form.getByRole('checkbox', { name: 'The whole conversation so far' }).isChecked()).toBe(false);
    expect(formatViolations(await axeViolations(person, { include: ['sst-chat'] }))).toBe('');
    await form.getByRole('button', { name: 'Ask for a person' }).click();
    await expect.poll(() => person.getByRole('dialog').getByText('You are next in the queue.').isVisible()).toBe(true);
    expect(await person.getByRole('dialog').getByRole('link', { name: 'Call 000' }).isVisible()).toBe(true);
  });

  it('the console is served with a strict content security policy', async () => {
    const res = await fetch(`${base}/console/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('the therapist signs in, sees the summary in the queue, and claims the chat', async () => {
    await therapist.goto(`${base}/console/`);
    await therapist.getByLabel('Username').fill('sam');
    await therapist.getByLabel('Password').fill('wrong password!!');
    await therapist.getByRole('button', { name: 'Sign in' }).click();
    await therapist.getByRole('alert').waitFor();
    expect(formatViolations(await axeViolations(therapist))).toBe('');
    await therapist.getByLabel('Password').fill(PASSWORD);
    await therapist.getByRole('button', { name: 'Sign in' }).click();
    const entry = therapist.getByRole('region', { name: 'Waiting for a person' }).getByRole('listitem').filter({ hasText: GOAL });
    await entry.waitFor();
    await entry.getByRole('button', { name: /Claim/ }).click();
    await expect.poll(() => person.getByRole('dialog').getByText('Sam has joined the chat.').isVisible()).toBe(true);
  });

  it('they exchange messages, with typing shown but never the text', async () => {
    await therapist.getByRole('textbox', { name: 'Message' }).fill('Hello, I am Sam. I have read what you shared.');
    await therapist.keyboard.press('Enter');
    await expect.poll(() => countIn('I have read what you shared')).toBe(1);
    const box = person.getByRole('textbox', { name: 'Your message' });
    await box.pressSequentially('Thank you');
    await expect.poll(() => therapist.getByText('The person is typing…').isVisible()).toBe(true);
    await box.press('Enter');
    await expect.poll(() => therapist.getByText('Thank you', { exact: true }).count()).toBe(1);
    expect(formatViolations(await axeViolations(therapist))).toBe('');
  });

  it('messages sent while the person is offline arrive exactly once when they are back', async () => {
    await personContext.setOffline(true);
    await expect.poll(() => person.getByRole('dialog').getByText('You are offline.', { exact: false }).isVisible()).toBe(true);
    for (const n of [1, 2, 3]) {
      await therapist.getByRole('textbox', { name: 'Message' }).fill(`While you were away, message ${n}`);
      await therapist.keyboard.press('Enter');
    }
    await expect.poll(() => therapist.getByText('Sent').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await personContext.setOffline(false);
    for (const n of [1, 2, 3]) await expect.poll(() => countIn(`While you were away, message ${n}`), { timeout: 15_000 }).toBe(1);
    const text = await personLog().innerText();
    expect(text.indexOf('message 1')).toBeLessThan(text.indexOf('message 2'));
    expect(text.indexOf('message 2')).toBeLessThan(text.indexOf('message 3'));
  });

  it('the therapist ends the chat; the person can go back to the self-guided session', async () => {
    await therapist.getByRole('button', { name: 'End chat' }).click();
    const dialog = therapist.getByRole('dialog');
    await dialog.getByRole('textbox').fill('Take care. You can come back any time.');
    await dialog.getByRole('button', { name: /End chat/ }).click();
    await expect.poll(() => countIn('Take care. You can come back any time.')).toBe(1);
    await expect.poll(() => person.getByRole('dialog').getByText('Sam has ended the chat.').isVisible()).toBe(true);
    await person.getByRole('button', { name: 'Back to the session' }).click();
    // Back where they were: the same step, with their goal still in the conversation.
    await expect.poll(async () => (await person.getByRole('dialog').getByRole('log', { name: 'Conversation' }).innerText()).includes(GOAL)).toBe(true);
    expect(await person.getByRole('textbox', { name: "What I'd notice myself doing" }).isVisible()).toBe(true);
  });
});
