/**
 * @summary The plan card: the person's plan in their own words, with ways to keep it.
 * Everything happens in the browser; the status line is announced to screen readers.
 */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../define.js';
import type { PlanAnswer } from '../../../flows/schema.js';
import type { Strings } from '../../i18n/index.js';
import { sharedStyles } from '../shared.styles.js';
import { copy, download, planIcs, planText, printPlan, type CardLine } from './plan-export.js';

export class SstPlanCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      section {
        border: 2px solid var(--_accent);
        border-radius: var(--_radius);
        padding: 1em;
        background: var(--_surface);
      }
      h3 {
        margin: 0 0 0.5em;
        font-size: 1.125em;
      }
      dl {
        margin: 0;
      }
      dt {
        font-weight: 700;
        margin-block-start: 0.5em;
      }
      dd {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-block-start: 1em;
      }
      p {
        margin: 0.5em 0 0;
        color: var(--_muted);
        font-size: 0.875em;
      }
    `,
  ];

  @property() heading = '';
  @property({ attribute: false }) lines: CardLine[] = [];
  @property({ attribute: false }) plan: PlanAnswer | undefined;
  @property({ attribute: false }) strings!: Strings;
  @state() private status = '';

  override render() {
    const t = this.strings.planCard;
    return html`<section part="plan-card" aria-labelledby="title">
      <h3 id="title">${this.heading}</h3>
      <dl>
        ${this.lines.map((l) => html`<dt>${l.label}</dt><dd>${l.value}</dd>`)}
      </dl>
      <div class="actions" role="group" aria-label=${this.heading}>
        <button type="button" @click=${this.#copy}>${t.copy}</button>
        <button type="button" @click=${() => printPlan(this.heading, this.lines, this.renderRoot)}>${t.print}</button>
        <button type="button" @click=${this.#download}>${t.download}</button>
        ${this.plan ? html`<button type="button" @click=${this.#calendar}>${t.calendar}</button>` : nothing}
      </div>
      <p>${t.onlyHere}</p>
      <p role="status">${this.status}</p>
    </section>`;
  }

  async #copy() {
    const t = this.strings.planCard;
    this.status = (await copy(planText(this.heading, this.lines))) ? t.copied : t.copyFailed;
  }

  #download() {
    download(`${this.strings.planCard.fileName}.txt`, 'text/plain;charset=utf-8', planText(this.heading, this.lines));
    this.status = this.strings.planCard.downloaded;
  }

  #calendar() {
    if (!this.plan) return;
    const t = this.strings.planCard;
    const description = planText(this.heading, this.lines);
    download(`${t.fileName}.ics`, 'text/calendar;charset=utf-8', planIcs(this.plan, t.calendarTitle(this.plan.what), description));
    this.status = t.calendarReady;
  }
}

define('sst-plan-card', SstPlanCard);

declare global {
  interface HTMLElementTagNameMap {
    'sst-plan-card': SstPlanCard;
  }
}
