/**
 * @summary The controls for the current step: a text box, choice buttons, a 0–10 rating, the plan
 * form, or a Continue button. Every control is a native element, so it works by keyboard.
 *
 * @event step-answer - `{ value, other? }` when the person answers (internal to the panel).
 * @event step-continue - when the person moves on from a message, lesson or summary.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AnswerValue, Answers, Flow, LocalText, PlanAnswer, Step } from '../../../flows/schema.js';
import { fill, isPlan, type TextContext } from '../../../flows/text.js';
import type { Strings } from '../../i18n/index.js';
import { define } from '../define.js';
import { sharedStyles } from '../shared.styles.js';
import { stepStyles } from './sst-step.styles.js';

type PlanForm = typeof import('./plan-form.js');
/**
 * The plan form is one step of about twenty, well into the session, so it is not part of opening
 * the chat: the panel preloads it in the background after opening (`preloadPlanForm`), and a plan
 * step that comes first still waits for it (`updateComplete` includes the wait).
 */
let planForm: PlanForm | null = null;
let planFormLoading: Promise<PlanForm | null> | null = null;
export function preloadPlanForm(): Promise<PlanForm | null> {
  return (planFormLoading ??= import('./plan-form.js').then(
    (m) => (planForm = m),
    () => (planFormLoading = null), // offline for a moment: the next render tries again
  ));
}

export class SstStep extends LitElement {
  static override styles = [sharedStyles, stepStyles];

  @property({ attribute: false }) step!: Step;
  @property({ attribute: false }) flow!: Flow;
  @property({ attribute: false }) answers: Answers = {};
  @property() locale = 'en';
  @property({ attribute: false }) strings!: Strings;
  @state() private error = '';
  @state() private picked: string[] = [];
  @state() private planFailed = false;

  /** Moves focus to the step's first control, so keyboard users carry on without searching. */
  focusFirst(): void {
    const target = this.renderRoot.querySelector<HTMLElement>('textarea, input, select, button');
    target?.focus();
  }

