/**
 * `npm run screenshots`: pictures of the widget's main screens at phone and desktop widths, in
 * `.screenshots/`, for looking at what we build. Uses the built widget (run `npm run build` first).
 */
import { mkdirSync } from 'node:fs';
import { parseFlowFile } from '../flows/load.js';
import { launchBrowser } from '../test/support/browser.js';
import { startApp } from '../test/support/server.js';
import { openByKeyboard, runFlow, type ScriptedAnswer } from '../test/support/session-driver.js';

const flow = parseFlowFile('flows/default.flow.yaml');
const script: Record<string, ScriptedAnswer | ScriptedAnswer[]> = {
  welcome: { choose: 'start' },
  age_band: { choose: '18_or_over' },
  rating_before: { rating: 4 },
  best_hopes: { text: 'Feel less stuck about my exams' },
  confirm_goal: { choose: 'yes' },
  preferred_future: { text: 'I would be at my desk with a plan' },
  scale_now: { rating: 3 },
  what_puts_you: { text: 'I started one subject last week' },
  exceptions: { text: 'Last Tuesday at the library' },
  strengths: { pick: ['people', 'music'], other: 'my dog' },
  supports: { text: 'My sister' },
  action_mood: { continue: true },
  step_up: { text: 'I would open my notes' },
  life_area: { choose: 'learning_work' },
  plan: { plan: { what: 'Open my maths notes for 10 minutes', where: 'At home', obstacle: 'My phone', ifThen: 'I will put it in another room' } },
  confidence: { rating: 8 },
  summary: { continue: true },
  takeaway: { text: 'Small steps count' },
  rating_after: { rating: 6 },
  got_what_came_for: { choose: 'yes' },
  feedback: { text: '' },
};
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
