import { css } from 'lit';

export const queueStyles = css`
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 1em;
    margin-block-end: 0.75em;
  }
  h2 {
    font-size: 1.25em;
  }
  .count {
    margin: 0;
    color: var(--_muted);
  }
  .notice {
    margin-block-end: 0.75em;
    padding: 0.75em 1em;
    border-radius: 8px;
    border: 2px solid var(--_concern);
    background: var(--_concern-soft);
    color: var(--_concern);
    font-weight: 600;
  }
  .notice.empty {
    display: none;
  }
  .empty-queue {
    margin: 0;
    padding: 1.5em 1em;
    border: 1px dashed var(--_card-line);
    border-radius: var(--_radius);
    color: var(--_muted);
    text-align: center;
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .card {
    display: grid;
    gap: 0.75em;
    padding: 1em;
    background: var(--_surface);
    border: 1px solid var(--_card-line);
    border-radius: var(--_radius);
  }
  /* Urgent cards also say "Urgent" in words; the thick edge is a second cue, not the only one. */
  .card.urgent {
    border: 2px solid var(--_urgent);
    border-inline-start-width: 8px;
    background: linear-gradient(var(--_urgent-soft), var(--_surface) 4em);
  }
  .card.concern {
    border-inline-start: 6px solid var(--_concern);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
  }
  h3 {
    font-size: 1em;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
  }
  .claim {
    justify-self: start;
    min-inline-size: 8em;
  }
  .claim[aria-disabled='true'] {
    opacity: 0.75;
    cursor: progress;
  }
`;
