/**
 * "Delete this chat" end to end: the person in real Chromium with the built widget, the real
 * server, relay and SQLite file, and a therapist on a real console connection (a `/therapist`
 * socket signed in with a real session cookie). After the person deletes the chat by keyboard, the
 * transcript is gone from the store, the token opens nothing, and the therapist has been told.
 */
import type { Browser, Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFlowFile } from '../../flows/load.js';
import { addTherapist } from '../../server/auth/accounts.js';
import { SESSION_COOKIE, startSession } from '../../server/auth/sessions.js';
import type {
  ChatMessage,
  ClientToServerEvents,
  QueueEntry,
  ServerToClientEvents,
  ServerToTherapistEvents,
  TherapistToServerEvents,
} from '../../server/protocol.js';
import type { SqliteStore } from '../../server/store/sqlite.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';
import { focused, openByKeyboard, runFlow } from '../support/session-driver.js';
import { startStack, type RunningStack } from '../support/stack.js';

const flow = parseFlowFile('flows/default.flow.yaml');
const GOAL = 'Stop feeling so on edge at night';

let stack: RunningStack;
let store: SqliteStore;
let base: string;
let browser: Browser;
let person: Page;
let therapist: Socket<ServerToTherapistEvents, TherapistToServerEvents>;
const sockets: Socket[] = [];

beforeAll(async () => {
  stack = await startStack('delete');
  ({ store, base } = stack);
  const sam = await addTherapist(store, { username: 'sam', displayName: 'Sam', password: 'a long enough password' });
  const { token } = await startSession(store, sam.id);
  therapist = io(`${base}/therapist`, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: `${SESSION_COOKIE}=${token}` } });
  sockets.push(therapist);
  browser = await launchBrowser();
  person = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await browser?.close();
  await stack?.close();
});

const widget = () => person.getByRole('dialog');
const storedRelay = () => person.evaluate(() => sessionStorage.getItem('sst-chat:relay'));

/** Presses Tab until the focused control (inside the widget's shadow roots) has this text. */
async function tabTo(text: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await person.keyboard.press('Tab');
    if ((await focused(person)).text === text) return;
  }
  throw new Error(`"${text}" never received focus by Tab.`);
}

describe('"Delete this chat"', () => {
  let conversationId = '';
  let token = '';

  it('the person hands off, a therapist claims the chat, and they exchange a message each', async () => {
    await person.goto(`${base}/`);
    await openByKeyboard(person);
    await runFlow(person, flow, { welcome: { choose: 'start' }, age_band: { choose: '18_or_over' }, rating_before: { rating: 4 }, best_hopes: { text: GOAL }, confirm_goal: { choose: 'yes' } }, 'preferred_future');
    await person.getByRole('button', { name: 'Talk to a person' }).click();
    await person.getByRole('button', { name: 'Ask for a person' }).click();
    await expect.poll(() => widget().getByText('You are next in the queue.').isVisible()).toBe(true);

    const list = await therapist.timeout(5000).emitWithAck('queue:list', {});
    if (!list.ok) throw new Error(list.code);
    conversationId = list.queue.find((e: QueueEntry) => e.shared.goal === GOAL)!.conversationId;
    const claim = await therapist.timeout(5000).emitWithAck('conversation:claim', { conversationId });
    expect(claim.ok).toBe(true);
    await expect.poll(() => widget().getByText('Sam has joined the chat.').isVisible()).toBe(true);

    expect((await therapist.timeout(5000).emitWithAck('message:send', { conversationId, id: 'sam-hello-0001', text: 'Hello, I am Sam. I read your goal.' })).ok).toBe(true);
    await expect.poll(() => widget().getByText('Hello, I am Sam. I read your goal.').isVisible()).toBe(true);
    const heard = new Promise<ChatMessage>((resolve) => therapist.once('message:received', ({ message }) => resolve(message)));
    await person.getByRole('textbox', { name: 'Your message' }).fill('Thank you for being here');
    await person.keyboard.press('Enter');
    expect(await heard).toMatchObject({ from: 'client', text: 'Thank you for being here' });
    expect((await store.messagesAfter(conversationId, 0)).map((m) => m.text)).toEqual(['Hello, I am Sam. I read your goal.', 'Thank you for being here']);
    token = (JSON.parse((await storedRelay())!) as { relay: { token: string } }).relay.token;
  });

  it('asks first, in plain words; the confirmation is keyboard operable and passes axe', async () => {
    await tabTo('Delete this chat');
    await person.keyboard.press('Enter');
    const confirm = widget().getByRole('alertdialog', { name: 'Delete this chat?' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain("It will end the chat and remove your messages from our service now. This can't be undone.");
    await expect.poll(async () => (await focused(person)).text).toBe('Keep chat');
    expect(formatViolations(await axeViolations(person, { include: ['sst-chat'] }))).toBe('');
  });

  it('deleting removes the transcript from the server and this browser, and the therapist is told', async () => {
    const told = new Promise<{ conversationId: string }>((resolve) => therapist.once('conversation:deleted', resolve));
    await person.keyboard.press('Shift+Tab');
    expect((await focused(person)).text).toBe('Delete chat');
    await person.keyboard.press('Enter');

    await widget().getByRole('heading', { name: 'Your chat has been deleted.' }).waitFor();
    await expect.poll(async () => (await focused(person)).text).toBe('Your chat has been deleted.');
    expect(await told).toEqual({ conversationId });
    expect(await store.conversationById(conversationId)).toBeNull();
    expect(await store.messagesAfter(conversationId, 0)).toEqual([]);
    expect(await storedRelay()).toBeNull();
    expect(formatViolations(await axeViolations(person, { include: ['sst-chat'] }))).toBe('');

    // The token the browser held opens nothing any more.
    const again: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${base}/client`, { transports: ['websocket'], forceNew: true });
    sockets.push(again);
    expect(await again.timeout(5000).emitWithAck('conversation:resume', { token, lastSeq: 0 })).toEqual({ ok: false, code: 'not_found' });
  });

  it('the person can go back to their self-guided session', async () => {
    await tabTo('Back to the session');
    await person.keyboard.press('Enter');
    await expect.poll(() => person.getByRole('textbox', { name: "What I'd notice myself doing" }).isVisible()).toBe(true);
    expect(await storedRelay()).toBeNull();
  });
});
