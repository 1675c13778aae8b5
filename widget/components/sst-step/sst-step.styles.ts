import { css } from 'lit';

export const stepStyles = css`
  :host {
    display: block;
  }
  form,
  .choices,
  .rating {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .choices {
    flex-flow: row wrap;
  }
  .choices .label,
  .rating .label,
  label {
    flex-basis: 100%;
    margin: 0;
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: 0.5em;
    align-items: flex-end;
  }
  textarea,
  input,
  select {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface);
  }
  textarea {
    resize: vertical;
    flex: 1;
  }
  .skip {
    align-self: flex-start;
    border-color: var(--_line);
    color: var(--_text);
    font-weight: 400;
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .error {
    margin: 0;
    color: #a4161a;
    font-weight: 600;
  }
  [hidden] {
    display: none !important;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button[aria-pressed='true']::before {
    content: '✓ ';
  }
  .scale-buttons {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(44px, 1fr));
    gap: 0.25em;
  }
  .scale-buttons button {
    padding: 0.5em 0;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .plan .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .when {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .when .field {
    flex: 1 1 8em;
  }
`;
