/** The safety screen in Chromium: crisis links, "Talk to a person now", the safety plan, and leaving only by choice. */
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CRISIS_RESOURCES } from '../../flows/crisis-resources.js';
import type { SafetyPlan } from '../../flows/schema.js';
import texts from '../../flows/default.flow.yaml?safety';
import youthTexts from '../../flows/youth.flow.yaml?safety';
import { SstSafety } from '../../widget/components/sst-safety/sst-safety.js';
import { strings } from '../../widget/i18n/index.js';

afterEach(() => document.body.replaceChildren());

async function mount(options: { canTalk?: boolean; plan?: SafetyPlan | null; youth?: boolean } = {}) {
  const el = document.createElement('sst-safety') as SstSafety;
  el.texts = (options.youth ? youthTexts : texts)!;
  el.resources = CRISIS_RESOURCES.AU;
  el.strings = strings('en');
  el.canTalk = options.canTalk ?? true;
  el.plan = options.plan ?? null;
  const events: Array<{ type: string; detail: unknown }> = [];
  for (const type of ['safety-talk', 'safety-plan', 'safety-resume']) el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot!;
  const button = (name: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);
  return { el, root, events, button };
}

describe('the safety screen', () => {
  it('shows the crisis lines as tap-to-call and tap-to-text links, and Talk to a person now', async () => {
    const { root, button, events, el } = await mount();
    expect(root.querySelector('h3')!.textContent).toBe("Let's pause for a moment");
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('tel:000');
    expect(hrefs.some((h) => h?.startsWith('sms:'))).toBe(true);
    button('Talk to a person now')!.click();
    expect(events.map((e) => e.type)).toEqual(['safety-talk']);
    el.focusFirst();
    expect(el.shadowRoot!.activeElement?.id).toBe('safety-title');
  });

  it('has no Talk to a person now where the service has no live chat', async () => {
    const { button } = await mount({ canTalk: false });
    expect(button('Talk to a person now')).toBeUndefined();
  });

  it('keeps the safety plan the person writes, with a labelled field for each part', async () => {
    const { root, button, events } = await mount();
    const labels = [...root.querySelectorAll('label')].map((l) => l.textContent!.trim());
    expect(labels).toEqual(['My warning signs', 'Things that help me cope', 'People I can contact', 'Services and professionals I can contact', 'Making my space safer']);
    button('Keep my safety plan')!.click();
    expect(events).toEqual([]); // nothing written, nothing kept
    root.querySelector<HTMLTextAreaElement>('#plan-people')!.value = 'My sister';
    button('Keep my safety plan')!.click();
    expect(events).toEqual([{ type: 'safety-plan', detail: { plan: { warningSigns: '', whatHelps: '', people: 'My sister', professionals: '', safeSpace: '' } } }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('[role="status"]')!.textContent).toContain('Your safety plan is saved');
  });

  it('shows a plan kept earlier', async () => {
    const { root } = await mount({ plan: { warningSigns: 'No sleep', whatHelps: '', people: '', professionals: '', safeSpace: '' } });
    expect(root.querySelector<HTMLTextAreaElement>('#plan-warningSigns')!.value).toBe('No sleep');
  });

  it('leaves only when the person chooses to, and confirms it; "Not now" stays', async () => {
    const { root, button, events, el } = await mount();
    button('Continue the session')!.click();
    await el.updateComplete;
    expect(events).toEqual([]);
    expect(root.querySelector('#confirm-question')!.textContent).toBe('Are you safe enough to carry on with the session now?');
    expect(root.activeElement?.id).toBe('confirm-yes');
    button('Not now')!.click();
    await el.updateComplete;
    expect(events).toEqual([]);
    expect(root.activeElement?.id).toBe('continue');
    root.querySelector<HTMLTextAreaElement>('#plan-whatHelps')!.value = 'A walk';
    button('Continue the session')!.click();
    await el.updateComplete;
    button('Yes, continue the session')!.click();
    // What was typed but not kept yet goes with them.
    expect(events.map((e) => e.type)).toEqual(['safety-plan', 'safety-resume']);
  });

  it('has no accessibility violations (adult and youth wording)', async () => {
    for (const youth of [false, true]) {
      const { el } = await mount({ youth });
      const result = await axe.run(el.shadowRoot as unknown as Element);
      expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      el.remove();
    }
  });
});
