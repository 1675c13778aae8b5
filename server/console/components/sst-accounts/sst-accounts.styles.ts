import { css } from 'lit';

export const accountsStyles = css`
  .table-scroll {
    overflow-x: auto;
    background: var(--_surface);
    border: 1px solid var(--_card-line);
    border-radius: var(--_radius);
    padding: 1em 1.25em 0.5em;
  }
  tbody th {
    font-weight: 700;
    white-space: nowrap;
  }
  tbody th:focus {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .you {
    font-weight: 400;
    color: var(--_muted);
  }
  tr.disabled td,
  tr.disabled th {
    color: var(--_muted);
  }
  .state {
    display: inline-block;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .state.on {
    color: var(--_ok);
  }
  .state.off {
    color: var(--_muted);
    border-style: dashed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  /* A phone: every account as a card, its fields labelled; the header row stays for screen readers. */
  @media (max-width: 44em) {
    table,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    caption {
      display: block;
    }
    tbody tr {
      padding-block: 0.75em;
      border-block-end: 1px solid var(--_card-line);
    }
    tbody tr:last-child {
      border-block-end: none;
    }
    th,
    td {
      padding: 0.15em 0;
      border: none;
    }
    tbody th {
      font-size: 1.125em;
    }
    td[data-label]::before {
      /* Read out already as the column header: shown only (the alt text after "/" is empty). */
      content: attr(data-label) ': ' / '';
      color: var(--_muted);
    }
    .actions-cell {
      padding-block-start: 0.5em;
    }
  }
  .actions button {
    padding: 0.35em 0.75em;
    font-size: 0.9375em;
  }
  button.danger {
    border-color: var(--_urgent);
    color: var(--_urgent);
  }
  .add .fields {
    display: grid;
    gap: 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 15em), 1fr));
  }
  .add > button {
    justify-self: start;
  }
`;
