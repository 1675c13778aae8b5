/**
 * Pictures of the console (sign-in, queue, a chat) at phone and desktop widths, in `.screenshots/`,
 * against the stand-in server. Run: `npx tsx test/console/screenshots.ts`.
 */
import { mkdirSync } from 'node:fs';
import { launchBrowser } from '../support/browser.js';
import { CONSOLE_DIST, SHARED, buildConsole, signIn } from './console-driver.js';
import { entry, startFakeRelay } from './fake-relay.js';

await buildConsole();
mkdirSync('.screenshots', { recursive: true });
const fake = await startFakeRelay(CONSOLE_DIST);
const browser = await launchBrowser();
try {
  for (const [width, height, name] of [[320, 720, 'narrow'], [390, 844, 'phone'], [1280, 860, 'desktop']] as const) {
    fake.reset();
    fake.setQueue([
      entry('a', { risk: 'urgent', minutesAgo: 4, returned: true, shared: SHARED }),
      entry('b', { risk: 'concern', minutesAgo: 9, shared: { flow: 'youth', goal: 'Talk to someone about school', before: 2 } }),
      entry('c', { minutesAgo: 16, shared: { flow: 'default' } }),
    ]);
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${fake.url}/console/`);
    await page.getByLabel('Username').fill('sam');
    await page.getByLabel('Password').fill('nope');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
    await page.screenshot({ path: `.screenshots/console-${name}-1-sign-in.png`, fullPage: true });

    await signIn(page, fake.url);
    await page.getByText('Waiting 4 min').waitFor();
    await page.screenshot({ path: `.screenshots/console-${name}-2-queue.png`, fullPage: true });

    await page.getByRole('button', { name: 'Claim' }).nth(1).click();
    await page.getByRole('button', { name: 'Claim' }).first().click();
    await page.getByRole('tab', { name: /Chat 2/, selected: true }).waitFor();
    fake.clientSays('a', 'Hi. I did not know who else to talk to.');
    await page.getByText('Hi. I did not know').waitFor();
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi, I am Sam, one of the counsellors here. Thank you for reaching out. I have read what you shared.');
    await page.keyboard.press('Enter');
    await page.getByText('Sent').first().waitFor();
    fake.clientSays('b', 'hello?');
    fake.emit('typing:changed', { conversationId: 'a', typing: true });
    await page.getByText('The person is typing…').waitFor();
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Take your time');
    // The desktop picture is what fits on screen (the queue column is sticky); phones scroll.
    await page.screenshot({ path: `.screenshots/console-${name}-3-chat.png`, fullPage: width < 600 });
    await page.getByRole('button', { name: 'End chat' }).click();
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: `.screenshots/console-${name}-4-end-dialog.png` });
    await page.close();
  }
  console.log('Screenshots are in .screenshots/console-*.png');
} finally {
  await browser.close();
  await fake.close();
}
