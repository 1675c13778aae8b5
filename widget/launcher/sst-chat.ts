/**
 * @summary `<sst-chat>`: the embed. A small launcher button that loads the conversation on demand.
 *
 * This is the only code a host page loads before the person opens the chat, so it is written
 * without Lit (which alone would exceed the 5 KB budget): it draws the launcher and, when the
 * person opens it (or the browser is idle), imports the panel, XState and the flow.
 *
 * @attr server - Base URL of the sst-chat server; the widget reads `<server>/api/config`.
 * @attr flow - Flow to run (must be enabled by the service); defaults to the service's first flow.
 * @attr service-name - Overrides the service name (or sets it, with no server).
 * @attr country - Two-letter country code for crisis resources (AU, NZ, GB, IE, US, CA).
 * @attr safe-url - Where quick exit goes.
 * @attr locale - Interface language (default: the service's).
 * @attr launcher-label - Text on the launcher button (default "Need to talk?").
 *
 * @event sst-opened - The panel opened.
 * @event sst-closed - The panel was hidden (the session is kept).
 * @event sst-session-started - A new session began.
 * @event sst-session-completed - The person reached the end of the flow.
 * @event sst-exit - Quick exit; the page is about to be replaced.
 *
 * @csspart launcher - The launcher button.
 * @csspart panel - The chat panel (and `header`, `transcript`, `controls`, `help`, `plan-card`).
 *
 * @cssproperty [--sst-accent=#0f5e6e] - Main colour (buttons, the person's messages).
 * @cssproperty [--sst-accent-contrast=#fff] - Text on the accent colour.
 * @cssproperty [--sst-font=system-ui] - Font family.
 * @cssproperty [--sst-offset=1em] - Distance of the launcher and panel from the viewport edge.
 * @cssproperty [--sst-z-index=2147483000] - Stacking level above the host page.
 */
import { launcherStyles } from './sst-chat.styles.js';
import { KEYS, read } from '../session/storage.js';

/** What the lazily loaded panel module provides to the launcher. */
export interface PanelElement extends HTMLElement {
  chat: SstChat;
  /** `focus`: move focus into the chat (only when the person opened it themselves). */
  show(focus: boolean): void;
}

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';
const DEFAULT_LABEL = 'Need to talk?';

/** The element that owns the page's conversation: one per page, since they share one stored session. */
let owner: SstChat | null = null;

export class SstChat extends HTMLElement {
  static readonly observedAttributes = ['launcher-label'];
  #button: HTMLButtonElement | null = null;
  #loading: Promise<PanelElement> | null = null;

  connectedCallback(): void {
    if (owner && owner !== this && owner.isConnected) {
      console.warn('sst-chat: only one <sst-chat> per page is shown; this one is ignored.');
      return;
    }
    owner = this;
    if (!this.shadowRoot) this.#render();
    // Moving the element in the page reconnects it: the panel it has keeps the conversation.
    if (this.#loading) return;
    // A conversation that was open on the previous page (or before a reload) reopens by itself.
    // On a new page the person arrives on the page, so focus stays there; after a reload of the
    // page they were chatting on, focus goes back to where they were typing.
    if (read(KEYS.open) === '1') {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      void this.open(navigation?.type === 'reload');
    } else if ('requestIdleCallback' in window) {
      // Warm the cache when the host page has nothing else to do, so opening feels instant.
      requestIdleCallback(() => void loadPanelModule().catch(() => undefined), { timeout: 10_000 });
    }
  }

  attributeChangedCallback(): void {
    this.#setLabel();
  }

  /** Opens the chat, loading it first if needed. A stored session resumes where it was. */
  async open(focus = true): Promise<void> {
    let panel: PanelElement;
    try {
      panel = await this.#ensurePanel();
    } catch {
      // Offline or a failed deploy: let a later click try again, and say so on the button.
      this.#loading = null;
      this.#setLabel('The chat could not load. Try again');
      return;
    }
    this.#setLabel();
    this.#button?.setAttribute('aria-expanded', 'true');
    panel.show(focus);
  }

  /** Called by the panel when it hides: the launcher comes back and takes focus. */
  panelClosed(): void {
    this.#button?.setAttribute('aria-expanded', 'false');
    this.#button?.focus();
  }

  #setLabel(text?: string): void {
    if (!this.#button) return;
    const custom = this.getAttribute('launcher-label');
    this.#button.lastChild!.textContent = text ?? (custom || DEFAULT_LABEL);
    // Our own words are English even on a page in another language (a host's label is theirs).
    if (custom && !text) this.#button.removeAttribute('lang');
    else this.#button.lang = 'en';
  }

  #render(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${launcherStyles}</style><button part="launcher" type="button" aria-haspopup="dialog" aria-expanded="false">${ICON}<span></span></button>`;
    this.#button = root.querySelector('button');
    this.#setLabel();
    this.#button!.addEventListener('click', () => void this.open());
    this.#button!.addEventListener('pointerenter', () => void loadPanelModule().catch(() => undefined), { once: true });
  }

  #ensurePanel(): Promise<PanelElement> {
    this.#loading ??= loadPanelModule().then(() => {
      const panel = document.createElement('sst-panel') as PanelElement;
      panel.chat = this;
      // Lets host pages style the panel's parts from outside: sst-chat::part(header).
      panel.setAttribute('exportparts', 'panel, header, transcript, controls, help, plan-card');
      this.shadowRoot!.append(panel);
      return panel;
    });
    return this.#loading;
  }
}

let panelModule: Promise<unknown> | null = null;
function loadPanelModule(): Promise<unknown> {
  panelModule ??= import('../components/sst-panel/sst-panel.js').catch((error: unknown) => {
    panelModule = null; // a later attempt may succeed (the browser retries a failed import)
    throw error;
  });
  return panelModule;
}

/*
 * After a quick exit, Back can bring an earlier page of the site out of the back/forward cache with
 * the conversation still drawn on it. Storage was cleared on exit, so a restored page with an open
 * chat but no stored session is reloaded: it then shows nothing of the conversation.
 */
window.addEventListener('pageshow', (event) => {
  if (event.persisted && owner?.shadowRoot?.querySelector('sst-panel') && !read(KEYS.session)) location.reload();
});
