/**
 * Pictures of the leads' pages (the report with the test fixture, the accounts and their dialog)
 * at phone and desktop widths, in `.screenshots/`, against the real server and a temporary SQLite
 * file. Run: `npx tsx test/console/lead-screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { lastFourWeeks } from '../../server/console/report-format.js';
import { launchBrowser } from '../support/browser.js';
import { buildConsole } from './console-driver.js';
import { LEAD, addReportFixture, signInAs, startLeadApp } from './lead-app.js';

/** A long phone page also in screen-sized parts, which are easier to look at closely. */
async function shoot(page: Page, path: string): Promise<void> {
  await page.screenshot({ path: `${path}.png`, fullPage: true });
  const { width, height } = page.viewportSize()!;
  if (width > 600) return;
  const total = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, part = 1; y < total; y += height, part++) {
    await page.screenshot({ path: `${path}-part${part}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, total - y) } });
  }
}

await buildConsole();
mkdirSync('.screenshots', { recursive: true });
const app = await startLeadApp();
await addReportFixture(app, lastFourWeeks(new Date()).from);
const browser = await launchBrowser();
try {
  for (const [width, height, name] of [[390, 844, 'phone'], [1280, 900, 'desktop']] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await signInAs(page, app.base, LEAD);
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();
    await page.screenshot({ path: `.screenshots/lead-${name}-0-chats.png` });
    await page.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('region', { name: 'Self-guided sessions' }).waitFor();
    await shoot(page, `.screenshots/lead-${name}-1-report`);
    await page.getByText('Show as a table: by week').click();
    await page.getByRole('table', { name: /by week/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.screenshots/lead-${name}-2-report-table.png` });

    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.getByRole('table', { name: /Accounts/ }).waitFor();
    await page.getByRole('button', { name: 'Make therapist lena' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await shoot(page, `.screenshots/lead-${name}-3-accounts`);
    await page.getByRole('button', { name: 'Reset password of sam' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByLabel('New password').fill('short');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await page.screenshot({ path: `.screenshots/lead-${name}-4-reset-dialog.png` });
    await page.close();
  }
  console.log('Screenshots are in .screenshots/lead-*.png');
} finally {
  await browser.close();
  await app.close();
}
