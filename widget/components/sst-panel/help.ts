/** Crisis resources as tap-to-call / tap-to-text links; used by "Get help now" and the welcome step. */
import { html, nothing } from 'lit';
import type { CrisisResource } from '../../../flows/crisis-resources.js';
import type { Strings } from '../../i18n/index.js';

/** `compact` lists names and links only, for the welcome screen; "Get help now" shows everything. */
export function renderResources(resources: CrisisResource[], t: Strings, compact = false) {
  if (resources.length === 0) return html`<p class="resource-fallback">${t.helpNoCountry}</p>`;
  return html`<ul class="resources ${compact ? 'compact' : ''}">
    ${resources.map(
      (r) => html`<li class=${r.emergency ? 'emergency' : ''}>
        <strong>${r.name}</strong>
        ${compact ? nothing : html`<span>${r.description}</span>`}
        <span class="links">
          ${r.phone ? html`<a href="tel:${r.phone}">${t.call(r.display ?? r.phone)}</a>` : nothing}
          ${r.sms ? html`<a href="sms:${r.sms}">${t.text(r.display ?? r.sms)}</a>` : nothing}
          ${r.url ? html`<a href=${r.url} target="_blank" rel="noopener noreferrer">${t.website}</a>` : nothing}
        </span>
      </li>`,
    )}
  </ul>`;
}

export function renderHelp(resources: CrisisResource[], t: Strings, back: () => void) {
  return html`<section id="help" part="help" class="help" aria-labelledby="help-title">
    <h3 id="help-title" tabindex="-1">${t.helpTitle}</h3>
    <p>${t.helpIntro}</p>
    ${renderResources(resources, t)}
    <p class="note">${t.notEmergency}</p>
    <button type="button" class="primary" @click=${back}>${t.backToChat}</button>
  </section>`;
}
