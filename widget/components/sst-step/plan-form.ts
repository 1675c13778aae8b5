/**
 * The plan builder: one small step, when (within the next 48 hours), where, what might get in the
 * way, and an if-then plan. Day and time are chosen from lists, so the calendar file gets a real
 * time and everything works by keyboard (native selects), with no date picker to fight.
 */
import { html, nothing } from 'lit';
import type { LocalText, PlanAnswer, Step } from '../../../flows/schema.js';
import type { Strings } from '../../i18n/index.js';

type PlanStep = Extract<Step, { kind: 'plan' }>;

interface PlanFormOptions {
  t: (text: LocalText | undefined) => string;
  strings: Strings;
  previous: PlanAnswer | undefined;
  error: string;
  onSubmit: (form: HTMLFormElement) => void;
}

/** Every half hour from 06:00 to 22:30. */
const TIMES = Array.from({ length: 34 }, (_, i) => {
  const minutes = 6 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});

export function renderPlanForm(step: PlanStep, o: PlanFormOptions) {
  const f = step.fields;
  const p = o.previous;
  const hint = (id: string, text: LocalText | undefined) =>
    text ? html`<span class="hint" id=${`${id}-hint`}>${o.t(text)}</span>` : nothing;
  const described = (id: string, text: LocalText | undefined) => (text ? `${id}-hint` : nothing);
  const field = (id: keyof Omit<PlanAnswer, 'day' | 'time' | 'date'>, required = false) => html`<div class="field">
    <label for=${id}>${o.t(f[id].label)}</label>
    ${hint(id, f[id].hint)}
    <input
      id=${id}
      name=${id}
      type="text"
      autocomplete="off"
      maxlength="300"
      .value=${p?.[id] ?? ''}
      ?required=${required}
      aria-invalid=${required && o.error ? 'true' : 'false'}
      aria-describedby=${required && o.error ? 'error' : described(id, f[id].hint)}
    />
  </div>`;
  const day = p?.day ?? 1;
  const time = p?.time ?? '10:00';
  return html`<form
    class="plan"
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      o.onSubmit(e.target as HTMLFormElement);
    }}
  >
    ${field('what', true)}
    <p id="error" class="error" role="alert" ?hidden=${!o.error}>${o.error}</p>
    <div class="when">
      <div class="field">
        <label for="day">${o.t(f.day.label)}</label>
        <select id="day" name="day">
          ${o.strings.days.map((label, i) => html`<option value=${i} ?selected=${i === day}>${label}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="time">${o.t(f.time.label)}</label>
        <select id="time" name="time">
          ${TIMES.map((t) => html`<option value=${t} ?selected=${t === time}>${t}</option>`)}
        </select>
      </div>
    </div>
    ${field('where')} ${field('obstacle')} ${field('ifThen')}
    <button class="primary" type="submit">${o.t(step.submitLabel)}</button>
  </form>`;
}

const isoDate = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The plan as typed, or null when the one required part (what) is empty. */
export function readPlanForm(form: HTMLFormElement, now: Date): PlanAnswer | null {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '').trim();
  if (!text('what')) return null;
  const day = Number(text('day')) as 0 | 1 | 2;
  const date = new Date(now.getFullYear(), now.getMonth(), now.getDate() + day);
  return {
    what: text('what'),
    day: [0, 1, 2].includes(day) ? day : 1,
    time: /^\d\d:\d\d$/.test(text('time')) ? text('time') : '10:00',
    where: text('where'),
    obstacle: text('obstacle'),
    ifThen: text('ifThen'),
    date: isoDate(date),
  };
}
