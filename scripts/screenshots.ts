/**
 * `npm run screenshots`: pictures of the widget's main screens at phone and desktop widths, in
 * `.screenshots/`, for looking at what we build. Uses the built widget (run `npm run build` first).
 */
import { mkdirSync } from 'node:fs';
import { parseFlowFile } from '../flows/load.js';
import { launchBrowser } from '../test/support/browser.js';
import { startApp } from '../test/support/server.js';
import { DEFAULT_FLOW_ANSWERS } from '../test/support/scripted-person.js';
import { openByKeyboard, runFlow } from '../test/support/session-driver.js';

const flow = parseFlowFile('flows/default.flow.yaml');
// Confidence 8 at once: the pictures need not show the step being made smaller.
const script = { ...DEFAULT_FLOW_ANSWERS, confidence: { rating: 8 } };
const stops = ['rating_before', 'strengths', 'action_mood', 'plan', 'summary', undefined];

mkdirSync('.screenshots', { recursive: true });
const app = await startApp({ widgetDir: 'dist/widget' });
const browser = await launchBrowser();
try {
  for (const [width, height, name] of [[390, 844, 'phone'], [1280, 860, 'desktop']] as const) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${app.url}/`);
    await page.screenshot({ path: `.screenshots/${name}-00-launcher.png` });
    await openByKeyboard(page);
    await page.screenshot({ path: `.screenshots/${name}-01-welcome.png` });
    for (const [i, stop] of stops.entries()) {
      await runFlow(page, flow, script, stop);
      await page.waitForTimeout(150);
      await page.screenshot({ path: `.screenshots/${name}-${String(i + 2).padStart(2, '0')}-${stop ?? 'end'}.png` });
    }
    await page.getByRole('button', { name: 'Get help now' }).click();
    await page.screenshot({ path: `.screenshots/${name}-99-help.png` });
    await page.close();
  }
  console.log('Screenshots are in .screenshots/');
} finally {
  await browser.close();
  await app.close();
}
