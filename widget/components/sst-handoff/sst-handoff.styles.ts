import { css } from 'lit';

export const handoffStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-block-size: 0;
  }
  .pane {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    padding: 1em;
    overflow-y: auto;
  }
  h3 {
    margin: 0;
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.5em 0.75em;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25em;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    min-block-size: 24px;
  }
  .check input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin-block-start: 0.15em;
    accent-color: var(--_accent);
  }
  .preview {
    display: block;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .status {
    padding: 0 1em;
    color: var(--_muted);
    min-block-size: 1.5em;
  }
  .chat {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-block-size: 0;
  }
  .log {
    flex: 1;
    overflow-y: auto;
    padding: 1em;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .msg {
    max-inline-size: 85%;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .msg.bot {
    align-self: flex-start;
    background: var(--_soft);
  }
  .msg.person {
    align-self: flex-end;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .msg small {
    display: block;
    font-size: 0.75em;
  }
  .system {
    align-self: center;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .composer {
    display: flex;
    gap: 0.5em;
    padding: 0.75em 1em;
    border-block-start: 1px solid var(--_line);
    align-items: flex-end;
  }
  textarea {
    flex: 1;
    box-sizing: border-box;
    min-block-size: 44px;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
    resize: vertical;
  }
  .actions {
    margin: 0 1em 1em;
  }
  /* Deleting cannot be undone: its button is the one in the warning colour, never the filled one. */
  button.danger {
    --_danger: var(--sst-danger, #a4262c);
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .confirm {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    margin: 0 1em 1em;
    padding: 0.75em 1em;
    border: 2px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface);
  }
  .pane .confirm {
    margin: 0;
  }
  .confirm-title {
    font-weight: 700;
  }
  .problem {
    font-weight: 600;
  }
  .links {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .links a,
  .resources a {
    color: var(--_accent);
    font-weight: 700;
  }
  .resources {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .resources li {
    display: flex;
    flex-flow: row wrap;
    gap: 0 1em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
  }
`;
