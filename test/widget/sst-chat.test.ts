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
