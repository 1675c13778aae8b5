/**
 * The service report in the console: real Chromium, the real server, relay and SQLite file, the
 * built console. A lead sees the hand-worked figures of a fixture written through the real store,
 * the charts' text alternatives and the CSV; a therapist has no way in, and the server says no.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_FIELDS } from '../../server/outcomes/record.js';
import { changeText, duration, lastFourWeeks, signed } from '../../server/console/report-format.js';
import { focused, tabTo } from '../console/console-driver.js';
import { LEAD, THERAPIST, addReportFixture, signInAs, startLeadApp, type LeadApp } from '../console/lead-app.js';
import { axeViolations, formatViolations, launchBrowser } from '../support/browser.js';

let app: LeadApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: Error[] = [];
const { from, to } = lastFourWeeks(new Date());

beforeAll(async () => {
  app = await startLeadApp();
  await addReportFixture(app, from);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});
async function newPage(): Promise<Page> {
  errors.length = 0;
  // The console's CSP forbids inline scripts, which is how axe is injected: let the test inject it.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error));
  return page;
}
afterEach(async () => {
  await context?.close();
  expect(errors.map((e) => e.message)).toEqual([]);
});

async function expectNoAxeViolations(): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, formatViolations(violations)).toEqual([]);
}

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 5000 });
const region = (name: string) => page.getByRole('region', { name, exact: true });
/** A figure as the page shows it: the term and its value, one per line. */
const figureText = async (name: string) => (await region(name).innerText()).replace(/\n+/g, '\n');
/** A table's cells, row by row (header row included). */
const cells = (table: Locator) => table.evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim())));

