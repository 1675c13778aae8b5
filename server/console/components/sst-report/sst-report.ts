/**
 * @summary The service report (leads only; the server refuses anyone else, and this page says so):
 * a date range and flow, the figures in words, two charts with table alternatives, and the CSV.
 *
 * @event sst-session-ended - The server answered 401: the console signs out.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../../widget/components/define.js';
import { sharedStyles } from '../../../../widget/components/shared.styles.js';
import type { ServiceReport } from '../../../report/types.js';
import { fetchFlows, fetchReport, reportCsvUrl, type ReportQuery } from '../../lead-api.js';
import {
  FEEDBACK_QUESTIONS,
  changeText,
  dayText,
  decimal,
  duration,
  effectSizeText,
  flowName,
  isEmptyReport,
  lastFourWeeks,
  percent,
} from '../../report-format.js';
import { pageStyles } from '../page.styles.js';
import { SstSessionEndedEvent } from '../session-ended.js';
import { consoleTokens } from '../tokens.styles.js';
import { distributionChart, distributionTable, weeksChart, weeksTable } from './charts.js';
import { reportStyles } from './sst-report.styles.js';

/** The longest range the server reports on (a year, leap day included). */
const MAX_DAYS = 366;
const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

const PROBLEMS = {
  bad_request: 'The server could not use those dates. Check that both are real dates, at most a year apart.',
  network: 'Could not reach the server. Check your connection and try again.',
  other: 'The report could not be made right now. Try again in a moment.',
};

const figure = (term: string | TemplateResult, value: string | number | TemplateResult) => html`<div class="figure"><dt>${term}</dt><dd>${value}</dd></div>`;

export class SstConsoleReport extends LitElement {
  static override styles = [sharedStyles, consoleTokens, pageStyles, reportStyles];

