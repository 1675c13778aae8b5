/**
 * DOM events `<sst-chat>` dispatches for the host page. They bubble and cross the shadow boundary
 * (`composed`), so `document.addEventListener('sst-session-completed', ...)` works.
 *
 * Privacy: details carry the flow id and nothing the person wrote. A host page (and its analytics)
 * must never learn what someone said in a mental-health conversation.
 */
export interface SstEventDetail {
  /** The flow in use, e.g. "default" or "youth". */
  flow: string;
}

export type SstEventName =
  | 'sst-opened'
  | 'sst-closed'
  | 'sst-session-started'
  | 'sst-session-completed'
  | 'sst-exit';

export class SstEvent extends CustomEvent<SstEventDetail> {
  constructor(name: SstEventName, detail: SstEventDetail) {
    super(name, { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'sst-opened': SstEvent;
    'sst-closed': SstEvent;
    'sst-session-started': SstEvent;
    'sst-session-completed': SstEvent;
    'sst-exit': SstEvent;
  }
}
