import { css } from 'lit';

export const summaryStyles = css`
  .summary dl {
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  .summary .row {
    display: grid;
    gap: 0.1em;
  }
  .summary dt {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  .summary dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .summary .of {
    color: var(--_muted);
  }
  .summary .plan {
    margin: 0;
    padding-inline-start: 1.1em;
  }
  .summary .none,
  .summary .flow {
    margin: 0.5em 0 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .summary details {
    margin-block-start: 0.75em;
  }
  .summary summary {
    cursor: pointer;
    min-block-size: 24px;
    font-weight: 600;
    color: var(--_accent);
  }
  .summary summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .summary ol {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0.5em 0.75em;
    background: var(--_soft);
    border-radius: 8px;
    max-block-size: 16em;
    overflow: auto;
    display: grid;
    gap: 0.35em;
  }
  .summary .who {
    font-weight: 600;
  }
`;
