/**
 * @summary The safety screen, shown when an answer suggests the person may be in danger now: the
 * service's crisis lines as tap-to-call / tap-to-text links, "Talk to a person now", and a brief
 * safety plan they can keep with their plan card. Loaded only when it is first needed.
 *
 * The flow goes on only when the person chooses to: "Continue the session" asks once more, and
 * only the answer to that question (`safety-resume`) leaves the screen. The wording is the flow's
 * own (`safety` in the flow file), written by clinicians.
 *
 * @event safety-talk - The person asked to talk to a person now.
 * @event safety-plan - `{ plan }`: the person kept their safety plan.
 * @event safety-resume - The person chose, and confirmed, to carry on with the session.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CrisisResource } from '../../../flows/crisis-resources.js';
import type { LocalText, Safety, SafetyPlan } from '../../../flows/schema.js';
import { localize } from '../../../flows/text.js';
import type { Strings } from '../../i18n/index.js';
import { define } from '../define.js';
import { sharedStyles } from '../shared.styles.js';
import { renderResources } from '../sst-panel/help.js';
import { safetyStyles } from './sst-safety.styles.js';

export class SstSafety extends LitElement {
  static override styles = [sharedStyles, safetyStyles];

  @property({ attribute: false }) texts!: Safety;
  @property({ attribute: false }) resources: CrisisResource[] = [];
  @property({ attribute: false }) strings!: Strings;
  @property({ attribute: false }) plan: SafetyPlan | null = null;
  @property() locale = 'en';
  /** The flow's first locale, used where a text lacks the person's locale. */
  @property() fallback = 'en';
  /** False where the service has no live chat: then there is no "Talk to a person now". */
  @property({ type: Boolean }) canTalk = false;
  @state() private confirming = false;
  @state() private saved = false;

  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
  }

  #t(text: LocalText | undefined): string {
    return localize(text, this.locale, this.fallback);
  }

  #emit(name: string, detail?: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail }));
  }

  /** The plan as typed so far; null when every field is empty. */
  #read(): SafetyPlan | null {
    const plan = Object.fromEntries(
      Object.keys(this.texts.plan.fields).map((k) => [k, this.renderRoot.querySelector<HTMLTextAreaElement>(`#plan-${k}`)?.value.trim() ?? '']),
    ) as SafetyPlan;
    return Object.values(plan).some((v) => v !== '') ? plan : null;
  }

  #keep(event: Event): void {
    event.preventDefault();
    const plan = this.#read();
    if (!plan) return;
    this.#emit('safety-plan', { plan });
    this.saved = true;
  }

  async #ask(confirming: boolean): Promise<void> {
    this.confirming = confirming;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(confirming ? '#confirm-yes' : '#continue')?.focus();
  }

  #resume(): void {
    // What was typed but not kept yet goes with them: nothing they wrote is lost by carrying on.
    const plan = this.#read();
    if (plan) this.#emit('safety-plan', { plan });
    this.#emit('safety-resume');
  }

  override render() {
    const s = this.texts.screen;
    const fields = Object.entries(this.texts.plan.fields) as Array<[keyof SafetyPlan, Safety['plan']['fields'][keyof SafetyPlan]]>;
    return html`<section class="safety" aria-labelledby="safety-title">
      <h3 id="safety-title" tabindex="-1">${this.#t(s.title)}</h3>
      ${s.say.map((p) => html`<p>${this.#t(p)}</p>`)}
      ${renderResources(this.resources, this.strings)}
      ${this.canTalk ? html`<button type="button" class="primary talk" @click=${() => this.#emit('safety-talk')}>${this.#t(s.talkNow)}</button>` : nothing}
      <form aria-labelledby="plan-title" @submit=${(e: Event) => this.#keep(e)} @input=${() => (this.saved = false)}>
        <h4 id="plan-title">${this.#t(this.texts.plan.title)}</h4>
        <p>${this.#t(s.planIntro)}</p>
        ${fields.map(
          ([k, f]) => html`<label for="plan-${k}">${this.#t(f.label)}</label>
            ${f.hint ? html`<span id="hint-${k}" class="hint">${this.#t(f.hint)}</span>` : nothing}
            <textarea id="plan-${k}" rows="2" maxlength="500" autocomplete="off" aria-describedby=${f.hint ? `hint-${k}` : nothing}
              .value=${this.plan?.[k] ?? ''}></textarea>`,
        )}
        <button type="submit">${this.#t(s.savePlan)}</button>
        <p role="status">${this.saved ? this.#t(s.planSaved) : ''}</p>
      </form>
      ${this.confirming
        ? html`<div class="confirm" role="group" aria-labelledby="confirm-question">
            <p id="confirm-question">${this.#t(s.confirm)}</p>
            <div class="row">
              <button type="button" id="confirm-yes" class="primary" @click=${() => this.#resume()}>${this.#t(s.confirmYes)}</button>
              <button type="button" @click=${() => void this.#ask(false)}>${this.#t(s.notNow)}</button>
            </div>
          </div>`
        : html`<button type="button" id="continue" @click=${() => void this.#ask(true)}>${this.#t(s.continueLabel)}</button>`}
    </section>`;
  }
}

define('sst-safety', SstSafety);

declare global {
  interface HTMLElementTagNameMap {
    'sst-safety': SstSafety;
  }
}
