/**
 * The handoff view's screens that need no server: outside opening hours, choosing what to share,
 * and the "Delete this chat" confirmation (with the service out of reach, so it must not pretend).
 * Deleting against the real server is in test/e2e/delete-chat.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import flow from '../../flows/default.flow.yaml';
import type { ConversationStatus } from '../../server/protocol.js';
import '../../widget/components/sst-handoff/sst-handoff.js';
import type { SstHandoff } from '../../widget/components/sst-handoff/sst-handoff.js';
import { strings } from '../../widget/i18n/index.js';
import type { WidgetConfig } from '../../widget/session/config.js';
import { KEYS } from '../../widget/session/storage.js';

const config: WidgetConfig = {
  serviceName: 'Test Service',
  country: 'AU',
  locale: 'en',
  safeExitUrl: 'https://example.org/',
  flows: ['default'],
  crisisResources: [{ name: 'Emergency services', description: 'Now.', phone: '000', emergency: true }],
  links: [],
  accent: null,
  server: '/',
  outcomes: false,
  // Never open: no day has any hours.
  liveChat: { timezone: 'Australia/Sydney', hours: {}, alternatives: [{ label: 'Book an appointment', href: '/book' }] },
};

function mount(overrides: Partial<WidgetConfig> = {}, server = '/') {
  const el = document.createElement('sst-handoff');
  Object.assign(el, { server, config: { ...config, ...overrides }, flow, answers: { goal: 'Sleep better' }, transcript: [], strings: strings('en') });
  const closed: unknown[] = [];
  el.addEventListener('handoff-close', (e) => closed.push((e as CustomEvent).detail));
  document.body.append(el);
  return { el, closed };
}

afterEach(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
});

describe('<sst-handoff>', () => {
  it('outside opening hours says so, offers the alternatives and crisis lines, and goes back to the session', async () => {
    const { closed } = mount();
    await expect.element(page.getByRole('heading', { name: 'Live chat is closed right now' })).toBeVisible();
    await expect.element(page.getByRole('link', { name: 'Book an appointment' })).toHaveAttribute('href', '/book');
    await expect.element(page.getByRole('link', { name: 'Call 000' })).toBeVisible();
    await page.getByRole('button', { name: 'Back to the session' }).click();
    expect(closed).toEqual([{ finish: false }]);
  });

  it('during opening hours asks what to share, with the summary ticked and the conversation not', async () => {
    mount({ liveChat: { timezone: 'UTC', hours: 'always', alternatives: [] } });
    const goal = page.getByRole('checkbox', { name: /My goal for today/ });
    await expect.element(goal).toBeChecked();
    await expect.element(page.getByRole('button', { name: 'Ask for a person' })).toBeVisible();
  });
});

/** Nothing listens there (and Chromium refuses the port outright): the relay never connects. */
const UNREACHABLE = 'http://127.0.0.1:9/';
const OPEN = { liveChat: { timezone: 'UTC', hours: 'always' as const, alternatives: [] } };
const TOKEN = 'T'.repeat(43);

/** A chat picked up after a reload, in the given state. */
function seed(status: ConversationStatus): void {
  const waiting = status === 'queued';
  const relay = {
    token: TOKEN,
    status,
    therapistName: waiting ? null : 'Sam',
    queue: waiting ? { position: 1, waitSeconds: null } : null,
    messages: waiting ? [] : [{ seq: 1, id: 'm00000001', from: 'client', text: 'I feel stuck', at: '2025-01-01T00:00:00.000Z' }],
    pending: [],
  };
  sessionStorage.setItem(KEYS.relay, JSON.stringify({ stage: 'relay', relay }));
}

/** The focused element inside the handoff's shadow root (document.activeElement stops at the host). */
const focusedText = (el: SstHandoff) => el.shadowRoot!.activeElement?.textContent?.trim();

describe('"Delete this chat"', () => {
  it('asks first, in plain words, by keyboard; Keep chat changes nothing and returns focus', async () => {
    seed('active');
    const { el } = mount(OPEN, UNREACHABLE);
    const open = page.getByRole('button', { name: 'Delete this chat' });
    await expect.element(open).toBeVisible();
    (open.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');

    const confirm = page.getByRole('alertdialog', { name: 'Delete this chat?' });
    await expect.element(confirm).toBeVisible();
    await expect.element(confirm).toHaveAccessibleDescription("It will end the chat and remove your messages from our service now. This can't be undone.");
    await expect.element(confirm.getByRole('button', { name: 'Delete chat' })).toBeVisible();
    // The safe choice has the focus.
    await expect.poll(() => focusedText(el)).toBe('Keep chat');
    await userEvent.keyboard('{Enter}');

    await expect.element(confirm).not.toBeInTheDocument();
    await expect.poll(() => focusedText(el)).toBe('Delete this chat');
    await expect.element(page.getByText('I feel stuck')).toBeVisible();
    expect(JSON.parse(sessionStorage.getItem(KEYS.relay)!).relay.token).toBe(TOKEN);
  });

  it('when the service cannot be reached, says the chat was not deleted and keeps it', async () => {
    seed('active');
    const { el, closed } = mount(OPEN, UNREACHABLE);
    const open = page.getByRole('button', { name: 'Delete this chat' });
    await expect.element(open).toBeVisible();
    (open.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.poll(() => focusedText(el)).toBe('Keep chat');
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(focusedText(el)).toBe('Delete chat');
    await userEvent.keyboard('{Enter}');

    await expect.element(page.getByRole('alert')).toHaveTextContent("We can't reach our service right now, so your chat has not been deleted. It is still here.");
    // Nothing pretends: the chat, its messages and what is stored for it are all still there.
    await expect.element(page.getByText('I feel stuck')).toBeVisible();
    await expect.element(page.getByRole('heading', { name: 'Your chat has been deleted.' })).not.toBeInTheDocument();
    expect(JSON.parse(sessionStorage.getItem(KEYS.relay)!).relay).toMatchObject({ token: TOKEN, status: 'active' });
    expect(closed).toEqual([]);
    // The person can still keep it, and the confirmation closes.
    await page.getByRole('button', { name: 'Keep chat' }).click();
    await expect.element(page.getByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('is offered while waiting in the queue and after the chat ended, not before there is a chat', async () => {
    seed('queued');
    mount(OPEN, UNREACHABLE);
    await expect.element(page.getByRole('button', { name: 'Leave the queue' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Delete this chat' })).toBeVisible();
    document.body.replaceChildren();

    seed('ended');
    mount(OPEN, UNREACHABLE);
    await expect.element(page.getByRole('button', { name: 'Back to the session' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Delete this chat' })).toBeVisible();
    document.body.replaceChildren();

    sessionStorage.clear();
    mount(OPEN, UNREACHABLE);
    await expect.element(page.getByRole('button', { name: 'Ask for a person' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Delete this chat' })).not.toBeInTheDocument();
  });
});
