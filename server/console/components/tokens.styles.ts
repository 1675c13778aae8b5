import { css } from 'lit';

/**
 * The console's colours on top of the widget's shared tokens. Risk always comes with words
 * ("Urgent", "Concern"); the colours only repeat what the text says. All pairs meet WCAG AA.
 */
export const consoleTokens = css`
  :host {
    --_page: #f4f6f7;
    --_card-line: #c3ccd2;
    --_urgent: #9b1c1f;
    --_urgent-soft: #fdeced;
    --_concern: #6b4500;
    --_concern-soft: #fff3dc;
    --_ok: #1d6b3a;
    display: block;
    color: var(--_text);
    line-height: 1.5;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .badge.urgent {
    background: var(--_urgent);
    border-color: var(--_urgent);
    color: #fff;
  }
  .badge.concern {
    background: var(--_concern-soft);
    color: var(--_concern);
  }
  .badge.returned {
    background: var(--_soft);
    color: var(--_muted);
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.3;
  }
`;