  @state() private query: ReportQuery = { ...lastFourWeeks(new Date()), flow: 'all' };
  @state() private flows: string[] = [];
  @state() private report: ServiceReport | null = null;
  /** The query behind the report on screen: the CSV link must match what is shown, not the form. */
  @state() private shown: ReportQuery | null = null;
  @state() private loading = false;
  /** The server has answered once: until then nothing to use is shown (it may yet refuse). */
  @state() private answered = false;
  @state() private refused = false;
  @state() private problem = '';
  @state() private formError = '';
  @state() private announcement = '';
  @state() private chartWidth = 640;
  private resizer: ResizeObserver | null = null;
  private observed: Element | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void fetchFlows().then((flows) => (this.flows = flows));
    void this.load(this.query);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.observed = null;
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Charts are drawn at the width they get, so their text is the same size on a phone as on a desk. */
  override updated(): void {
    const box = this.renderRoot.querySelector('.chart-box');
    if (box === this.observed) return;
    this.resizer ??= new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && Math.abs(width - this.chartWidth) > 2) this.chartWidth = width;
    });
    if (this.observed) this.resizer.unobserve(this.observed);
    if (box) this.resizer.observe(box);
    this.observed = box;
  }

  override render() {
    return html`<div class="page">
      <h2 tabindex="-1">Service report</h2>
      <p class="intro">
        Session figures come only from people who agreed to share anonymous answers; live-chat figures count every chat.
      </p>
      ${this.refused
        ? html`<div class="refused">
            <p role="alert"><strong>Only service leads can see the report.</strong></p>
            <p><a href="#chats">Back to your chats</a></p>
          </div>`
        : html`${this.answered ? this.renderForm() : nothing}
            <div class="visually-hidden" role="status">${this.announcement}</div>
            <div class="alert" role="alert">${this.problem}</div>
            ${this.report && this.shown ? this.renderResults(this.report, this.shown) : this.loading ? html`<p>Loading the report…</p>` : nothing}`}
    </div>`;
  }

  private renderForm() {
    const q = this.query;
    const invalid = this.formError ? 'true' : 'false';
    return html`<form class="card query" aria-label="Report range" novalidate @submit=${(e: Event) => this.submit(e)}>
      <div class="field">
        <label for="from">From date</label>
        <input id="from" name="from" type="date" required .value=${q.from} aria-invalid=${invalid} aria-describedby="range-error" />
      </div>
      <div class="field">
        <label for="to">To date</label>
        <input id="to" name="to" type="date" required .value=${q.to} aria-invalid=${invalid} aria-describedby="range-error" />
      </div>
      <div class="field">
        <label for="flow">Flow</label>
        <select id="flow" name="flow">
          <option value="all" ?selected=${q.flow === 'all'}>All flows</option>
          ${this.flows.map((f) => html`<option value=${f} ?selected=${q.flow === f}>${flowName(f)}</option>`)}
        </select>
      </div>
      <button class="primary" type="submit" aria-disabled=${this.loading ? 'true' : 'false'}>${this.loading ? 'Loading…' : 'Show report'}</button>
      <p id="range-error" class="form-error" role="alert">${this.formError}</p>
    </form>`;
  }

  private renderResults(r: ServiceReport, shown: ReportQuery) {
    const range = html`<p class="range">
      Figures for <strong>${dayText(r.range.from)} to ${dayText(r.range.to)}</strong>, ${flowName(r.range.flow).toLowerCase()}.
    </p>`;
    if (isEmptyReport(r)) return html`<div class="results">${range}<p class="empty">No sessions in this range yet.</p></div>`;
    const c = r.change;
    const h = r.handoffs;
    return html`<div class="results">
      <div class="results-head">
        ${range}
        ${r.sessions.started > 0 ? html`<a class="csv" href=${reportCsvUrl(shown)} download>Download CSV<span class="visually-hidden"> of these anonymous answers</span></a>` : nothing}
      </div>
      <div class="cards">
        <section class="card" aria-labelledby="sessions-heading">
          <h3 id="sessions-heading">Self-guided sessions</h3>
          <dl>
            ${figure('Started', r.sessions.started)}
            ${figure('Completed', r.sessions.completed)}
            ${figure('Completion rate', percent(r.sessions.completionRate))}
          </dl>
        </section>
        <section class="card wide" aria-labelledby="change-heading">
          <h3 id="change-heading">How people felt, before → after (0 to 10)</h3>
          <dl>
            ${figure('Mean change', html`<span class="long">${changeText(c)}</span>`)}
            ${c.meanBefore !== null && c.meanAfter !== null ? figure('Mean before → after', `${decimal(c.meanBefore)} → ${decimal(c.meanAfter)}`) : nothing}
            ${figure(html`Effect size (d<sub>z</sub>)`, html`<span class="long">${effectSizeText(c)}</span>`)}
          </dl>
          <p class="hint">
            The effect size compares the mean change with how much it varied from person to person. As a rough guide, about 0.2 is
            small, 0.5 medium and 0.8 large.
          </p>
        </section>
        <section class="card" aria-labelledby="handoffs-heading">
          <h3 id="handoffs-heading">Live chats</h3>
          <dl>
            ${figure('Asked for a person', h.count)}
            ${figure('Answered by a therapist', h.answered)}
            ${figure('Median wait', duration(h.waitMedianSeconds))}
            ${figure('90th-percentile wait', duration(h.waitP90Seconds))}
          </dl>
          <p class="hint">Waits count answered chats only. Nine in ten waited no longer than the 90th percentile.</p>
        </section>
        <section class="card" aria-labelledby="urgent-heading">
          <h3 id="urgent-heading">Urgent</h3>
          <dl>
            ${figure('Urgent escalations', r.urgentEscalations)}
            ${figure('Urgent live chats', h.urgent)}
          </dl>
          <p class="hint">Escalations are self-guided sessions that showed the urgent safety screen.</p>
        </section>
        <section class="card" aria-labelledby="feedback-heading">
          <h3 id="feedback-heading">Feedback</h3>
          <dl class="feedback">
            ${FEEDBACK_QUESTIONS.map(
              (q) => html`<div>
                <dt>${q.question}</dt>
                <dd>
                  <ul>
                    ${Object.entries(q.answers).map(([key, label]) => html`<li>${label}: <strong>${(r.feedback[q.key] as Record<string, number>)[key] ?? 0}</strong></li>`)}
                  </ul>
                </dd>
              </div>`,
            )}
          </dl>
        </section>
      </div>
      <section class="card" aria-labelledby="dist-heading">
        <h3 id="dist-heading">Distribution of change</h3>
        <p class="legend" aria-hidden="true">
          <span><span class="swatch worse"></span>Felt worse (left of 0)</span>
          <span><span class="swatch same"></span>No change</span>
          <span><span class="swatch better"></span>Felt better (right of 0)</span>
        </p>
        <div class="chart-box">${distributionChart(c.distribution, this.chartWidth)}</div>
        <details>
          <summary>Show as a table<span class="visually-hidden">: distribution of change</span></summary>
          ${distributionTable(c.distribution)}
        </details>
      </section>
      <section class="card" aria-labelledby="weeks-heading">
        <h3 id="weeks-heading">By week</h3>
        <p class="legend" aria-hidden="true">
          <span><span class="swatch better"></span>Started</span>
          <span><span class="swatch striped"></span>Completed</span>
          <span><span class="swatch dot"></span>Mean change (lower strip)</span>
        </p>
        <div class="chart-box">${weeksChart(r.weeks, this.chartWidth)}</div>
        <details>
          <summary>Show as a table<span class="visually-hidden">: by week</span></summary>
          <div class="table-scroll" role="region" aria-label="By week, as a table" tabindex="0">${weeksTable(r.weeks)}</div>
        </details>
      </section>
    </div>`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.loading) return;
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const query = { from: value('from'), to: value('to'), flow: value('flow') };
    this.query = query;
    if (!query.from || !query.to) return this.setFormError('Choose both a From date and a To date.', form);
    if (query.from > query.to) return this.setFormError('The From date must be on or before the To date.', form);
    if (daysBetween(query.from, query.to) > MAX_DAYS) return this.setFormError('Choose a range of at most a year (366 days).', form);
    this.formError = '';
    await this.load(query);
  }

  private setFormError(text: string, form: HTMLFormElement): void {
    this.formError = text;
    form.querySelector<HTMLInputElement>(this.query.from ? '#to' : '#from')?.focus();
  }

  private async load(query: ReportQuery): Promise<void> {
    this.loading = true;
    this.problem = '';
    const result = await fetchReport(query);
    this.loading = false;
    this.answered = true;
    if (result.ok) {
      this.report = result.value;
      this.shown = query;
      this.announce(`Report updated: ${dayText(query.from)} to ${dayText(query.to)}, ${flowName(query.flow).toLowerCase()}.`);
      return;
    }
    if (result.reason === 'signed_out') this.dispatchEvent(new SstSessionEndedEvent());
    else if (result.reason === 'forbidden') this.refused = true;
    else this.problem = result.reason === 'bad_request' ? PROBLEMS.bad_request : result.reason === 'network' ? PROBLEMS.network : PROBLEMS.other;
  }

  /** Cleared first, so the same words twice in a row are read out again. */
  private announce(text: string): void {
    this.announcement = '';
    setTimeout(() => (this.announcement = text), 100);
  }
}

define('sst-console-report', SstConsoleReport);

declare global {
  interface HTMLElementTagNameMap {
    'sst-console-report': SstConsoleReport;
  }
}
