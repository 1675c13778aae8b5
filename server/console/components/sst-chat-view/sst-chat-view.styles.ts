import { css } from 'lit';

export const chatStyles = css`
  :host {
    container-type: inline-size;
  }
  .chat {
    display: grid;
    gap: 0.75em;
  }
  /* Wide enough: what they shared sits beside the conversation, so both stay in view. */
  @container (min-width: 46em) {
    .chat {
      grid-template-columns: minmax(0, 1fr) minmax(15em, 19em);
      grid-template-areas:
        'head head'
        'log shared'
        'typing shared'
        'compose shared'
        'finish shared';
      grid-template-rows: auto auto auto auto 1fr;
      align-items: start;
    }
    .chat-head { grid-area: head; }
    .shared { grid-area: shared; }
    .log { grid-area: log; }
    .typing { grid-area: typing; }
    .composer, .ended { grid-area: compose; }
    .finish { grid-area: finish; }
  }
  .chat-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  h3 {
    font-size: 1.125em;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .presence {
    font-size: 0.875em;
    font-weight: 600;
  }
  .presence.online {
    color: var(--_ok);
  }
  .presence.offline {
    color: var(--_muted);
  }
  .shared {
    border: 1px solid var(--_card-line);
    border-radius: var(--_radius);
    padding: 0.5em 1em;
    background: var(--_surface);
  }
  .shared > summary {
    cursor: pointer;
    font-weight: 600;
    min-block-size: 44px;
    display: flex;
    align-items: center;
  }
  .shared[open] > summary {
    margin-block-end: 0.25em;
  }
  .shared > summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .log {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    min-block-size: 12em;
    max-block-size: min(28em, 55vh);
    overflow-y: auto;
    padding: 0.75em;
    background: var(--_surface);
    border: 1px solid var(--_card-line);
    border-radius: var(--_radius);
  }
  .log:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .msg {
    max-inline-size: min(85%, 36em);
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_soft);
    overflow-wrap: anywhere;
  }
  .msg.therapist {
    align-self: flex-end;
    background: #e3f0f2;
    border: 1px solid #9cc4cc;
  }
  .msg.client {
    align-self: flex-start;
    border: 1px solid var(--_card-line);
  }
  .msg p {
    margin: 0;
  }
  .meta {
    font-size: 0.8125em;
    color: var(--_muted);
    display: flex;
    gap: 0.5em;
  }
  .who {
    font-weight: 600;
    color: var(--_text);
  }
  .text {
    white-space: pre-wrap;
  }
  .delivery {
    font-size: 0.8125em;
    color: var(--_muted);
    text-align: end;
  }
  .delivery.failed {
    color: var(--_urgent);
    font-weight: 600;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5em;
  }
  .retry {
    min-block-size: 32px;
    padding: 0.15em 0.75em;
    border-color: var(--_urgent);
    color: var(--_urgent);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .typing {
    margin: 0;
    min-block-size: 1.5em;
    font-style: italic;
    color: var(--_muted);
  }
  .composer {
    display: grid;
    gap: 0.35em;
  }
  label {
    font-weight: 600;
  }
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 5em;
    resize: vertical;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_line);
    border-radius: 8px;
    background: var(--_surface);
  }
  .composer-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
  .composer-foot .hint {
    flex: 1 1 12em;
  }
  .count {
    font-size: 0.875em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .count.low {
    color: var(--_urgent);
    font-weight: 600;
  }
  .finish,
  .ended {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    padding-block-start: 0.75em;
    border-block-start: 1px solid var(--_card-line);
  }
  .finish .end {
    border-color: var(--_urgent);
    color: var(--_urgent);
  }
  .ended p {
    margin: 0;
    flex: 1 1 16em;
  }
  dialog p {
    margin: 0 0 0.5em;
  }
  .dialog-error:empty {
    display: none;
  }
  .dialog-error {
    color: var(--_urgent);
    font-weight: 600;
  }
`;
