import { css } from 'lit';

/** What the leads' pages (report, accounts) share: page width, cards, form fields, notices, tables. */
export const pageStyles = css`
  .page {
    display: grid;
    gap: 1.25em;
    padding: 1.25em;
    max-inline-size: 72em;
    margin-inline: auto;
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.5em;
  }
  h2:focus {
    outline: none;
  }
  h2:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  h3 {
    font-size: 1.125em;
  }
  p {
    margin: 0;
  }
  .intro {
    color: var(--_muted);
    max-inline-size: 60em;
  }
  .card {
    display: grid;
    gap: 0.75em;
    align-content: start;
    padding: 1em 1.25em;
    background: var(--_surface);
    border: 1px solid var(--_card-line);
    border-radius: var(--_radius);
    min-inline-size: 0;
  }
  /* Grid items grow to fit a wide table by default; the table scrolls in its own box instead. */
  .card > * {
    min-inline-size: 0;
  }
  .field {
    display: grid;
    gap: 0.3em;
    align-content: start;
  }
  label {
    font-weight: 600;
  }
  input,
  select {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_line);
    border-radius: 8px;
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_urgent);
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .alert:empty,
  .done:empty {
    display: none;
  }
  .alert {
    padding: 0.75em 1em;
    border-radius: 8px;
    border: 2px solid var(--_urgent);
    background: var(--_urgent-soft);
    color: var(--_urgent);
    font-weight: 600;
  }
  .done {
    padding: 0.75em 1em;
    border-radius: 8px;
    border-inline-start: 4px solid var(--_ok);
    background: #eaf5ee;
    color: var(--_ok);
    font-weight: 600;
  }
  .done:focus {
    outline: none;
  }
  .refused {
    padding: 1.5em 1.25em;
    border: 1px solid var(--_card-line);
    border-radius: var(--_radius);
    background: var(--_surface);
    display: grid;
    gap: 0.75em;
  }
  a {
    color: var(--_accent);
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 700;
    padding-block-end: 0.5em;
  }
  th,
  td {
    text-align: start;
    padding: 0.5em 0.75em;
    border-block-end: 1px solid var(--_card-line);
    vertical-align: middle;
  }
  tbody th {
    white-space: nowrap;
  }
  /* A phone: tighter tables and cards, so a table of five columns still fits without scrolling. */
  @media (max-width: 30em) {
    .page {
      padding-inline: 1em;
    }
    .card {
      padding-inline: 0.875em;
    }
    table {
      font-size: 0.9375em;
    }
    th,
    td {
      padding: 0.4em 0.3em;
    }
    thead th {
      font-size: 0.8125em;
    }
  }
  thead th {
    border-block-end: 2px solid var(--_line);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .muted {
    color: var(--_muted);
  }
`;
