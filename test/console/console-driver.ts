/** Building the console and driving it in Chromium: shared by the console tests and its screenshots. */
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { SharedSummary } from '../../server/protocol.js';
import { THERAPIST } from './fake-relay.js';

export const CONSOLE_DIST = 'dist/console';

/** Builds exactly as production does. Vitest sets NODE_ENV=test, which would pick Lit's dev build. */
export async function buildConsole(): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: 'vite.console.config.ts', logLevel: 'error', mode: 'production' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

export const SHARED: SharedSummary = {
  flow: 'default',
  goal: 'Feel less stuck about my exams',
  before: 4,
  scaleNow: 3,
  strengths: 'My sister, music, walking my dog',
  plan: { what: 'Open my maths notes for 10 minutes', when: 'Tomorrow at 4 pm', where: 'At home', obstacle: 'My phone', ifThen: 'I will put it in another room' },
  transcript: [
    { from: 'bot', text: 'What are your best hopes from today?' },
    { from: 'person', text: 'Feel less stuck about my exams' },
  ],
};

/** Counts the oscillators the page starts: the new-chat chime is made with Web Audio. */
export async function countSounds(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { sstSounds: number };
    w.sstSounds = 0;
    const original = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.sstSounds++;
      return original.call(this);
    };
  });
}

export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/console/`);
  await page.getByLabel('Username').fill(THERAPIST.username);
  await page.getByLabel('Password').fill(THERAPIST.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Waiting for a person' }).waitFor();
}

/** The focused element, looking through shadow roots: tag, id and text. */
export function focused(page: Page): Promise<{ tag: string; id: string; text: string }> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
}

/** Presses Tab until the focused element matches, as a keyboard user would (at most `limit` times). */
export async function tabTo(page: Page, match: (f: { tag: string; id: string; text: string }) => boolean, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (match(await focused(page))) return;
  }
  throw new Error(`Nothing matching was reached in ${limit} presses of Tab; last: ${JSON.stringify(await focused(page))}`);
}
