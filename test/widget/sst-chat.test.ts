/**
 * `<sst-chat>` with no server, configured by attributes, as a host page would use it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../../widget/index.js';
import type { SstEvent } from '../../widget/events.js';

afterEach(() => {
  document.body.replaceChildren();
  sessionStorage.clear();
});

function embed(attrs: Record<string, string>): { el: HTMLElement; events: string[] } {
  const el = document.createElement('sst-chat');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const events: string[] = [];
  for (const name of ['sst-opened', 'sst-closed', 'sst-session-started', 'sst-session-completed', 'sst-exit']) {
    document.addEventListener(name, (e) => events.push(`${e.type}:${(e as SstEvent).detail.flow}`));
  }
  document.body.append(el);
  return { el, events };
}

describe('<sst-chat>', () => {
  it('draws only a launcher until it is opened', async () => {
    embed({ 'service-name': 'Test Service', country: 'NZ' });
    const launcher = page.getByRole('button', { name: 'Need to talk?' });
    await expect.element(launcher).toHaveAttribute('aria-expanded', 'false');
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens a dialog with Get help now and Exit, and tells the host page (without any answers)', async () => {
    const { events } = embed({ 'service-name': 'Test Service', country: 'NZ' });
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    const dialog = page.getByRole('dialog', { name: 'Test Service' });
    await expect.element(dialog).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Get help now' })).toBeVisible();
    await expect.element(dialog.getByRole('button', { name: 'Exit', exact: true })).toBeVisible();
    await expect.element(dialog.getByRole('log', { name: 'Conversation' })).toHaveTextContent('welcome');
    expect(events).toEqual(['sst-opened:default', 'sst-session-started:default']);
  });

  it('Get help now lists the country’s crisis lines as tap-to-call and tap-to-text links', async () => {
    embed({ 'service-name': 'Test Service', country: 'NZ' });
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await page.getByRole('button', { name: 'Get help now' }).click();
    const help = page.getByRole('region', { name: 'Get help now' });
    await expect.element(help.getByRole('link', { name: 'Call 111' })).toHaveAttribute('href', 'tel:111');
    await expect.element(help.getByRole('link', { name: 'Text 1737' })).toHaveAttribute('href', 'sms:1737');
    await page.getByRole('button', { name: 'Back to the chat' }).click();
    await expect.element(page.getByRole('log', { name: 'Conversation' })).toBeVisible();
  });

  it('without a known country, still says to call the local emergency number', async () => {
    embed({ 'service-name': 'Test Service' });
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await page.getByRole('button', { name: 'Get help now' }).click();
    await expect.element(page.getByRole('region', { name: 'Get help now' })).toHaveTextContent('call your local emergency number');
  });

  it('hiding keeps the session and gives focus back to the launcher', async () => {
    const { el, events } = embed({ 'service-name': 'Test Service', country: 'AU' });
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await page.getByRole('button', { name: 'Hide chat' }).click();
    await expect.element(page.getByRole('dialog')).not.toBeInTheDocument(); // hidden from everyone
    expect(el.shadowRoot!.activeElement?.textContent).toContain('Need to talk?');
    expect(sessionStorage.getItem('sst-chat:session')).not.toBeNull();
    expect(events).toContain('sst-closed:default');
  });

  it('the launcher text can be changed by the host page', async () => {
    const { el } = embed({ 'launcher-label': 'Chat with us' });
    await expect.element(page.getByRole('button', { name: 'Chat with us' })).toBeVisible();
    el.setAttribute('launcher-label', 'Talk it through');
    await expect.element(page.getByRole('button', { name: 'Talk it through' })).toBeVisible();
    await userEvent.keyboard('{Tab}');
  });
});

describe('<sst-chat> when things go wrong', () => {
  it('with an unreachable server, still runs the session and shows the country’s crisis lines', async () => {
    embed({ server: '/no-such-server/', country: 'AU', 'service-name': 'Test Service' });
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await expect.element(page.getByRole('log', { name: 'Conversation' })).toHaveTextContent('welcome');
    await page.getByRole('button', { name: 'Get help now' }).click();
    await expect.element(page.getByRole('link', { name: 'Call 000' })).toHaveAttribute('href', 'tel:000');
  });

  it('a damaged stored session starts a new one instead of failing', async () => {
    sessionStorage.setItem('sst-chat:session', JSON.stringify({ v: 1, flow: 'default', version: 1, snapshot: { status: 'active', value: 'best_hopes', context: { answers: null, transcript: [null] } } }));
    embed({ 'service-name': 'Test Service' });
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await expect.element(page.getByRole('log', { name: 'Conversation' })).toHaveTextContent('welcome');
    await expect.element(page.getByRole('button', { name: "I understand. Let's start." })).toBeVisible();
  });

  it('moving the element in the page keeps the open conversation and says "opened" once', async () => {
    const { el, events } = embed({ 'service-name': 'Test Service' });
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await page.getByRole('button', { name: "I understand. Let's start." }).click();
    const box = document.createElement('section');
    document.body.append(box);
    box.append(el);
    await expect.element(page.getByRole('log', { name: 'Conversation' })).toHaveTextContent("I understand. Let's start.");
    expect(events.filter((e) => e.startsWith('sst-opened'))).toHaveLength(1);
  });

  it('a second <sst-chat> on the page is ignored rather than sharing the conversation', async () => {
    embed({ 'service-name': 'First' });
    embed({ 'service-name': 'Second' });
    expect(page.getByRole('button', { name: 'Need to talk?' }).all()).toHaveLength(1);
  });
});

describe('<sst-chat> on a host page with its own styles', () => {
  it('keeps its size when the host shrinks the root font, and can be themed through parts', async () => {
    const style = document.createElement('style');
    style.textContent = 'html { font-size: 62.5%; } sst-chat::part(header) { background: rgb(1, 2, 3); } sst-chat { --sst-accent: rgb(4, 5, 6); }';
    document.head.append(style);
    try {
      const { el } = embed({ 'service-name': 'Test Service' });
      await page.getByRole('button', { name: 'Need to talk?' }).click();
      await expect.element(page.getByRole('dialog')).toBeVisible();
      const panel = el.shadowRoot!.querySelector('sst-panel')!.shadowRoot!;
      expect(getComputedStyle(panel.querySelector('.panel')!).fontSize).toBe('16px');
      expect(getComputedStyle(panel.querySelector('.header')!).backgroundColor).toBe('rgb(1, 2, 3)');
      expect(getComputedStyle(el.shadowRoot!.querySelector('button')!).backgroundColor).toBe('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
  });
});
