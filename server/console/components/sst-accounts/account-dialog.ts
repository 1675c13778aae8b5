/**
 * The account page's modal `<dialog>`: confirming a disable, or setting a new password. Native
 * dialog: focus stays inside, Escape cancels, and focus goes back where the page says on close.
 */
import { html, nothing } from 'lit';
import { PASSWORD_HINT } from './account-rules.js';

export interface AccountDialogOptions {
  kind: 'disable' | 'reset' | null;
  username: string;
  error: string;
  busy: boolean;
  onSubmit: (e: Event) => void;
  onCancel: () => void;
  onClose: () => void;
}

export function renderAccountDialog(o: AccountDialogOptions) {
  const reset = o.kind === 'reset';
  return html`<dialog aria-labelledby="dialog-title" aria-describedby="dialog-about" @close=${o.onClose}>
    <form novalidate @submit=${o.onSubmit}>
      <h2 id="dialog-title">${reset ? `Reset the password of ${o.username}` : `Disable ${o.username}’s account?`}</h2>
      <p id="dialog-about">
        ${reset
          ? 'They are signed out everywhere and sign in with the new password. Give it to them in person or by phone, not by email.'
          : 'They are signed out at once and cannot sign in until the account is enabled again. Their account and its history are kept.'}
      </p>
      ${reset
        ? html`<label for="new-password">New password</label>
            <input id="new-password" name="password" type="password" autocomplete="new-password" autofocus required
              aria-describedby="new-password-hint dialog-error" aria-invalid=${o.error ? 'true' : 'false'} />
            <p id="new-password-hint" class="hint">${PASSWORD_HINT}</p>`
        : nothing}
      <div id="dialog-error" class="alert" role="alert">${o.error}</div>
      <div class="dialog-actions">
        <button type="button" ?autofocus=${!reset} @click=${o.onCancel}>Cancel</button>
        <button type="submit" class=${reset ? 'primary' : 'danger'} aria-disabled=${o.busy ? 'true' : 'false'}>
          ${o.busy ? 'Please wait…' : reset ? 'Set new password' : 'Disable account'}
        </button>
      </div>
    </form>
  </dialog>`;
}
