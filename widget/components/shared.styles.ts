import { css } from 'lit';

/** Tokens and controls shared by the panel's parts. Colours meet WCAG AA on the default surface. */
export const sharedStyles = css`
  :host {
    --_accent: var(--sst-accent, var(--sst-service-accent, #0f5e6e));
    --_on-accent: var(--sst-accent-contrast, #fff);
    --_surface: var(--sst-surface, #fff);
    --_text: var(--sst-text, #1d2329);
    --_muted: var(--sst-muted, #4a5560);
    --_line: var(--sst-border, #8a96a0);
    --_soft: var(--sst-bubble-bot, #eef3f5);
    --_focus: var(--sst-focus, #1a1a1a);
    --_radius: var(--sst-radius, 12px);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5em 1em;
    border-radius: calc(var(--_radius) / 1.5);
    border: 2px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
