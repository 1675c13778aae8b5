/**
 * The panel's header (the same controls in the same place on every screen) and its last screen,
 * as render functions, like help.ts and transcript.ts.
 */
import { html, nothing } from 'lit';
import type { Strings } from '../../i18n/index.js';

export interface HeaderActions {
  /** Live chat needs a server; without one there is no "Talk to a person". */
  canTalk: boolean;
  talking: boolean;
  helpOpen: boolean;
  talk(): void;
  toggleHelp(): void;
  exit(): void;
  hide(): void;
}

export function renderHeader(name: string, t: Strings, a: HeaderActions) {
  return html`<div part="header" class="header">
    <div class="titles">
      <h2 id="title">${name || t.selfGuided}</h2>
      ${name ? html`<p class="subtitle">${t.selfGuided}</p>` : nothing}
    </div>
    <div class="actions">
      ${a.canTalk ? html`<button type="button" class="person" ?disabled=${a.talking} @click=${a.talk}>${t.talkToPerson}</button>` : nothing}
      <button type="button" class="help-button" aria-expanded=${a.helpOpen} aria-controls="help" @click=${a.toggleHelp}>${t.getHelp}</button>
      <button type="button" class="exit" aria-describedby="exit-hint" @click=${a.exit}>${t.exit}</button>
      <button type="button" class="hide" @click=${a.hide}>${t.hide}</button>
    </div>
    <p id="exit-hint" class="visually-hidden">${t.exitHint}</p>
  </div>`;
}

/** The flow's own links first (e.g. "come back any time"), then the service's pages. */
export function renderEnd(links: Array<{ label: string; href: string }>, t: Strings, close: () => void, restart: () => void) {
  return html`<div class="end">
    ${links.length
      ? html`<ul class="links">
          ${links.map((l) => html`<li><a href=${l.href}>${l.label}</a></li>`)}
        </ul>`
      : nothing}
    <button type="button" class="primary" @click=${close}>${t.close}</button>
    <button type="button" @click=${restart}>${t.startAgain}</button>
  </div>`;
}
