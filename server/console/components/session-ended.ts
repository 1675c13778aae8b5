/** A page's call found the session gone (401): the console goes back to the sign-in form. */
export class SstSessionEndedEvent extends Event {
  constructor() {
    super('sst-session-ended', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'sst-session-ended': SstSessionEndedEvent;
  }
}
