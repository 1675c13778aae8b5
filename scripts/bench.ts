/**
 * `npm run bench`: what the widget costs a host page, measured in real Chromium on this machine.
 * Prints figures; it asserts nothing (targets are judged by people, timings vary by machine).
 *
 * - the download budget report (gzip sizes, as `npm run build` prints them);
 * - long tasks (> 50 ms) on the host page while it loads with the widget, and while the chat opens;
 * - time from pressing the launcher to the first question being shown (warm cache after the first run).
 */
import { build } from 'vite';
import { bundleReport, printReport } from './bundle-size.js';
import { launchBrowser } from '../test/support/browser.js';
import { startApp } from '../test/support/server.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

process.env.NODE_ENV = 'production';
await build({ configFile: 'vite.config.ts', logLevel: 'error' });
printReport(bundleReport('dist/widget'));

const app = await startApp({ widgetDir: 'dist/widget' });
const browser = await launchBrowser();
const openMs: number[] = [];
const loadLongTasks: number[] = [];
const openLongTasks: number[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (let i = 0; i < RUNS; i++) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${app.url}/`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    loadLongTasks.push(...(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0))));
    const ms = await page.evaluate(async () => {
      const chat = document.querySelector('sst-chat')!;
      const started = performance.now();
      chat.shadowRoot!.querySelector('button')!.click();
      // Until the first message of the conversation is on screen.
      for (;;) {
        const log = chat.shadowRoot!.querySelector('sst-panel')?.shadowRoot?.querySelector('[role=log] .entry');
        if (log) return performance.now() - started;
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    openMs.push(ms);
    await page.waitForTimeout(300);
    openLongTasks.push(...(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)));
    await page.evaluate(() => sessionStorage.clear());
    await page.close();
  }
  await context.close();
} finally {
  await browser.close();
  await app.close();
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const f = (n: number) => `${n.toFixed(0)} ms`;
console.log(`\nOpening the chat to the first message (${RUNS} runs, first run cold): median ${f(pct(openMs, 50))}, p90 ${f(pct(openMs, 90))}, first ${f(openMs[0] ?? 0)}`);
console.log(`Long tasks while the host page loads: ${loadLongTasks.length} (longest ${f(Math.max(0, ...loadLongTasks))})`);
console.log(`Long tasks while the chat opens: ${openLongTasks.length} (longest ${f(Math.max(0, ...openLongTasks))})`);
