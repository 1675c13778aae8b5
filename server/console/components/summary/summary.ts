/**
 * What the person chose to share when they asked for a person, as a definition list. Shared by the
 * queue cards and the chat view. Only what they shared is shown; nothing is filled in or guessed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RiskLevel, SharedSummary } from '../../../protocol.js';
import { riskText } from '../../chat-state.js';

export function renderRisk(risk: RiskLevel): TemplateResult | typeof nothing {
  const text = riskText(risk);
  if (!text) return nothing;
  // The sign is decoration; the word carries the meaning.
  return html`<span class="badge ${risk}"><span aria-hidden="true">${risk === 'urgent' ? '⚠' : '●'}</span>${text}</span>`;
}

const rating = (value: number | undefined) => (value === undefined ? nothing : html`${value}<span class="of"> out of 10</span>`);

export function renderSummary(shared: SharedSummary): TemplateResult {
  const rows: Array<[string, unknown]> = [];
  if (shared.goal) rows.push(['Goal for today', shared.goal]);
  if (shared.before !== undefined) rows.push(['Rating at the start', rating(shared.before)]);
  if (shared.scaleNow !== undefined) rows.push(['Where they are now', rating(shared.scaleNow)]);
  if (shared.strengths) rows.push(['Strengths and supports', shared.strengths]);
  if (shared.plan) {
    const p = shared.plan;
    rows.push([
      'Plan so far',
      html`<ul class="plan">
        ${p.what ? html`<li><strong>What:</strong> ${p.what}</li>` : nothing}
        ${p.when ? html`<li><strong>When:</strong> ${p.when}</li>` : nothing}
        ${p.where ? html`<li><strong>Where:</strong> ${p.where}</li>` : nothing}
        ${p.obstacle ? html`<li><strong>Likely obstacle:</strong> ${p.obstacle}</li>` : nothing}
        ${p.ifThen ? html`<li><strong>If-then plan:</strong> ${p.ifThen}</li>` : nothing}
      </ul>`,
    ]);
  }
  const transcript = shared.transcript ?? [];
  return html`<div class="summary">
    ${rows.length
      ? html`<dl>
          ${rows.map(([term, value]) => html`<div class="row"><dt>${term}</dt><dd>${value}</dd></div>`)}
        </dl>`
      : html`<p class="none">They chose not to share details from their session.</p>`}
    ${transcript.length
      ? html`<details class="transcript">
          <summary>Their session so far (${transcript.length} ${transcript.length === 1 ? 'message' : 'messages'})</summary>
          <ol tabindex="0" aria-label="Their session so far">
            ${transcript.map(
              (t) => html`<li class=${t.from}><span class="who">${t.from === 'person' ? 'Person' : 'Session'}:</span> ${t.text}</li>`,
            )}
          </ol>
        </details>`
      : nothing}
    <p class="flow">Self-guided flow: ${shared.flow}</p>
  </div>`;
}
