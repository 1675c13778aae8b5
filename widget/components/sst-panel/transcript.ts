/** The conversation so far, as a `role="log"` live region: new messages are announced politely. */
import { html } from 'lit';
import type { TranscriptEntry } from '../../../flows/compile.js';
import type { PlanAnswer } from '../../../flows/schema.js';
import type { Strings } from '../../i18n/index.js';

/**
 * The plan card (and its file makers) loads when the first card is shown, near the end of a
 * session, instead of with the panel: it is not needed for the first fifteen minutes.
 */
let planCard: Promise<unknown> | null = null;
const loadPlanCard = () => (planCard ??= import('../plan-card/sst-plan-card.js').catch(() => (planCard = null)));

export function renderTranscript(entries: TranscriptEntry[], speaker: string, plan: PlanAnswer | undefined, t: Strings) {
  return html`<div part="transcript" class="transcript" role="log" aria-label=${t.conversation}>
    ${
      // Entries are only ever added, and an entry's id is its place in the list, so Lit's plain
      // list rendering keeps every message's node as it is, as a keyed repeat() would (without
      // its weight in the opening bundle): only new messages enter the DOM and are announced.
      entries.map((e) => renderEntry(e, speaker, plan, t))
    }
  </div>`;
}

function renderEntry(e: TranscriptEntry, speaker: string, plan: PlanAnswer | undefined, t: Strings) {
  if (e.style === 'card') {
    void loadPlanCard();
    return html`<sst-plan-card class="entry" .heading=${e.title ?? ''} .lines=${e.lines ?? []} .plan=${plan} .strings=${t}></sst-plan-card>`;
  }
  if (e.style === 'quote') {
    return html`<figure class="entry quote">
      <blockquote>${e.text}</blockquote>
      <figcaption>${e.title}</figcaption>
    </figure>`;
  }
  if (e.style === 'content') {
    return html`<div class="entry msg bot content">
      <h3>${e.title}</h3>
      ${e.text.split('\n\n').map((p) => html`<p>${p}</p>`)}
    </div>`;
  }
  const who = e.from === 'person' ? t.you : speaker;
  return html`<p class="entry msg ${e.from}"><span class="visually-hidden">${who}: </span>${e.text}</p>`;
}
