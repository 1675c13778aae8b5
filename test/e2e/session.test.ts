/**
 * The self-guided session end to end: real server, built widget, real Chromium, keyboard only.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parseFlowFile } from '../../flows/load.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';
import { TEST_CONFIG, startApp, type RunningApp } from '../support/server.js';
import { DEFAULT_FLOW_ANSWERS } from '../support/scripted-person.js';
import { focused, openByKeyboard, runFlow, stored } from '../support/session-driver.js';

const flow = parseFlowFile('flows/default.flow.yaml');
const SAFE = TEST_CONFIG.safeExitUrl;

/** One person's way through the default flow; confidence 5 first, so the step is made smaller. */
const SCRIPT = DEFAULT_FLOW_ANSWERS;

let app: RunningApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  app = await startApp({ widgetDir: 'dist/widget' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});
beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The safe page is another site; answer it locally so the test never leaves the machine.
  await context.route(`${SAFE}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title><h1>Weather</h1>' }),
  );
  page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
});
afterEach(async () => {
  await context.close();
});

const log = () => page.getByRole('log', { name: 'Conversation' });

describe('the self-guided session', () => {
  it('can be completed by keyboard only and ends on a plan card with the person’s goal and step', async () => {
    await page.goto(`${app.url}/`);
    await page.evaluate(() => {
      const w = window as unknown as { sstEvents: string[] };
      w.sstEvents = [];
      for (const name of ['sst-opened', 'sst-session-started', 'sst-session-completed'])
        document.addEventListener(name, (e) => w.sstEvents.push(`${e.type} ${JSON.stringify((e as CustomEvent).detail)}`));
    });
    expect(await axeViolations(page, { include: ['sst-chat'] }), 'launcher').toEqual([]);
    await openByKeyboard(page);
    expect(formatViolations(await axeViolations(page, { include: ['sst-chat'] })), 'open panel').toEqual('');

    const seen = await runFlow(page, flow, SCRIPT);
    // The low confidence made the step smaller and asked again, exactly once.
    expect(seen.filter((s) => s === 'plan')).toHaveLength(2);
    expect(seen).toContain('make_smaller');
    expect((await stored(page)).status).toBe('done');

    const card = page.getByRole('region', { name: 'Your plan' });
    await expect.poll(() => card.isVisible()).toBe(true);
    const cardText = await card.innerText();
    expect(cardText).toContain('Feel less stuck about my exams');
    expect(cardText).toContain('Open my maths notes for 10 minutes');
    expect(cardText).not.toContain('Study for two hours');
    for (const name of ['Copy', 'Print', 'Download (.txt)', 'Add to calendar (.ics)']) {
      expect(await card.getByRole('button', { name }).isVisible(), name).toBe(true);
    }
    expect(formatViolations(await axeViolations(page, { include: ['sst-chat'] })), 'plan card').toEqual('');
    // The host page hears how the session went, and never what was said.
    expect(await page.evaluate(() => (window as unknown as { sstEvents: string[] }).sstEvents)).toEqual([
      'sst-opened {"flow":"default"}',
      'sst-session-started {"flow":"default"}',
      'sst-session-completed {"flow":"default"}',
    ]);
  });

  it('after quick exit, Back to an earlier page of the site (from the back/forward cache) shows nothing of the chat', async () => {
    const cached = await launchBrowser({ backForwardCache: true });
    try {
      const ctx = await cached.newContext();
      await ctx.route(`${SAFE}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Weather</title>' }));
      const tab = await ctx.newPage();
      await tab.goto(`${app.url}/`);
      await tab.evaluate(() => addEventListener('pageshow', (e) => ((window as unknown as { restored: boolean }).restored = e.persisted)));
      await openByKeyboard(tab);
      await runFlow(tab, flow, SCRIPT, 'preferred_future');
      await tab.getByRole('navigation').getByRole('link', { name: 'Our services' }).click();
      await tab.waitForURL('**/services.html');
      await tab.getByRole('dialog').waitFor();
      await tab.getByRole('button', { name: 'Exit', exact: true }).click();
      await tab.waitForURL(SAFE);
      await tab.goBack({ waitUntil: 'commit' });
      await tab.waitForURL(`${app.url}/`);
      await tab.waitForLoadState('load');
      await tab.waitForTimeout(300);
      expect(await tab.getByRole('dialog').isVisible()).toBe(false);
      expect(await tab.getByText('Feel less stuck about my exams').count()).toBe(0);
    } finally {
      await cached.close();
    }
  });

  it('one Escape just after a page loads does not leave: it takes two', async () => {
    await page.goto(`${app.url}/`);
    await openByKeyboard(page);
    await runFlow(page, flow, SCRIPT, 'best_hopes');
    await page.goto(`${app.url}/services.html`);
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${app.url}/services.html`);
    expect((await stored(page)).step).toBe('best_hopes');
  });

  it('moves a young person into the youth flow, which the service enables', async () => {
    await page.goto(`${app.url}/`);
    await openByKeyboard(page);
    await runFlow(page, flow, SCRIPT, 'age_band');
    await page.keyboard.press('Tab'); // "13 to 17" is the second option
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => sessionStorage.getItem('sst-chat:session')?.includes('"flow":"youth"'));
    const youth = parseFlowFile('flows/youth.flow.yaml');
    expect((await stored(page)).step).toBe(youth.steps[0]!.id);
    const firstWords = youth.steps[0]!.say[0]!.en!.slice(0, 20);
    await expect.poll(async () => (await log().innerText()).includes(firstWords)).toBe(true);
    await expect.poll(async () => (await focused(page)).inWidget).toBe(true);
  });

  it('reflows at 320 CSS pixels (400% zoom) with nothing cut off sideways', async () => {
    await page.setViewportSize({ width: 320, height: 256 });
    await page.goto(`${app.url}/`);
    await openByKeyboard(page);
    await runFlow(page, flow, SCRIPT, 'plan');
    const overflow = await page.evaluate(() => {
      const panel = document.querySelector('sst-chat')!.shadowRoot!.querySelector('sst-panel')!.shadowRoot!;
      const box = panel.querySelector('.panel')!.getBoundingClientRect();
      // Anything that scrolls sideways, or sticks out of the panel (screen-reader-only text aside).
      const wide = [...panel.querySelectorAll<HTMLElement>('*')].filter((el) => {
        if (el.closest('.visually-hidden')) return false;
        const sideways = el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
        return sideways || el.getBoundingClientRect().right > box.right + 1;
      });
      return { wide: wide.map((el) => `${el.tagName}.${el.className}`), right: box.right, width: window.innerWidth };
    });
    expect(overflow.wide).toEqual([]);
    expect(overflow.right).toBeLessThanOrEqual(overflow.width);
    expect(formatViolations(await axeViolations(page, { include: ['sst-chat'] }))).toEqual('');
  });

  it('resumes at the same step with the transcript after a reload and on another page of the site', async () => {
    await page.goto(`${app.url}/`);
    await openByKeyboard(page);
    await runFlow(page, flow, SCRIPT, 'preferred_future');
    expect(await log().innerText()).toContain('Feel less stuck about my exams');

    await page.reload();
    await page.getByRole('dialog').waitFor();
    expect((await stored(page)).step).toBe('preferred_future');
    await expect.poll(async () => (await log().innerText()).includes('Feel less stuck about my exams')).toBe(true);
    // Focus is back on the answer box, so the person can just carry on typing.
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea');

    await page.getByRole('dialog').getByRole('button', { name: 'Hide chat' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Our services' }).click();
    await page.waitForURL('**/services.html');
    // Hidden on the first page, so it stays closed here, with the session kept.
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Need to talk?' }).click();
    await expect.poll(async () => (await log().innerText()).includes('Feel less stuck about my exams')).toBe(true);
    expect((await stored(page)).step).toBe('preferred_future');
  });

  it('reopens by itself on the next page when it was left open', async () => {
    await page.goto(`${app.url}/`);
    await openByKeyboard(page);
    await runFlow(page, flow, SCRIPT, 'best_hopes');
    await page.goto(`${app.url}/services.html`);
    await page.getByRole('dialog').waitFor();
    expect((await stored(page)).step).toBe('best_hopes');
  });

  for (const how of ['the Exit button', 'Escape twice'] as const) {
    it(`quick exit (${how}) clears every stored trace and Back does not return`, async () => {
      await page.goto(`${app.url}/`);
      await openByKeyboard(page);
      await runFlow(page, flow, SCRIPT, 'preferred_future');
      expect(await page.evaluate(() => Object.keys(sessionStorage))).toContain('sst-chat:session');

      if (how === 'Escape twice') {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Escape');
      } else {
        await page.getByRole('button', { name: 'Exit', exact: true }).click();
      }
      await page.waitForURL(SAFE);

      await page.goBack().catch(() => null);
      expect(page.url()).not.toContain(app.url);

      // Same tab, same site again: nothing of the conversation is left to find.
      await page.goto(`${app.url}/services.html`);
      const keys = await page.evaluate(() => [...Object.keys(sessionStorage), ...Object.keys(localStorage)]);
      expect(keys.filter((k) => k.startsWith('sst-chat'))).toEqual([]);
      expect(await page.getByRole('dialog').isVisible()).toBe(false);
    });
  }
});
