/**
 * The demo host site must be accessible on its own, so accessibility failures found in end-to-end
 * runs can be blamed on the widget. The widget is excluded here; it has its own tests.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';
import { startApp, type RunningApp } from '../support/server.js';

describe('demo host site in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it.each(['/', '/services.html'])('%s has no axe violations', async (path) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${app.url}${path}`);
    const violations = await axeViolations(page, { exclude: ['sst-chat'] });
    expect(violations, formatViolations(violations)).toEqual([]);
  }, 30_000);

  it.each(['/', '/services.html'])('%s reflows at 320 CSS pixels without sideways scrolling', async (path) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(`${app.url}${path}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it('offers a skip link first, which moves focus to the main content', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${app.url}/`);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  it('navigates between the two pages with the main navigation', async () => {
    await page.goto(`${app.url}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Our services' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Our services');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => page.url()).toBe(`${app.url}/`);
  });
});
