import { css } from 'lit';

/** The console's modal dialogs (end a chat, disable an account, reset a password): one look for all. */
export const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    inline-size: min(32em, calc(100vw - 2em));
    padding: 1.25em;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    color: var(--_text);
    background: var(--_surface);
  }
  dialog::backdrop {
    background: rgb(20 30 36 / 0.55);
  }
  dialog form {
    display: grid;
    gap: 0.6em;
  }
  dialog h2 {
    font-size: 1.25em;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
`;
