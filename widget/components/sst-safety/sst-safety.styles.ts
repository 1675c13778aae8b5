import { css } from 'lit';

export const safetyStyles = css`
  :host {
    display: block;
  }
  .safety {
    display: grid;
    gap: 0.75rem;
  }
  h3,
  h4 {
    margin: 0;
  }
  p {
    margin: 0;
  }
  form {
    display: grid;
    gap: 0.5rem;
    padding: 0.75rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  label {
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    padding: 0.5em;
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .resources {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.5rem;
  }
  .resources li {
    display: grid;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_line);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .resources li.emergency {
    border: 2px solid #8b1014;
  }
  .resources .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .resources a {
    color: var(--_accent);
    font-weight: 600;
    min-block-size: 44px;
    display: inline-flex;
    align-items: center;
  }
`;