describe('the report, for a lead', () => {
  it('is in the navigation, reached by keyboard, marked as the current page', async () => {
    await newPage();
    await signInAs(page, app.base, LEAD);
    const nav = page.getByRole('navigation', { name: 'Console pages' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Chats', 'Report', 'Accounts']);
    expect(await nav.getByRole('link', { name: 'Chats' }).getAttribute('aria-current')).toBe('page');

    await tabTo(page, (f) => f.tag === 'a' && f.text === 'Report');
    await page.keyboard.press('Enter');
    await poll(async () => (await focused(page)).text).toBe('Service report');
    expect(page.url()).toMatch(/#report$/);
    expect(await nav.getByRole('link', { name: 'Report' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Chats' }).getAttribute('aria-current')).toBeNull();
    expect(await page.title()).toMatch(/^Report/);
    await page.getByText('Session figures come only from people who agreed to share anonymous answers').waitFor();

    // Back returns to the chats, still there.
    await page.goBack();
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();
    await poll(async () => (await focused(page)).text).toBe('Your chats');
  });

  it('shows the hand-worked figures of the last four full weeks, with charts, tables and the CSV', async () => {
    await newPage();
    await signInAs(page, app.base, LEAD, '#report');
    await region('Self-guided sessions').waitFor();
    // Defaults: the four full weeks before this one, all flows.
    expect(await page.getByLabel('From date').inputValue()).toBe(from);
    expect(await page.getByLabel('To date').inputValue()).toBe(to);
    expect(await page.getByLabel('Flow').inputValue()).toBe('all');
    expect(await page.getByLabel('Flow').locator('option').allInnerTexts()).toEqual(['All flows', 'Default flow', 'Youth flow']);

    // 8 records, 6 completed; changes +3 +1 +2 −1 +3 +2: mean 10/6, SD 1.5055, t(5) 2.5706 → CI 0.087 to 3.247; d_z 1.107.
    expect(await figureText('Self-guided sessions')).toContain('Started\n8\nCompleted\n6\nCompletion rate\n75%');
    const change = await figureText('How people felt, before → after (0 to 10)');
    expect(change).toContain('+1.7 (95% CI 0.1 to 3.2), n = 6');
    expect(change).toContain('Mean before → after\n3.5 → 5.2');
    expect(change).toContain('1.11 (large)');
    expect(change).toContain('about 0.2 is small, 0.5 medium and 0.8 large');
    // Waits 40, 60, 130, 300, 610 s (nearest rank: 3rd and 5th of 5); one chat never answered.
    expect(await figureText('Live chats')).toContain('Asked for a person\n6\nAnswered by a therapist\n5\nMedian wait\n2 min 10 s\n90th-percentile wait\n10 min 10 s');
    expect(await figureText('Urgent')).toContain('Urgent escalations\n1\nUrgent live chats\n1\nEscalations are self-guided sessions that showed the urgent safety screen.');
    const feedback = await figureText('Feedback');
    expect(feedback).toContain('Did you get what you came for today?\nYes: 3\nPartly: 2\nNo: 1');
    expect(feedback).toContain('How helpful was today’s session?\nNot at all: 0\nA little: 1\nQuite: 2\nVery: 3');

    // The charts have names and summaries; the same figures are in tables behind a disclosure.
    const distribution = page.getByRole('img', { name: 'Change from before to after, in points on the 0 to 10 scale' });
    expect(await distribution.evaluate((svg) => svg.querySelector(`#${svg.getAttribute('aria-describedby')}`)?.textContent)).toBe(
      '6 people gave both ratings: 5 felt better, 0 the same, 1 worse. The most common change was +2 (2 people).',
    );
    const weeksChart = page.getByRole('img', { name: 'Sessions started and completed, and mean change, by week' });
    expect(await weeksChart.evaluate((svg) => svg.querySelector('desc')?.textContent)).toContain('Sessions started per week: 2; completed: 1 to 2.');

    await page.getByText('Show as a table: distribution of change').click();
    const distTable = page.getByRole('table', { name: 'Change from before to after: how many people' });
    const rows = await cells(distTable);
    expect(rows[0]).toEqual(['Change (points)', 'People']);
    expect(rows.slice(1).filter(([, n]) => n !== '0')).toEqual([['−1', '1'], ['+1', '1'], ['+2', '2'], ['+3', '2']]);
    await page.getByText('Show as a table: by week').click();
    const weeksTable = page.getByRole('table', { name: /by week/ });
    expect((await cells(weeksTable)).map((r) => r.slice(1))).toEqual([
      ['Started', 'Completed', 'Mean change', 'Live chats'],
      ['2', '2', '+2.0', '1'],
      ['2', '1', '+2.0', '2'],
      ['2', '2', '+1.0', '1'],
      ['2', '1', '+2.0', '2'],
    ]);
    for (const table of [distTable, weeksTable]) {
      expect(await table.evaluate((t) => [...t.querySelectorAll('th')].every((th) => th.scope === (th.closest('thead') ? 'col' : 'row')))).toBe(true);
    }
    await expectNoAxeViolations();
    // Reflows at 320px (400% zoom): only the wide table scrolls, in its own box, not the page.
    await page.setViewportSize({ width: 320, height: 640 });
    await poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download CSV/ }).click()]);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split(/\r\n/);
    expect(lines[0]).toBe(OUTCOME_FIELDS.join(','));
    expect(lines).toHaveLength(9);
    expect(lines.filter((l) => l.startsWith('youth,'))).toHaveLength(2);
    expect(download.suggestedFilename()).toBe(`outcomes-all-${from}-to-${to}.csv`);
  });

  it('narrows to one flow, says when a range is empty, and checks the dates before asking', async () => {
    await newPage();
    await signInAs(page, app.base, LEAD, '#report');
    await region('Self-guided sessions').waitFor();

    await page.getByLabel('Flow').selectOption('youth');
    await page.getByRole('button', { name: 'Show report' }).click();
    // Youth: +3 and +2 → mean 2.5, SD 0.7071, t(1) 12.706 → CI −3.853 to 8.853; one chat, 610 s.
    await poll(() => figureText('How people felt, before → after (0 to 10)')).toContain('+2.5 (95% CI −3.9 to 8.9), n = 2');
    expect(await figureText('Self-guided sessions')).toContain('Started\n2\nCompleted\n2\nCompletion rate\n100%');
    expect(await figureText('Live chats')).toContain('Median wait\n10 min 10 s');
    await page.getByText(/Figures for .*, youth flow\./).waitFor();
    const csv = await page.getByRole('link', { name: /Download CSV/ }).getAttribute('href');
    expect(csv).toBe(`/api/report.csv?from=${from}&to=${to}&flow=youth`);

    await page.getByLabel('From date').fill('2020-01-01');
    await page.getByLabel('To date').fill('2020-01-31');
    await page.getByRole('button', { name: 'Show report' }).click();
    await page.getByText('No sessions in this range yet.').waitFor();
    expect(await page.getByRole('link', { name: /Download CSV/ }).count()).toBe(0);
    await expectNoAxeViolations();

    await page.getByLabel('From date').fill('2020-02-01');
    await page.getByRole('button', { name: 'Show report' }).click();
    await poll(() => page.getByRole('alert').filter({ hasText: 'The From date must be on or before the To date.' }).count()).toBe(1);
    expect((await focused(page)).id).toBe('to');
  });
});

describe('the report, for a therapist', () => {
  it('is not offered, and a typed #report shows the server’s refusal', async () => {
    await newPage();
    await signInAs(page, app.base, THERAPIST);
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Console pages' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Report' }).count()).toBe(0);

    const refused = await context.request.get(`${app.base}/api/report?from=${from}&to=${to}&flow=all`);
    expect(refused.status()).toBe(403);
    await page.goto(`${app.base}/console/#report`);
    await page.getByRole('alert').filter({ hasText: 'Only service leads can see the report.' }).waitFor();
    expect(await page.getByText('Started', { exact: true }).count()).toBe(0);
    await expectNoAxeViolations();
    await page.getByRole('link', { name: 'Back to your chats' }).click();
    await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();

    await page.goto(`${app.base}/console/#accounts`);
    await page.getByRole('alert').filter({ hasText: 'Only service leads can manage accounts.' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });
});

describe('the report’s words', () => {
  it('formats changes, intervals and waits as a lead reads them', () => {
    expect(signed(1.75)).toBe('+1.8');
    expect(signed(-0.04)).toBe('0.0');
    expect(signed(-1)).toBe('−1.0');
    expect(duration(130)).toBe('2 min 10 s');
    expect(duration(45)).toBe('45 s');
    expect(duration(120)).toBe('2 min');
    expect(duration(3900)).toBe('1 h 5 min');
    expect(duration(null)).toBe('—');
    const base = { meanBefore: 4, meanAfter: 5.8, sd: 1, effectSize: 1.8, distribution: [] };
    expect(changeText({ ...base, n: 24, mean: 1.8, ci95: [0.9, 2.7] })).toBe('+1.8 (95% CI 0.9 to 2.7), n = 24');
    expect(changeText({ ...base, n: 1, mean: 2, ci95: null })).toBe('+2.0, n = 1 (a confidence interval needs at least 2 people)');
    expect(changeText({ ...base, n: 0, mean: null, ci95: null })).toBe('No one gave both ratings in this range.');
  });

  it('defaults to the four full weeks before this one (Monday to Sunday, UTC)', () => {
    expect(lastFourWeeks(new Date('2026-11-26T23:30:00Z'))).toEqual({ from: '2026-10-26', to: '2026-11-22' });
    expect(lastFourWeeks(new Date('2026-11-23T00:00:00Z'))).toEqual({ from: '2026-10-26', to: '2026-11-22' });
    expect(lastFourWeeks(new Date('2026-11-22T23:59:00Z'))).toEqual({ from: '2026-10-19', to: '2026-11-15' });
  });
});
