/**
 * The step controls in Chromium, used the way a person would (keyboard, roles, names).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import flow from '../../flows/default.flow.yaml';
import type { Step } from '../../flows/schema.js';
import '../../widget/components/sst-step/sst-step.js';
import type { SstStep } from '../../widget/components/sst-step/sst-step.js';
import { strings } from '../../widget/i18n/index.js';

const step = (id: string) => flow.steps.find((s) => s.id === id)!;

async function mount(s: Step, answers = {}): Promise<{ el: SstStep; events: Array<{ type: string; detail: unknown }> }> {
  const el = document.createElement('sst-step');
  Object.assign(el, { step: s, flow, answers, locale: 'en', strings: strings('en') });
  const events: Array<{ type: string; detail: unknown }> = [];
  el.addEventListener('step-answer', (e) => events.push({ type: 'answer', detail: (e as CustomEvent).detail }));
  el.addEventListener('step-continue', () => events.push({ type: 'continue', detail: null }));
  document.body.append(el);
  await el.updateComplete;
  el.focusFirst();
  return { el, events };
}

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

/** The focused element inside the step's shadow root (document.activeElement stops at the host). */
const focusedIn = (el: SstStep) => (el.shadowRoot!.activeElement as HTMLElement | null)?.textContent?.trim() ?? el.shadowRoot!.activeElement?.tagName;

describe('<sst-step>', () => {
  it('text: Enter sends, Shift+Enter adds a line, an empty answer gets a kind message', async () => {
    const { el, events } = await mount(step('best_hopes'));
    const box = page.getByRole('textbox', { name: 'My best hopes for today' });
    expect(el.shadowRoot!.activeElement?.tagName).toBe('TEXTAREA');
    await userEvent.keyboard('{Enter}');
    expect(events).toEqual([]);
    await expect.element(page.getByRole('alert')).toHaveTextContent('Write a few words first. Anything is fine.');
    await expect.element(box).toHaveAttribute('aria-invalid', 'true');
    await userEvent.keyboard('Sleep better{Shift>}{Enter}{/Shift}and worry less');
    await userEvent.keyboard('{Enter}');
    expect(events).toEqual([{ type: 'answer', detail: { value: 'Sleep better\nand worry less' } }]);
    await expect.element(box).toHaveValue('');
  });

  it('an optional question can be skipped with its own button', async () => {
    const { events } = await mount(step('supports'));
    await page.getByRole('button', { name: 'Skip this question' }).click();
    expect(events).toEqual([{ type: 'answer', detail: { value: '' } }]);
  });

  it('rating: eleven buttons from 0 to 10 in a labelled group, operable by keyboard', async () => {
    const { el, events } = await mount(step('rating_before'));
    const group = page.getByRole('group', { name: 'How things are for me right now' });
    await expect.element(group).toBeVisible();
    expect(group.getByRole('button').all()).toHaveLength(11);
    expect(focusedIn(el)).toBe('0');
    await userEvent.keyboard('{Tab}{Tab}{Tab}{Enter}');
    expect(events).toEqual([{ type: 'answer', detail: { value: 3 } }]);
  });

  it('several choices: toggle buttons report their state, and "something else" comes along', async () => {
    const { events } = await mount(step('strengths'));
    const music = page.getByRole('button', { name: 'Music' });
    await music.click();
    await expect.element(music).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'A pet' }).click();
    await page.getByRole('textbox').fill('my garden');
    await page.getByRole('button', { name: 'Continue' }).click();
    // In the flow's order, whatever order they were tapped in.
    expect(events).toEqual([{ type: 'answer', detail: { value: ['pet', 'music'], other: 'my garden' } }]);
  });

  it('plan: a time already gone today is refused kindly, so the plan is never in the past', async () => {
    vi.setSystemTime(new Date(2026, 10, 26, 20, 15));
    const { events } = await mount(step('plan'));
    await page.getByRole('textbox', { name: 'What small thing will you do?' }).fill('Walk to the corner');
    await page.getByRole('combobox', { name: 'Which day?' }).selectOptions('Today');
    await page.getByRole('combobox', { name: 'What time?' }).selectOptions('20:00');
    await page.getByRole('button', { name: 'Save my plan' }).click();
    expect(events).toEqual([]);
    await expect.element(page.getByRole('alert')).toHaveTextContent('That time has already passed today.');
    await page.getByRole('combobox', { name: 'What time?' }).selectOptions('20:30');
    await page.getByRole('button', { name: 'Save my plan' }).click();
    expect(events[0]!.detail).toMatchObject({ value: { day: 0, time: '20:30' } });
  });

  it('plan: the step itself is required; day and time are lists; a second visit is pre-filled', async () => {
    vi.setSystemTime(new Date(2026, 10, 26, 9, 0));
    const { events } = await mount(step('plan'));
    await page.getByRole('button', { name: 'Save my plan' }).click();
    expect(events).toEqual([]);
    await expect.element(page.getByRole('alert')).toBeVisible();
    await page.getByRole('textbox', { name: 'What small thing will you do?' }).fill('Walk to the corner');
    await page.getByRole('combobox', { name: 'Which day?' }).selectOptions('Today');
    await page.getByRole('combobox', { name: 'What time?' }).selectOptions('18:30');
    await page.getByRole('textbox', { name: 'Where will you be?' }).fill('Home');
    await page.getByRole('button', { name: 'Save my plan' }).click();
    expect(events[0]!.detail).toMatchObject({ value: { what: 'Walk to the corner', day: 0, time: '18:30', where: 'Home', date: '2026-11-26' } });

    document.body.replaceChildren();
    await mount(step('plan'), { plan: { what: 'Walk to the corner', day: 2, time: '07:00', where: 'Park', obstacle: 'Rain', ifThen: 'Umbrella' } });
    await expect.element(page.getByRole('textbox', { name: 'What small thing will you do?' })).toHaveValue('Walk to the corner');
    await expect.element(page.getByRole('combobox', { name: 'Which day?' })).toHaveValue('2');
    await expect.element(page.getByRole('combobox', { name: 'What time?' })).toHaveValue('07:00');
  });

  it('message, lesson and summary steps move on with one button', async () => {
    const { el, events } = await mount(step('action_mood'));
    expect(el.shadowRoot!.activeElement?.tagName).toBe('BUTTON');
    await userEvent.keyboard('{Enter}');
    expect(events).toEqual([{ type: 'continue', detail: null }]);
  });
});
