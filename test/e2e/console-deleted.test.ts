/**
 * A person deletes their chat while a therapist holds it: every console tab says so and forgets
 * the messages, and a chat deleted while waiting leaves every queue. Real Chromium, the real
 * server, relay and SQLite file, the built console; the person is a `/client` socket.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/protocol.js';
import { focused, tabTo } from '../console/console-driver.js';
import { LEAD, THERAPIST, signInAs, startLeadApp, type LeadApp } from '../console/lead-app.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';

type Person = Socket<ServerToClientEvents, ClientToServerEvents>;

let app: LeadApp;
let browser: Browser;
let samContext: BrowserContext;
let tab1: Page;
let tab2: Page;
let lead: Page;
const people: Person[] = [];
const errors: Error[] = [];

beforeAll(async () => {
  app = await startLeadApp();
  browser = await launchBrowser();
  samContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  tab1 = await samContext.newPage();
  tab2 = await samContext.newPage();
  lead = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  for (const p of [tab1, tab2, lead]) p.on('pageerror', (error) => errors.push(error));
});
afterAll(async () => {
  for (const p of people) p.close();
  await browser?.close();
  await app?.close();
  expect(errors.map((e) => e.message)).toEqual([]);
});

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5000 });
const DELETED = 'The person deleted this chat. Its messages have been removed from the service.';

async function personAsks(goal: string, risk: 'none' | 'urgent' = 'none'): Promise<Person> {
  const person: Person = io(`${app.base}/client`, { transports: ['websocket'], forceNew: true });
  people.push(person);
  const ack = await person.timeout(5000).emitWithAck('conversation:start', { shared: { flow: 'default', goal }, risk });
  if (!ack.ok) throw new Error(ack.code);
  return person;
}

/** What the console holds in memory for its chats (the element's connection), as text. */
const heldInMemory = (page: Page) =>
  page.evaluate(() => JSON.stringify((document.querySelector('sst-console') as unknown as { connection: { chats: unknown[] } }).connection.chats));

describe('a chat the person deletes', () => {
  it('is shown as deleted in every tab of the therapist, with its messages gone', async () => {
    const person = await personAsks('Sleep better this week');
    await signInAs(tab1, app.base, THERAPIST);
    // The same browser, so already signed in.
    await tab2.goto(`${app.base}/console/`);
    await tab2.getByRole('button', { name: 'Sign out' }).waitFor();
    await tab1.getByRole('button', { name: 'Claim' }).click();
    await tab1.getByRole('tab', { name: /Chat 1/, selected: true }).waitFor();
    const said = await person.timeout(5000).emitWithAck('message:send', { id: 'person-msg-0001', text: 'I keep waking at 3 am' });
    expect(said.ok).toBe(true);
    for (const tab of [tab1, tab2]) await tab.getByText('I keep waking at 3 am').waitFor();
    expect(await heldInMemory(tab2)).toContain('I keep waking at 3 am');

    expect((await person.timeout(5000).emitWithAck('conversation:delete', {})).ok).toBe(true);
    for (const tab of [tab1, tab2]) {
      await tab.getByText(DELETED).waitFor();
      await tab.getByRole('tab', { name: /Chat 1.*Deleted/ }).waitFor();
      expect(await tab.getByText('I keep waking at 3 am').count()).toBe(0);
      expect(await tab.getByText('Sleep better this week').count()).toBe(0);
      expect(await tab.getByRole('textbox', { name: 'Message', exact: true }).count()).toBe(0);
      const memory = await heldInMemory(tab);
      expect(memory).not.toContain('I keep waking at 3 am');
      expect(memory).not.toContain('Sleep better this week');
    }
    await poll(() => tab1.getByRole('status').filter({ hasText: 'Chat 1: the person deleted the chat.' }).count()).toBe(1);
    const violations = await axeViolations(tab1);
    expect(violations, formatViolations(violations)).toEqual([]);

    // The tab can be closed, by keyboard; focus does not get lost.
    await tabTo(tab1, (f) => f.text === 'Close chat 1', 60);
    await tab1.keyboard.press('Enter');
    await tab1.getByText('You have no chats open.').waitFor();
    expect((await focused(tab1)).text).toBe('Your chats');
  });

  it('leaves every console’s queue when deleted while waiting, and the lead’s page links too', async () => {
    await signInAs(lead, app.base, LEAD);
    const person = await personAsks('Talk about my exams', 'urgent');
    const card = (page: Page) => page.getByRole('listitem').filter({ hasText: 'Talk about my exams' });
    await card(lead).waitFor();
    await card(tab2).waitFor();
    // On the report, the Chats link still says someone is waiting, and that it is urgent.
    await lead.getByRole('link', { name: 'Report' }).click();
    await lead.getByRole('heading', { name: 'Service report' }).waitFor();
    const chats = lead.getByRole('navigation', { name: 'Console pages' }).getByRole('link', { name: /^Chats/ });
    // The count follows the queue, which the console hears about asynchronously: wait for it.
    await poll(() => chats.innerText()).toMatch(/1 waiting, 1 urgent/);

    expect((await person.timeout(5000).emitWithAck('conversation:delete', {})).ok).toBe(true);
    await card(tab2).waitFor({ state: 'detached' });
    await poll(() => chats.innerText()).toBe('Chats');
    await chats.click();
    await lead.getByText('No one is waiting right now.').waitFor();
    expect(await card(lead).count()).toBe(0);
  });
});
