/** The plan card and the files it makes, in Chromium. Nothing is sent anywhere. */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import type { PlanAnswer } from '../../flows/schema.js';
import '../../widget/components/plan-card/sst-plan-card.js';
import { planIcs, planStart, planText } from '../../widget/components/plan-card/plan-export.js';
import { strings } from '../../widget/i18n/index.js';

const PLAN: PlanAnswer = {
  what: 'Call Sam, and ask about Sunday; maybe lunch',
  day: 1,
  time: '18:30',
  where: 'Home',
  obstacle: 'Feeling awkward',
  ifThen: 'If I feel awkward, I will send a text instead',
  date: '2026-11-27',
};
const LINES = [
  { label: 'What I hoped for today', value: 'Feel closer to my friends' },
  { label: 'My small step', value: PLAN.what },
];

afterEach(() => document.body.replaceChildren());

describe('plan files', () => {
  it('makes an .ics event at the planned local time, escaped and folded per RFC 5545', () => {
    const ics = planIcs(PLAN, `My step: ${PLAN.what}`, planText('Your plan', LINES), new Date('2026-11-26T10:00:00Z'));
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('DTSTART:20261127T183000');
    expect(lines).toContain('DTEND:20261127T190000');
    expect(lines).toContain('DTSTAMP:20261126T100000Z');
    expect(ics).toContain('SUMMARY:My step: Call Sam\\, and ask about Sunday\\; maybe lunch');
    expect(lines.every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    // Unfolding gives back the description with its line breaks escaped.
    expect(ics.replace(/\r\n /g, '')).toContain('DESCRIPTION:Your plan\\n\\nWhat I hoped for today: Feel closer to my friends');
  });

  it('counts the day from when the plan was made when no date was kept', () => {
    const start = planStart({ ...PLAN, date: undefined, day: 2 }, new Date(2026, 11, 31, 9));
    expect([start.getFullYear(), start.getMonth(), start.getDate(), start.getHours(), start.getMinutes()]).toEqual([2027, 0, 2, 18, 30]);
  });
});

describe('<sst-plan-card>', () => {
  it('shows the plan in the person’s words with ways to keep it', async () => {
    const card = document.createElement('sst-plan-card');
    Object.assign(card, { heading: 'Your plan', lines: LINES, plan: PLAN, strings: strings('en') });
    document.body.append(card);
    const region = page.getByRole('region', { name: 'Your plan' });
    await expect.element(region).toHaveTextContent('Feel closer to my friends');
    await expect.element(region).toHaveTextContent(PLAN.what);
    await page.getByRole('button', { name: 'Download (.txt)' }).click();
    await expect.element(page.getByRole('status')).toHaveTextContent('Your plan is downloaded.');
    await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
    await expect.element(page.getByRole('status')).toHaveTextContent('The calendar file is downloaded.');
  });

  it('offers no calendar file when there is no plan with a time', async () => {
    const card = document.createElement('sst-plan-card');
    Object.assign(card, { heading: 'Your plan', lines: LINES, plan: undefined, strings: strings('en') });
    document.body.append(card);
    await expect.element(page.getByRole('button', { name: 'Copy' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Add to calendar (.ics)' })).not.toBeInTheDocument();
  });
});
