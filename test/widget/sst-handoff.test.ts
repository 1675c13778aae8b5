/** The handoff view's screens that need no server: outside opening hours, and choosing what to share. */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import flow from '../../flows/default.flow.yaml';
import '../../widget/components/sst-handoff/sst-handoff.js';
import { strings } from '../../widget/i18n/index.js';
import type { WidgetConfig } from '../../widget/session/config.js';

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
  // Never open: no day has any hours.
  liveChat: { timezone: 'Australia/Sydney', hours: {}, alternatives: [{ label: 'Book an appointment', href: '/book' }] },
};

function mount(overrides: Partial<WidgetConfig> = {}) {
  const el = document.createElement('sst-handoff');
  Object.assign(el, { server: '/', config: { ...config, ...overrides }, flow, answers: { goal: 'Sleep better' }, transcript: [], strings: strings('en') });
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