  /** A plan step is complete once its form has loaded, so callers can focus it and tests can use it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.step?.kind === 'plan' && !planForm && (await preloadPlanForm())) done = await super.getUpdateComplete();
    return done;
  }

  /** A new step starts with a clean slate (no error from the previous one). */
  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('step')) {
      this.error = '';
      this.picked = [];
    }
  }

  #t(text: LocalText | undefined): string {
    const ctx: TextContext = { flow: this.flow, locale: this.locale, answers: this.answers, format: this.strings.format };
    return fill(text, ctx);
  }

  #answer(value: AnswerValue, other?: string): void {
    this.dispatchEvent(new CustomEvent('step-answer', { detail: other === undefined ? { value } : { value, other } }));
  }

  #continue(): void {
    this.dispatchEvent(new CustomEvent('step-continue'));
  }

  override render(): TemplateResult | typeof nothing {
    const step = this.step;
    switch (step.kind) {
      case 'message':
      case 'content':
      case 'summary':
        return html`<button class="primary" type="button" @click=${this.#continue}>
          ${step.continueLabel ? this.#t(step.continueLabel) : this.strings.continue}
        </button>`;
      case 'text':
        return this.#text(step);
      case 'choice':
        return step.multiple ? this.#multiple(step) : this.#single(step);
      case 'rating':
        return this.#rating(step);
      case 'plan': {
        const previous = this.answers[step.capture];
        if (!planForm) {
          // Offline for a moment: say so and offer a retry, rather than wait silently for ever.
          if (this.planFailed) {
            return html`<p role="alert">${this.strings.loadFailed}</p>
              <button type="button" class="primary" @click=${() => (this.planFailed = false)}>${this.strings.tryAgain}</button>`;
          }
          void preloadPlanForm().then((m) => (m ? this.requestUpdate() : (this.planFailed = true)));
          return html`<p role="status">${this.strings.loading}</p>`;
        }
        return planForm.renderPlanForm(step, {
          t: (x) => this.#t(x),
          strings: this.strings,
          previous: isPlan(previous) ? previous : undefined,
          error: this.error,
          onSubmit: (form) => this.#submitPlan(form),
        });
      }
      default:
        return nothing;
    }
  }

  #errorLine() {
    return html`<p id="error" class="error" role="alert" ?hidden=${!this.error}>${this.error}</p>`;
  }

  #text(step: Extract<Step, { kind: 'text' }>) {
    const submit = (e: Event) => {
      e.preventDefault();
      const box = this.renderRoot.querySelector('textarea')!;
      const value = box.value.trim();
      if (!step.optional && !value) return void (this.error = this.strings.needWords);
      if (value.length > step.maxLength) return void (this.error = this.strings.tooLong(step.maxLength));
      this.#answer(value);
      box.value = '';
    };
    // Enter sends, as in every chat; Shift+Enter keeps a new line. Not while an IME is composing.
    const keydown = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e);
    };
    return html`<form class="text" @submit=${submit} novalidate>
      <label for="answer">${this.#t(step.label)}</label>
      <div class="row">
        <textarea
          id="answer"
          rows="2"
          autocomplete="off"
          placeholder=${step.placeholder ? this.#t(step.placeholder) : nothing}
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby="hint ${this.error ? 'error' : ''}"
          @keydown=${keydown}
          @input=${() => (this.error = '')}
        ></textarea>
        <button class="primary" type="submit">${this.strings.send}</button>
      </div>
      <p id="hint" class="hint">${this.strings.enterHint}</p>
      ${step.optional ? html`<button type="button" class="skip" @click=${() => this.#answer('')}>${this.strings.skip}</button>` : nothing}
      ${this.#errorLine()}
    </form>`;
  }

  #single(step: Extract<Step, { kind: 'choice' }>) {
    return html`<div class="choices" role="group" aria-labelledby="label">
      <p id="label" class="label">${this.#t(step.label)}</p>
      ${step.options.map(
        (o) => html`<button type="button" @click=${() => this.#answer(o.value)}>${this.#t(o.label)}</button>`,
      )}
    </div>`;
  }

  #multiple(step: Extract<Step, { kind: 'choice' }>) {
    const toggle = (value: string) => {
      this.picked = this.picked.includes(value) ? this.picked.filter((v) => v !== value) : [...this.picked, value];
    };
    const submit = (e: Event) => {
      e.preventDefault();
      const other = this.renderRoot.querySelector<HTMLInputElement>('#other')?.value.trim();
      // Keep the flow's option order, whatever order they were tapped in.
      const value = step.options.map((o) => o.value).filter((v) => this.picked.includes(v));
      this.#answer(value, step.other ? (other ?? '') : undefined);
    };
    return html`<form @submit=${submit}>
      <div class="choices" role="group" aria-labelledby="label">
        <p id="label" class="label">${this.#t(step.label)}</p>
        ${step.options.map(
          (o) => html`<button type="button" aria-pressed=${this.picked.includes(o.value) ? 'true' : 'false'} @click=${() => toggle(o.value)}>
            ${this.#t(o.label)}
          </button>`,
        )}
      </div>
      ${step.other
        ? html`<label for="other">${this.#t(step.other.label)}</label><input id="other" type="text" autocomplete="off" maxlength="300" />`
        : nothing}
      <button class="primary" type="submit">${step.continueLabel ? this.#t(step.continueLabel) : this.strings.continue}</button>
    </form>`;
  }

  #rating(step: Extract<Step, { kind: 'rating' }>) {
    const values = Array.from({ length: step.max - step.min + 1 }, (_, i) => step.min + i);
    const minLabel = this.#t(step.minLabel);
    const maxLabel = this.#t(step.maxLabel);
    return html`<div class="rating" role="group" aria-labelledby="label" aria-describedby="scale">
      <p id="label" class="label">${this.#t(step.label)}</p>
      <div class="scale-buttons">
        ${values.map((v) => html`<button type="button" @click=${() => this.#answer(v)}>${v}</button>`)}
      </div>
      <div class="ends" aria-hidden="true"><span>${minLabel}</span><span>${maxLabel}</span></div>
      <p id="scale" class="visually-hidden">${minLabel}. ${maxLabel}.</p>
    </div>`;
  }

  #submitPlan(form: HTMLFormElement): void {
    const now = new Date();
    const plan: PlanAnswer | null = planForm!.readPlanForm(form, now);
    if (!plan) {
      this.error = this.strings.needWords;
      form.querySelector<HTMLElement>('#what')?.focus();
      return;
    }
    // A step "today" at a time already gone would put the plan (and the calendar event) in the past.
    const current = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
    if (plan.day === 0 && plan.time <= current) {
      this.error = this.strings.timePassed;
      form.querySelector<HTMLElement>('#time')?.focus();
      return;
    }
    this.#answer(plan);
  }
}

define('sst-step', SstStep);

declare global {
  interface HTMLElementTagNameMap {
    'sst-step': SstStep;
  }
}
