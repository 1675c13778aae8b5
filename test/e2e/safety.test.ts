/**
 * Safety end to end: the built widget in Chromium, the real server, relay and SQLite store, and the
 * console in a second browser context. A worrying answer gets the check-in; an urgent one pauses
 * the flow on the safety screen, and "Talk to a person now" puts the chat at the top of the queue.
 */
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlowFile } from '../../flows/load.js';
import { addTherapist } from '../../server/auth/accounts.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/protocol.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';
import { focused, openByKeyboard, runFlow, stored } from '../support/session-driver.js';
import { startStack, type RunningStack } from '../support/stack.js';

const flow = parseFlowFile('flows/default.flow.yaml');
const PASSWORD = 'a long enough password';
const CONCERN = 'Honestly it all feels hopeless lately';
const URGENT = 'I want to kill myself tonight';
// No rule of the lexicon lists this; the trained model under it reads it as urgent.
const URGENT_UNLISTED = "I've put the dog's lead and my letters on the table for mum, she'll find them in the morning";
const EARLIER_GOAL = 'Sleep better before exams';

let stack: RunningStack;
let store: SqliteStore;
let base: string;
let browser: Browser;
let person: Page;
let therapist: Page;
let earlier: Socket<ServerToClientEvents, ClientToServerEvents>;

beforeAll(async () => {
  stack = await startStack('safety');
  ({ store, base } = stack);
  await addTherapist(store, { username: 'sam', displayName: 'Sam', password: PASSWORD });
  browser = await launchBrowser();
  person = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  therapist = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })).newPage();
  // Someone else asked for a person earlier, with nothing worrying in what they wrote.
  earlier = io(`${base}/client`, { transports: ['websocket'] });
  const ack = await earlier.timeout(5000).emitWithAck('conversation:start', { shared: { flow: 'default', goal: EARLIER_GOAL }, risk: 'none' });
  expect(ack.ok).toBe(true);
});

afterAll(async () => {
  earlier?.close();
  await browser?.close();
  await stack?.close();
});

const panel = () => person.getByRole('dialog');

/**
 * A new visitor in a context of their own, at the first written answer; `before` runs before the
 * page loads (to block a file, say). The context is closed after `body`.
 */
async function atFirstAnswer(rating: number, body: (page: Page) => Promise<void>, before?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await before?.(page);
    await page.goto(`${base}/`);
    await openByKeyboard(page);
    await runFlow(page, flow, { welcome: { choose: 'start' }, age_band: { choose: '18_or_over' }, rating_before: { rating } }, 'best_hopes');
    await body(page);
  } finally {
    await context.close();
  }
}
const stepIs = (id: string) => expect.poll(async () => (await stored(person)).step).toBe(id);

