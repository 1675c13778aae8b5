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
 * @cssproperty [--sst-offset=1rem] - Distance of the launcher and panel from the viewport edge.
 * @cssproperty [--sst-z-index=2147483000] - Stacking level above the host page.
 */
import { launcherStyles } from './sst-chat.styles.js';
import { KEYS, read } from '../session/storage.js';

/** What the lazily loaded panel module provides to the launcher. */
export interface PanelElement extends HTMLElement {
  chat: SstChat;
  show(): void;
}

const ICON = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z"/></svg>';

export class SstChat extends HTMLElement {
  static readonly observedAttributes = ['launcher-label'];
  #button: HTMLButtonElement | null = null;
  #loading: Promise<PanelElement> | null = null;

  connectedCallback(): void {
    if (!this.shadowRoot) this.#render();
    // A conversation that was open on the previous page (or before a reload) reopens by itself.
    if (read(KEYS.open) === '1') {
      void this.open();
    } else if ('requestIdleCallback' in window) {
      // Warm the cache when the host page has nothing else to do, so opening feels instant.
      requestIdleCallback(() => void loadPanelModule(), { timeout: 10_000 });
    }
  }

  attributeChangedCallback(): void {
    if (this.#button) this.#button.lastChild!.textContent = this.#label();
  }

  /** Opens the chat, loading it first if needed. A stored session resumes where it was. */
  async open(): Promise<void> {
    const panel = await this.#ensurePanel();
    this.#button?.setAttribute('aria-expanded', 'true');
    panel.show();
  }

  /** Called by the panel when it hides: the launcher comes back and takes focus. */
  panelClosed(): void {
    this.#button?.setAttribute('aria-expanded', 'false');
    this.#button?.focus();
  }

  #label(): string {
    return this.getAttribute('launcher-label') || 'Need to talk?';
  }

  #render(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${launcherStyles}</style><button part="launcher" type="button" aria-haspopup="dialog" aria-expanded="false">${ICON}<span></span></button>`;
    this.#button = root.querySelector('button');
    this.#button!.lastChild!.textContent = this.#label();
    this.#button!.addEventListener('click', () => void this.open());
    this.#button!.addEventListener('pointerenter', () => void loadPanelModule(), { once: true });
  }

  #ensurePanel(): Promise<PanelElement> {
    this.#loading ??= loadPanelModule().then(() => {
      const panel = document.createElement('sst-panel') as PanelElement;
      panel.chat = this;
      this.shadowRoot!.append(panel);
      return panel;
    });
    return this.#loading;
  }
}

let panelModule: Promise<unknown> | null = null;
function loadPanelModule(): Promise<unknown> {
  panelModule ??= import('../components/sst-panel/sst-panel.js');
  return panelModule;
}
