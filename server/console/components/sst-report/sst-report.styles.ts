import { css } from 'lit';

export const reportStyles = css`
  .query {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75em 1em;
  }
  .query .field {
    flex: 1 1 10em;
  }
  .query .form-error {
    flex: 1 1 100%;
    color: var(--_urgent);
    font-weight: 600;
  }
  .query .form-error:empty {
    display: none;
  }
  .results {
    display: grid;
    gap: 1.25em;
  }
  .results-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .csv {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding: 0 1em;
    border: 2px solid var(--_accent);
    border-radius: 8px;
    text-decoration: none;
  }
  .csv:hover {
    text-decoration: underline;
  }
  .empty {
    padding: 1.5em 1em;
    border: 1px dashed var(--_card-line);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }
  .cards {
    display: grid;
    gap: 1em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 17em), 1fr));
  }
  @media (min-width: 60em) {
    .cards .wide {
      grid-column: span 2;
    }
  }
  dl {
    margin: 0;
    display: grid;
    gap: 0.6em;
  }
  .figure {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 1em;
    padding-block-end: 0.4em;
    border-block-end: 1px solid var(--_card-line);
  }
  .figure:last-child {
    border-block-end: none;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  dd .long {
    font-size: 0.9em;
  }
  .feedback > div {
    display: grid;
    gap: 0.25em;
  }
  .feedback dt {
    color: var(--_text);
    font-weight: 600;
  }
  .feedback dd {
    font-size: 1em;
    font-weight: 400;
  }
  .feedback ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
    font-size: 0.875em;
  }
  .legend > span {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  .swatch {
    display: inline-block;
    inline-size: 1em;
    block-size: 1em;
    border: 1.5px solid transparent;
    box-sizing: border-box;
  }
  .swatch.better {
    background: #0f5e6e;
  }
  .swatch.worse {
    background: #8a4b00;
  }
  .swatch.same {
    background: #4a5560;
  }
  .swatch.striped {
    border-color: #0f5e6e;
    background: repeating-linear-gradient(45deg, #0f5e6e 0 2px, #fff 2px 5px);
  }
  .swatch.dot {
    border-radius: 50%;
    background: #1d2329;
    inline-size: 0.7em;
    block-size: 0.7em;
  }
  .chart-box {
    min-inline-size: 0;
  }
  .chart {
    display: block;
    max-inline-size: 100%;
    block-size: auto;
  }
  details summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--_accent);
    padding-block: 0.6em;
    inline-size: fit-content;
  }
  details summary:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .table-scroll {
    overflow-x: auto;
  }
`;