describe('safety in the self-guided flow', () => {
  it('an answer of concern gives the check-in with the crisis lines, then the flow goes on', async () => {
    await person.goto(`${base}/`);
    await openByKeyboard(person);
    await runFlow(person, flow, { welcome: { choose: 'start' }, age_band: { choose: '18_or_over' }, rating_before: { rating: 3 } }, 'best_hopes');
    await person.keyboard.type(CONCERN);
    await person.keyboard.press('Enter');
    await stepIs('check_in');
    const log = panel().getByRole('log', { name: 'Conversation' });
    await expect.poll(() => log.innerText()).toContain(flow.safety!.checkIn.say[0]!.en);
    expect(await panel().getByRole('link', { name: 'Call 000' }).isVisible()).toBe(true);
    // Focus is on the check-in's button: Enter carries on.
    // The check-in asks directly, with both answers as buttons; focus is on carrying on.
    await expect.poll(() => log.innerText()).toContain(flow.safety!.checkIn.ask!.question.en);
    expect(await panel().getByRole('button', { name: 'Yes, I am' }).isVisible()).toBe(true);
    await expect.poll(async () => (await focused(person)).text).toBe('No, carry on with the session');
    await person.keyboard.press('Enter');
    await stepIs('confirm_goal');
    expect(await log.innerText()).toContain(`So your goal for today: “${CONCERN}”`);
  });

  it('at the check-in, "Yes, I am" to the direct question opens the safety screen', async () => {
    await atFirstAnswer(2, async (page) => {
      await page.keyboard.type(CONCERN);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await stored(page)).step).toBe('check_in');
      await page.keyboard.press('Shift+Tab');
      expect((await focused(page)).text).toBe('Yes, I am');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await stored(page)).step).toBe('safety');
      const screen = page.getByRole('dialog').getByRole('region', { name: "Let's pause for a moment" });
      await screen.waitFor();
      expect(await screen.getByRole('button', { name: 'Talk to a person now' }).isVisible()).toBe(true);
      expect(formatViolations(await axeViolations(page, { include: ['sst-chat'] }))).toEqual('');
    });
  });

  it('an urgent answer in words no rule lists, read by the trained model in the browser, opens the safety screen', async () => {
    await atFirstAnswer(1, async (page) => {
      await page.keyboard.type(URGENT_UNLISTED);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await stored(page)).step).toBe('safety');
      const screen = page.getByRole('dialog').getByRole('region', { name: "Let's pause for a moment" });
      await screen.waitFor();
      expect(await screen.getByRole('button', { name: 'Talk to a person now' }).isVisible()).toBe(true);
    });
  });

  it('fails safe: when the risk engine cannot load, a written answer gets the check-in and the crisis lines', async () => {
    // The engine's file cannot be fetched (offline, or replaced by a new deploy).
    const blockEngine = (page: Page) => page.route(/\/widget\/chunks\/safety-[^/]*\.js$/, (route) => route.abort());
    await atFirstAnswer(5, async (page) => {
      await page.keyboard.type('Sleep better before exams');
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await stored(page)).step).toBe('check_in');
      expect(await page.getByRole('dialog').getByRole('link', { name: 'Call 000' }).isVisible()).toBe(true);
    }, blockEngine);
  });

  it('an urgent answer mid-flow pauses it on the safety screen, with the crisis lines and Talk to a person now', async () => {
    await runFlow(person, flow, { confirm_goal: { choose: 'yes' } }, 'preferred_future');
    await person.keyboard.type(URGENT);
    await person.keyboard.press('Enter');
    await stepIs('safety');
    const screen = panel().getByRole('region', { name: "Let's pause for a moment" });
    await screen.waitFor();
    await expect.poll(async () => (await focused(person)).text).toBe("Let's pause for a moment");
    expect(await screen.getByRole('link', { name: 'Call 000' }).isVisible()).toBe(true);
    expect(await screen.getByRole('link', { name: /^Text / }).first().isVisible()).toBe(true);
    expect(await screen.getByRole('button', { name: 'Talk to a person now' }).isVisible()).toBe(true);
    // Get help now and Exit stay, as everywhere.
    expect(await panel().getByRole('button', { name: 'Get help now' }).isVisible()).toBe(true);
    expect(await panel().getByRole('button', { name: 'Exit' }).isVisible()).toBe(true);
    expect(formatViolations(await axeViolations(person, { include: ['sst-chat'] }))).toBe('');
    // A safety plan, kept in the session.
    await screen.getByRole('textbox', { name: 'People I can contact' }).fill('My sister');
    await screen.getByRole('button', { name: 'Keep my safety plan' }).click();
    await expect.poll(() => screen.getByText('Your safety plan is saved', { exact: false }).isVisible()).toBe(true);
    // One tap on Continue is not enough: the person is asked, and "Not now" stays here.
    await screen.getByRole('button', { name: 'Continue the session' }).click();
    await screen.getByRole('button', { name: 'Not now' }).click();
    expect((await stored(person)).step).toBe('safety');
  });

  it('Talk to a person now puts the chat at the top of the console queue, flagged urgent', async () => {
    await panel().getByRole('button', { name: 'Talk to a person now' }).click();
    const form = person.getByRole('form', { name: 'Talk to a person' });
    await form.waitFor();
    await form.getByRole('button', { name: 'Ask for a person' }).click();
    await expect.poll(() => panel().getByText('You are next in the queue.').isVisible()).toBe(true);

    await therapist.goto(`${base}/console/`);
    await therapist.getByLabel('Username').fill('sam');
    await therapist.getByLabel('Password').fill(PASSWORD);
    await therapist.getByRole('button', { name: 'Sign in' }).click();
    const cards = therapist.getByRole('region', { name: 'Waiting for a person' }).getByRole('listitem');
    await expect.poll(() => cards.count()).toBe(2);
    const first = await cards.nth(0).innerText();
    expect(first).toContain('Urgent');
    expect(first).toContain(CONCERN);
    expect(await cards.nth(1).innerText()).toContain(EARLIER_GOAL);
    expect(await cards.nth(1).innerText()).not.toContain('Urgent');
    expect(formatViolations(await axeViolations(therapist))).toBe('');
  });

  it('an urgent message in the live chat alerts the therapist holding it', async () => {
    const cards = therapist.getByRole('region', { name: 'Waiting for a person' }).getByRole('listitem');
    await cards.nth(0).getByRole('button', { name: /Claim/ }).click();
    await expect.poll(() => panel().getByText('Sam has joined the chat.').isVisible()).toBe(true);
    expect(await therapist.getByRole('tab', { name: /Urgent/ }).isVisible()).toBe(true);
    const box = person.getByRole('textbox', { name: 'Your message' });
    await box.fill('I still have the pills and I want to kill myself');
    await box.press('Enter');
    await expect.poll(() => therapist.getByRole('alert').filter({ hasText: 'Urgent' }).textContent(), { timeout: 10_000 }).toContain('may be at risk now');
  });

  it('back from the live chat, the person is on the safety screen still, and carries on only by choosing to', async () => {
    await panel().getByRole('button', { name: 'End chat' }).click();
    await panel().getByRole('button', { name: 'Back to the session' }).click();
    const screen = panel().getByRole('region', { name: "Let's pause for a moment" });
    await screen.waitFor();
    expect(await screen.getByRole('textbox', { name: 'People I can contact' }).inputValue()).toBe('My sister');
    await screen.getByRole('button', { name: 'Continue the session' }).click();
    await screen.getByRole('button', { name: 'Yes, continue the session' }).click();
    await stepIs('scale_now');
  });
});
