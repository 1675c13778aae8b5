/**
 * Drives the widget's flow in a real page with the keyboard alone, the way a keyboard user would:
 * the focus is where the widget put it, and only keys are pressed. Which step is showing is read
 * from the widget's stored session, so a test can follow any path through a flow.
 */
import type { Page } from 'playwright-core';
import type { Flow, Step } from '../../flows/schema.js';

export type ScriptedAnswer =
  | { text: string; replace?: boolean }
  | { rating: number }
  | { choose: string }
  | { pick: string[]; other?: string }
  | { plan: { what: string; dayDown?: number; where: string; obstacle: string; ifThen: string }; replace?: boolean }
  | { continue: true };

interface StoredView {
  step: string | null;
  length: number;
  status: string | null;
}

export async function stored(page: Page): Promise<StoredView> {
  return page.evaluate(() => {
    const raw = sessionStorage.getItem('sst-chat:session');
    const data = raw ? (JSON.parse(raw) as { snapshot: { value: string; status: string; context: { transcript: unknown[] } } }) : null;
    return { step: data?.snapshot.value ?? null, length: data?.snapshot.context.transcript.length ?? 0, status: data?.snapshot.status ?? null };
  });
}

/** The element that has focus, looking through shadow roots. */
export async function focused(page: Page): Promise<{ tag: string; text: string; inWidget: boolean }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inWidget = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName === 'SST-CHAT') inWidget = true;
      el = el.shadowRoot.activeElement;
    }
    return { tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim(), inWidget };
  });
}

/** Waits until the widget has loaded its flow and stored a session. */
export async function waitForSession(page: Page): Promise<void> {
  await page.waitForFunction(() => sessionStorage.getItem('sst-chat:session') !== null, null, { timeout: 10_000 });
}

/** Tabs from the top of the page until the launcher has focus, then opens it with Enter. */
export async function openByKeyboard(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.inWidget && f.text.startsWith('Need to talk?')) {
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      return;
    }
  }
  throw new Error('The launcher never received focus by Tab.');
}

async function press(page: Page, key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
}

async function perform(page: Page, step: Step, answer: ScriptedAnswer): Promise<void> {
  if ('continue' in answer) return press(page, 'Enter');
  if ('text' in answer) {
    if (answer.replace) await press(page, 'Control+A');
    await page.keyboard.type(answer.text);
    return press(page, 'Enter');
  }
  if ('rating' in answer) {
    await press(page, 'Tab', answer.rating); // focus starts on the lowest value
    return press(page, 'Enter');
  }
  if ('choose' in answer && step.kind === 'choice') {
    const index = step.options.findIndex((o) => o.value === answer.choose);
    if (index < 0) throw new Error(`No option "${answer.choose}" in step "${step.id}".`);
    await press(page, 'Tab', index);
    return press(page, 'Enter');
  }
  if ('pick' in answer && step.kind === 'choice') {
    for (const option of step.options) {
      if (answer.pick.includes(option.value)) await press(page, 'Space');
      await press(page, 'Tab');
    }
    if (step.other) {
      await page.keyboard.type(answer.other ?? '');
      await press(page, 'Tab');
    }
    return press(page, 'Enter');
  }
  if ('plan' in answer) {
    const p = answer.plan;
    if (answer.replace) await press(page, 'Control+A');
    await page.keyboard.type(p.what);
    await press(page, 'Tab'); // day
    await press(page, 'ArrowDown', p.dayDown ?? 0);
    await press(page, 'Tab'); // time
    for (const text of [p.where, p.obstacle, p.ifThen]) {
      await press(page, 'Tab');
      if (answer.replace) await press(page, 'Control+A');
      await page.keyboard.type(text);
    }
    return press(page, 'Enter');
  }
  throw new Error(`The scripted answer does not fit step "${step.id}" (${step.kind}).`);
}

/**
 * Answers steps until `until` (a step id) is showing, or the flow ends. `script` maps a step id to
 * one answer, or to a list used in turn when the step comes round again. Returns the steps seen.
 */
export async function runFlow(
  page: Page,
  flow: Flow,
  script: Record<string, ScriptedAnswer | ScriptedAnswer[]>,
  until?: string,
): Promise<string[]> {
  const seen: string[] = [];
  const turns = new Map<string, number>();
  await waitForSession(page);
  for (let guard = 0; guard < 80; guard++) {
    const now = await stored(page);
    if (now.status === 'done' || now.step === until) return seen;
    const step = flow.steps.find((s) => s.id === now.step);
    if (!step) throw new Error(`Unknown step "${now.step}".`);
    const entry = script[step.id];
    if (!entry) throw new Error(`No scripted answer for step "${step.id}".`);
    const turn = turns.get(step.id) ?? 0;
    turns.set(step.id, turn + 1);
    const answer = Array.isArray(entry) ? entry[Math.min(turn, entry.length - 1)]! : entry;
    const f = await focused(page);
    if (!f.inWidget) throw new Error(`Focus left the widget at step "${step.id}" (on <${f.tag}>).`);
    seen.push(step.id);
    await perform(page, step, answer);
    // The step has been taken once the stored session moved on (a new step, or new messages).
    await page.waitForFunction(
      (before) => {
        const raw = sessionStorage.getItem('sst-chat:session');
        const data = raw ? (JSON.parse(raw) as { snapshot: { value: string; context: { transcript: unknown[] } } }) : null;
        return data !== null && (data.snapshot.value !== before.step || data.snapshot.context.transcript.length !== before.length);
      },
      now,
      { timeout: 5000 },
    );
  }
  throw new Error('The flow did not end within 80 steps.');
}
