/**
 * @summary The sign-in page. Rendered in the document itself, not a shadow root: browsers' password
 * managers look for `autocomplete="username"` / `"current-password"` fields in the page, and do not
 * reliably find them inside shadow DOM. Its styles are in `console.css`.
 *
 * @event sst-signed-in - Signed in. `detail: { therapist }`.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { define } from '../../../../widget/components/define.js';
import type { TherapistProfile } from '../../../protocol.js';
import { unlockSound } from '../../alerts.js';
import { signIn, type SignInResult } from '../../api.js';

export class SstSignedInEvent extends CustomEvent<{ therapist: TherapistProfile }> {
  constructor(therapist: TherapistProfile) {
    super('sst-signed-in', { bubbles: true, composed: true, detail: { therapist } });
  }
}

function errorText(result: Extract<SignInResult, { ok: false }>): string {
  switch (result.reason) {
    case 'invalid':
      return 'That username and password do not match. Check them and try again.';
    case 'rate_limited': {
      const minutes = result.retryAfterSeconds ? Math.ceil(result.retryAfterSeconds / 60) : 0;
      const wait = minutes > 1 ? `${minutes} minutes` : minutes === 1 ? 'a minute' : 'a few minutes';
      return `Too many sign-in attempts. For your account’s safety, wait ${wait} and try again.`;
    }
    case 'network':
      return 'Could not reach the server. Check your connection and try again.';
    default:
      return 'Signing in is not working right now. Try again in a moment.';
  }
}

export class SstConsoleSignIn extends LitElement {
  /** A note shown above the form, e.g. after the session expired. */
  @property({ attribute: false }) message = '';
  @state() private error = '';
  @state() private busy = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override firstUpdated(): void {
    this.querySelector<HTMLInputElement>('#username')?.focus();
  }

  override render() {
    return html`<main class="sign-in" aria-labelledby="sign-in-title">
      <div class="sign-in-card">
        <h1 id="sign-in-title">Therapist console</h1>
        <p class="lead">Sign in to see who is waiting for a person and to talk with them.</p>
        ${this.message ? html`<p class="info">${this.message}</p>` : nothing}
        <form novalidate @submit=${(e: Event) => this.submit(e)}>
          <div class="field">
            <label for="username">Username</label>
            <input id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required
              aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="sign-in-error" />
          </div>
          <div class="field">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required
              aria-invalid=${this.error ? 'true' : 'false'} aria-describedby="sign-in-error" />
          </div>
          <div id="sign-in-error" class="error" role="alert">${this.error}</div>
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
        </form>
      </div>
    </main>`;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    // A click or Enter here is the first interaction: let the new-chat sound play later.
    unlockSound();
    const form = e.target as HTMLFormElement;
    const username = (form.elements.namedItem('username') as HTMLInputElement).value.trim();
    const password = form.elements.namedItem('password') as HTMLInputElement;
    if (!username || !password.value) return this.showError('Enter your username and password.');
    this.busy = true;
    const result = await signIn(username, password.value);
    this.busy = false;
    if (result.ok) {
      this.dispatchEvent(new SstSignedInEvent(result.therapist));
      return;
    }
    if (result.reason === 'invalid') {
      password.value = '';
      password.focus();
    }
    await this.showError(errorText(result));
  }

  /** Cleared first, so the same message twice in a row is announced again. */
  private async showError(text: string): Promise<void> {
    this.error = '';
    await this.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.error = text;
  }
}

define('sst-console-sign-in', SstConsoleSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'sst-console-sign-in': SstConsoleSignIn;
  }
  interface HTMLElementEventMap {
    'sst-signed-in': SstSignedInEvent;
  }
}
