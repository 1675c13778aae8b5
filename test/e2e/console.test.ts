/**
 * The therapist console as a user sees it: the real build, real Chromium, and a stand-in server
 * (fake auth routes and a minimal `/therapist` namespace on the real Socket.IO server). The real
 * relay and auth are tested elsewhere; this checks the console's own behaviour and accessibility.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';
import { mergeMessages, waitingText, type ShownMessage } from '../../server/console/chat-state.js';
import type { ChatMessage } from '../../server/protocol.js';
import { CONSOLE_DIST, SHARED, buildConsole, countSounds, focused, signIn, tabTo } from '../console/console-driver.js';
import { THERAPIST, entry, startFakeRelay, type FakeRelay } from '../console/fake-relay.js';

let fake: FakeRelay;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: Error[] = [];

beforeAll(async () => {
  await buildConsole();
  fake = await startFakeRelay(CONSOLE_DIST);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await fake?.close();
});
beforeEach(async () => {
  fake.reset();
  errors.length = 0;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error));
  await countSounds(page);
});
afterEach(async () => {
  await context.close();
  expect(errors.map((e) => e.message)).toEqual([]);
});

async function expectNoAxeViolations(): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}

const alert = () => page.getByRole('alert');
const log = (n = 1) => page.getByRole('log', { name: `Messages in chat ${n}` });
/** "✓ Sent", not "Not sent: …" (getByText with a string ignores case). */
const SENT = /(^|\s)Sent$/;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5000 });

async function claimFirst(): Promise<void> {
  await page.getByRole('button', { name: 'Claim' }).first().click();
  await page.getByRole('tab', { name: /Chat 1/, selected: true }).waitFor();
}

describe('signing in', () => {
  it('shows why sign-in failed (wrong password, too many attempts), then signs in and out', async () => {
    await page.goto(`${fake.url}/console/`);
    await page.getByRole('heading', { level: 1, name: 'Therapist console' }).waitFor();
    expect((await focused(page)).id).toBe('username');
    await expectNoAxeViolations();

    await page.getByLabel('Username').fill(THERAPIST.username);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => alert().textContent()).toContain('username and password do not match');
    expect(await page.getByLabel('Password').inputValue()).toBe('');

    await page.getByLabel('Username').fill('flood');
    await page.getByLabel('Password').fill('anything');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => alert().textContent()).toContain('Too many sign-in attempts');
    expect(await alert().textContent()).toContain('wait 5 minutes');

    await page.getByLabel('Username').fill(THERAPIST.username);
    await page.getByLabel('Password').fill(THERAPIST.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();
    await page.getByText(`Signed in as ${THERAPIST.displayName}`).waitFor();

    // With a session, a reload goes straight to the console.
    await page.reload();
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
  });
});

describe('the queue', () => {
  it('shows what each person shared, urgent first and flagged in words, and chimes for a new one', async () => {
    fake.setQueue([
      entry('urgent-1', { risk: 'urgent', minutesAgo: 3, returned: true, shared: SHARED }),
      entry('calm-1', { minutesAgo: 12, shared: { flow: 'youth' } }),
    ]);
    await signIn(page, fake.url);
    const cards = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Claim' }) });
    await poll(() => cards.count()).toBe(2);
    const first = cards.first();
    for (const text of ['Waiting 3 min', 'Urgent', 'Returned to queue', 'Feel less stuck about my exams', 'Open my maths notes for 10 minutes', 'My sister, music, walking my dog'])
      await first.getByText(text, { exact: false }).first().waitFor();
    expect(await first.getByRole('definition').allTextContents()).toEqual(expect.arrayContaining(['4 out of 10', '3 out of 10']));
    await first.getByText('Their session so far (2 messages)').click();
    await first.getByText('What are your best hopes from today?').waitFor();
    await cards.nth(1).getByText('Waiting 12 min').waitFor();
    await cards.nth(1).getByText('They chose not to share details').waitFor();
    expect(await page.evaluate(() => (window as unknown as { sstSounds: number }).sstSounds)).toBe(0);

    await page.getByRole('button', { name: 'Turn on notifications' }).waitFor();
    await expectNoAxeViolations();

    fake.setQueue([...[entry('urgent-1', { risk: 'urgent', minutesAgo: 3, shared: SHARED })], entry('new-1', { shared: { flow: 'default', goal: 'Sleep better' } })]);
    await poll(() => cards.count()).toBe(2);
    await page.getByText('Sleep better').waitFor();
    await poll(() => page.getByRole('status').filter({ hasText: 'new person is waiting' }).count()).toBe(1);
    await poll(() => page.evaluate(() => (window as unknown as { sstSounds: number }).sstSounds)).toBeGreaterThan(0);
  });

  it('keeps a person who arrives while it is still catching up after connecting', async () => {
    // The queue list is answered at once, but the catch-up is slow; meanwhile someone new arrives.
    fake.holdMine = true;
    await signIn(page, fake.url);
    await poll(() => fake.mineCalls.length).toBe(1);
    fake.setQueue([entry('arrived-1', { shared: { flow: 'default', goal: 'Arrived while connecting' } })]);
    await page.getByText('Arrived while connecting').waitFor();
    fake.releaseAcks();
    // The list asked for before that arrival must not replace the newer queue.
    await page.waitForFunction(() => (document.querySelector('sst-console') as unknown as { connection: { status: string } }).connection.status === 'online');
    expect(await page.getByText('Arrived while connecting').count()).toBe(1);
  });

  it('says so when another therapist took the chat first, and refreshes the queue', async () => {
    fake.setQueue([entry('taken-1', { shared: { flow: 'default', goal: 'Talk about work' } })]);
    fake.takenByOthers.add('taken-1');
    await signIn(page, fake.url);
    await page.getByRole('button', { name: 'Claim' }).click();
    await poll(() => alert().textContent()).toContain('Another therapist took this chat');
    await page.getByText('No one is waiting right now.').waitFor();
  });
});

