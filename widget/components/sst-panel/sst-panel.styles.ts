import { css } from 'lit';

/**
 * A dialog anchored to the corner on wide screens; the whole viewport on small ones (and at 400%
 * zoom, which is a 320px-wide viewport), so nothing needs two-dimensional scrolling.
 */
export const panelStyles = css`
  .panel {
    position: fixed;
    inset-block-end: var(--sst-offset, 1em);
    inset-inline-end: var(--sst-offset, 1em);
    box-sizing: border-box;
    inline-size: min(var(--sst-panel-width, 26em), calc(100vw - 2 * var(--sst-offset, 1em)));
    block-size: min(var(--sst-panel-height, 42em), calc(100dvh - 2 * var(--sst-offset, 1em)));
    display: flex;
    flex-direction: column;
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    border: 1px solid var(--_line);
    overflow: hidden;
    font-size: 1em;
    line-height: 1.5;
  }
  .panel[hidden] {
    display: none;
  }
  .frame {
    display: contents;
  }
  @media (max-width: 40rem), (max-height: 32rem) {
    .panel {
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      border-radius: 0;
      border: 0;
    }
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    padding: 0.75em 1em;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
    line-height: 1.3;
  }
  .subtitle {
    margin: 0;
    font-size: 0.875em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .header button {
    border-color: var(--_on-accent);
    background: transparent;
    color: var(--_on-accent);
    padding-inline: 0.75em;
  }
  .header button:focus-visible {
    outline-color: var(--_on-accent);
  }
  .header .exit {
    background: #fff;
    color: #8b1014;
    border-color: #fff;
  }
  .body {
    flex: 1;
    display: flex;
    flex-direction: column;
    min-block-size: 0;
  }
  .body[hidden] {
    display: none;
  }
  .scroll {
    position: relative; /* entries' offsetTop is measured from here */
    flex: 1;
    overflow-y: auto;
    padding: 1em;
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .transcript {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .msg {
    margin: 0;
    max-inline-size: 85%;
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .msg.bot {
    align-self: flex-start;
    background: var(--_soft);
    border-end-start-radius: 4px;
  }
  .msg.person {
    align-self: flex-end;
    background: var(--_accent);
    color: var(--_on-accent);
    border-end-end-radius: 4px;
  }
  .content {
    max-inline-size: 100%;
    white-space: normal;
  }
  .content h3 {
    margin: 0 0 0.25em;
    font-size: 1em;
  }
  .content p {
    margin: 0.25em 0;
  }
  .quote {
    margin: 0;
    padding-inline-start: 1em;
    border-inline-start: 4px solid var(--_accent);
  }
  .quote blockquote {
    margin: 0;
    font-style: italic;
  }
  .quote figcaption {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .controls {
    border-block-start: 1px solid var(--_line);
    padding: 0.75em 1em 1em;
    max-block-size: 60%;
    overflow-y: auto;
    display: flex;
    flex-direction: column;
    gap: 0.75em;
  }
  .loading {
    padding: 1em;
  }
  .help {
    flex: 1;
    overflow-y: auto;
    padding: 1em;
  }
  .help h3 {
    margin-block-start: 0;
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
    flex-direction: column;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .resources li.emergency {
    border: 2px solid #8b1014;
  }
  .resources.compact li {
    flex-flow: row wrap;
    gap: 0 1em;
    align-items: baseline;
  }
  .resources .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
  }
  .resources a,
  .links a {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 0.25em;
    color: var(--_accent);
    font-weight: 700;
  }
  .end {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .end .links {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: 1.25em;
  }
  /*
   * Short viewports (a phone on its side, 400% zoom): one scrolling column instead of two nested
   * scroll areas, with a compact header that stays in place so Get help now and Exit are always there.
   */
  @media (max-height: 32rem) {
    .panel {
      overflow-y: auto;
    }
    .header {
      position: sticky;
      inset-block-start: 0;
      z-index: 1;
      padding-block: 0.25em;
    }
    .subtitle {
      display: none;
    }
    .header button {
      min-block-size: 32px;
      padding-block: 0.125em;
    }
    .body,
    .scroll {
      flex: none;
    }
    .scroll,
    .controls {
      overflow: visible;
      max-block-size: none;
    }
  }
`;