describe('a live chat', () => {
  it('claims, sends with delivery state, shows incoming messages once, typing, presence, and ends with a closing message', async () => {
    fake.setQueue([entry('conv-1', { risk: 'urgent', minutesAgo: 2, shared: SHARED })]);
    await signIn(page, fake.url);
    await claimFirst();
    expect((await focused(page)).id).toBe('message');
    await page.getByText('The person is online').waitFor();

    fake.holdAcks = true;
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi, I am Sam. I have read what you shared.');
    await page.keyboard.press('Enter');
    await log().getByText('Sending…').waitFor();
    await poll(() => fake.sent.map((s) => s.text)).toEqual(['Hi, I am Sam. I have read what you shared.']);
    expect(fake.sent[0]!.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(fake.typing).toContainEqual({ conversationId: 'conv-1', typing: true });
    fake.releaseAcks();
    await log().getByText(SENT).waitFor();
    expect(await page.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe('');

    const message = fake.clientSays('conv-1', 'Thank you for coming');
    fake.emit('message:received', { conversationId: 'conv-1', message }); // delivered twice
    await log().getByText('Thank you for coming').waitFor();
    await page.waitForTimeout(200);
    expect(await log().getByText('Thank you for coming').count()).toBe(1);

    fake.emit('typing:changed', { conversationId: 'conv-1', typing: true });
    await page.getByText('The person is typing…').waitFor();
    fake.emit('typing:changed', { conversationId: 'conv-1', typing: false });
    await page.getByText('The person is typing…').waitFor({ state: 'detached' });
    fake.emit('client:presence', { conversationId: 'conv-1', online: false });
    await page.getByText('The person is offline').waitFor();

    await expectNoAxeViolations();
    // Reflows at 320px (400% zoom): nothing needs sideways scrolling.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'End chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'End this chat?' });
    await dialog.waitFor();
    expect((await focused(page)).id).toBe('closing');
    await expectNoAxeViolations();
    await dialog.getByLabel('Closing message (optional)').fill('Take care. You can come back any time.');
    await dialog.getByRole('button', { name: 'End chat' }).click();
    await page.getByText('You ended this chat.').waitFor();
    expect(fake.ends).toEqual([{ conversationId: 'conv-1', closingMessage: 'Take care. You can come back any time.', handBack: false }]);
    expect((await focused(page)).text).toBe('Close chat 1');
    await page.keyboard.press('Enter');
    await page.getByText('You have no chats open.').waitFor();
    expect((await focused(page)).text).toBe('Your chats');
  });

  it('holds several chats at once, as tabs, with unread counts and drafts kept per chat', async () => {
    fake.setQueue([entry('one', { shared: { flow: 'default', goal: 'First goal' } }), entry('two', { shared: { flow: 'default', goal: 'Second goal' } })]);
    await signIn(page, fake.url);
    await claimFirst();
    await page.getByRole('button', { name: 'Claim' }).click();
    await page.getByRole('tab', { name: /Chat 2/, selected: true }).waitFor();
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('A draft for chat 2');

    fake.clientSays('one', 'Message in the first chat');
    await page.getByRole('tab', { name: /Chat 1.*1 new/ }).waitFor();
    await poll(() => page.getByRole('status').filter({ hasText: 'New message in chat 1' }).count()).toBe(1);

    await page.getByRole('tab', { name: /Chat 2/ }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('tab', { name: 'Chat 1', selected: true, exact: true }).waitFor();
    await log(1).getByText('Message in the first chat').waitFor();
    await page.keyboard.press('End');
    await page.getByRole('tab', { name: /Chat 2/, selected: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe('A draft for chat 2');
  });

  it('can be claimed and answered with the keyboard alone', async () => {
    fake.setQueue([entry('conv-k', { shared: { flow: 'default', goal: 'Feel calmer at night' } })]);
    await page.goto(`${fake.url}/console/`);
    await poll(async () => (await focused(page)).id).toBe('username');
    await page.keyboard.type(THERAPIST.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(THERAPIST.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();
    await page.getByText('Feel calmer at night').waitFor();

    await tabTo(page, (f) => f.tag === 'button' && f.text === 'Claim');
    await page.keyboard.press('Enter');
    await poll(async () => (await focused(page)).id).toBe('message');
    await page.keyboard.type('Hello, I am here.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Take your time.');
    await page.keyboard.press('Enter');
    await log().getByText(SENT).waitFor();
    expect(fake.sent.map((s) => s.text)).toEqual(['Hello, I am here.\nTake your time.']);
  });

  it('resends an unconfirmed message after a reconnect and catches up on what it missed', async () => {
    fake.setQueue([entry('conv-r', { shared: { flow: 'default' } })]);
    await signIn(page, fake.url);
    await claimFirst();
    fake.clientSays('conv-r', 'Are you there?');
    await log().getByText('Are you there?').waitFor();

    // Refused: shown as not sent, with Retry (same id).
    fake.refuseNext = 'bad_request';
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello!');
    await page.keyboard.press('Enter');
    await log().getByText('Not sent').waitFor();
    await log().getByRole('button', { name: 'Retry' }).click();
    await log().getByText(SENT).waitFor();
    expect(fake.sent.map((s) => s.text)).toEqual(['Hello!', 'Hello!']);
    expect(fake.sent[1]!.id).toBe(fake.sent[0]!.id);
    fake.sent.length = 0;

    // A live message after one that never arrived: the console asks for what it missed.
    fake.clientSays('conv-r', 'I wrote something', { live: false });
    fake.clientSays('conv-r', 'Did you see that?');
    await log().getByText('I wrote something').waitFor();
    await log().getByText('Did you see that?').waitFor();

    fake.dropSends = true;
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Yes, I am here.');
    await page.keyboard.press('Enter');
    await poll(() => fake.sent.length).toBe(1);
    fake.dropSends = false;
    fake.clientSays('conv-r', 'Hello?', { live: false }); // lost on the way; comes back in the catch-up
    fake.dropConnections();

    await log().getByText('Hello?').waitFor({ timeout: 10_000 });
    await poll(() => log().getByText('Sending…').count()).toBe(0);
    expect(fake.sent.map((s) => s.id)).toEqual([fake.sent[0]!.id, fake.sent[0]!.id]);
    expect(fake.mineCalls.at(-1)).toEqual({ 'conv-r': 4 });
    expect(await log().getByText('Are you there?').count()).toBe(1);
    expect(await log().getByText('Yes, I am here.').count()).toBe(1);

    await page.getByRole('button', { name: 'Hand back to self-guided session' }).click();
    await page.getByRole('dialog', { name: 'Hand back to the self-guided session?' }).getByRole('button', { name: 'Hand back' }).click();
    await page.getByText('You handed this chat back to the self-guided session.').waitFor();
    expect(fake.ends).toEqual([{ conversationId: 'conv-r', handBack: true }]);
  });
});

describe('message merging (the rules behind "nothing lost, nothing shown twice")', () => {
  const stored = (seq: number, id: string, from: ChatMessage['from'] = 'client'): ChatMessage => ({ seq, id, from, text: id, at: '2030-01-01T10:00:00.000Z' });
  const sending: ShownMessage = { id: 'mine-0001', seq: null, from: 'therapist', text: 'hi', at: '2030-01-01T10:00:00.000Z', delivery: 'sending' };

  it('orders by seq, keeps messages still sending last, and never repeats a message', () => {
    let list = mergeMessages([sending], [stored(2, 'client-02'), stored(1, 'client-01')]);
    list = mergeMessages(list, [stored(2, 'client-02'), stored(1, 'client-01')]);
    expect(list.map((m) => m.id)).toEqual(['client-01', 'client-02', 'mine-0001']);
    list = mergeMessages(list, [stored(3, 'mine-0001', 'therapist')]);
    expect(list.map((m) => [m.id, m.seq, m.delivery])).toEqual([['client-01', 1, undefined], ['client-02', 2, undefined], ['mine-0001', 3, 'sent']]);
  });

  it('says how long someone has waited in words', () => {
    const now = Date.parse('2030-01-01T10:00:00.000Z');
    expect(waitingText('2030-01-01T09:59:30.000Z', now)).toBe('waiting less than a minute');
    expect(waitingText('2030-01-01T09:57:00.000Z', now)).toBe('waiting 3 min');
    expect(waitingText('2030-01-01T08:55:00.000Z', now)).toBe('waiting 1 h 5 min');
  });
});
