/**
 * @summary Accounts (leads only; the server refuses anyone else, and this page says so): the list,
 * adding an account, and per account Disable/Enable, Reset password, Make lead/Make therapist.
 * After every action the list is read again from the server and focus lands on what changed.
 *
 * @event sst-session-ended - The server answered 401: the console signs out.
 * @event sst-role-changed - The signed-in lead changed their own role. `detail: { role }`.
 */
import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../../../widget/components/define.js';
import { sharedStyles } from '../../../../widget/components/shared.styles.js';
import type { Role } from '../../../protocol.js';
import type { AccountView } from '../../../report/types.js';
import {
  addAccount,
  listAccounts,
  resetAccountPassword,
  setAccountDisabled,
  setAccountRole,
  type LeadResult,
} from '../../lead-api.js';
import { dayText } from '../../report-format.js';
import { pageStyles } from '../page.styles.js';
import { SstSessionEndedEvent } from '../session-ended.js';
import { consoleTokens } from '../tokens.styles.js';
import { renderAccountDialog } from './account-dialog.js';
import { PASSWORD_HINT, USERNAME_HINT, accountProblem, passwordProblem } from './account-rules.js';
import { accountsStyles } from './sst-accounts.styles.js';
import { dialogStyles } from '../dialog.styles.js';

export class SstRoleChangedEvent extends CustomEvent<{ role: Role }> {
  constructor(role: Role) {
    super('sst-role-changed', { bubbles: true, composed: true, detail: { role } });
  }
}

const ROLE_NAMES: Record<Role, string> = { therapist: 'Therapist', lead: 'Service lead' };
type Field = 'username' | 'name' | 'password';

const fieldOf = (message: string): Field =>
  /already exists|username/i.test(message) ? 'username' : /display name/i.test(message) ? 'name' : /password/i.test(message) ? 'password' : 'username';

export class SstConsoleAccounts extends LitElement {
  static override styles = [sharedStyles, consoleTokens, pageStyles, dialogStyles, accountsStyles];

  /** The signed-in lead's username: their own row says "(you)". */
  @property({ attribute: false }) me = '';
  @state() private accounts: AccountView[] | null = null;
  @state() private refused = false;
  /** Problems and refusals (role="alert"), and what just worked (role="status"). */
  @state() private alertText = '';
  @state() private doneText = '';
  @state() private invalid: Field | null = null;
  @state() private adding = false;
  @state() private busy: string | null = null;
  @state() private dialog: { kind: 'disable' | 'reset'; username: string } | null = null;
  @state() private dialogError = '';
  @state() private dialogBusy = false;
  @query('dialog') private dialogElement!: HTMLDialogElement;
  /** Where focus goes when the dialog closes: the button that opened it, or what replaced it. */
  private afterDialog = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    return html`<div class="page">
      <h2 tabindex="-1">Accounts</h2>
      <p class="intro">Everyone who can sign in to this console. Service leads also see the report and manage accounts.</p>
      ${this.refused
        ? html`<div class="refused">
            <p role="alert"><strong>Only service leads can manage accounts.</strong></p>
            <p><a href="#chats">Back to your chats</a></p>
          </div>`
        : html`<div class="alert" role="alert">${this.alertText}</div>
            <div class="done" role="status">${this.doneText}</div>
            ${this.renderTable()} ${this.accounts ? this.renderAddForm() : nothing}
            ${renderAccountDialog({
              kind: this.dialog?.kind ?? null,
              username: this.dialog?.username ?? '',
              error: this.dialogError,
              busy: this.dialogBusy,
              onSubmit: (e) => this.confirmDialog(e),
              onCancel: () => this.dialogElement.close(),
              onClose: () => this.dialogClosed(),
            })}`}
    </div>`;
  }

  /**
   * A table; on a phone each row is laid out as a card (see the styles). The explicit roles keep it
   * a table for screen readers whatever its CSS display.
   */
  private renderTable() {
    if (!this.accounts) return html`<p>Loading the accounts…</p>`;
    return html`<div class="table-scroll">
      <table role="table" aria-labelledby="accounts-caption">
        <caption id="accounts-caption">Accounts (${this.accounts.length})</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th role="columnheader" scope="col">Username</th><th role="columnheader" scope="col">Display name</th>
            <th role="columnheader" scope="col">Role</th><th role="columnheader" scope="col">Status</th>
            <th role="columnheader" scope="col">Created</th><th role="columnheader" scope="col">Actions</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${repeat(this.accounts, (a) => a.username, (a) => this.renderRow(a))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(a: AccountView) {
    const u = a.username;
    const busy = this.busy?.endsWith(`:${u}`) ?? false;
    return html`<tr role="row" class=${a.disabled ? 'disabled' : ''}>
      <th role="rowheader" scope="row" tabindex="-1" data-user=${u}>${u}${u === this.me ? html` <span class="you">(you)</span>` : nothing}</th>
      <td role="cell" data-label="Display name">${a.displayName}</td>
      <td role="cell" data-label="Role">${ROLE_NAMES[a.role]}</td>
      <td role="cell" data-label="Status"><span class="state ${a.disabled ? 'off' : 'on'}">${a.disabled ? 'Disabled' : 'Active'}</span></td>
      <td role="cell" data-label="Created">${dayText(a.createdAt)}</td>
      <td role="cell" class="actions-cell">
        <div class="actions" aria-busy=${busy ? 'true' : 'false'}>
          ${a.disabled
            ? html`<button data-action="enable" data-user=${u} @click=${() => this.enable(u)}>Enable<span class="visually-hidden"> ${u}</span></button>`
            : html`<button class="danger" data-action="disable" data-user=${u} @click=${() => this.openDialog('disable', u)}>Disable<span class="visually-hidden"> ${u}</span></button>`}
          <button data-action="reset" data-user=${u} @click=${() => this.openDialog('reset', u)}>Reset password<span class="visually-hidden"> of ${u}</span></button>
          <button data-action="role" data-user=${u} @click=${() => this.changeRole(u, a.role === 'lead' ? 'therapist' : 'lead')}>
            ${a.role === 'lead' ? 'Make therapist' : 'Make lead'}<span class="visually-hidden"> ${u}</span>
          </button>
        </div>
      </td>
    </tr>`;
  }

  private renderAddForm() {
    const invalid = (field: Field) => (this.invalid === field ? 'true' : 'false');
    return html`<form class="card add" aria-labelledby="add-heading" novalidate @submit=${(e: Event) => this.add(e)}>
      <h3 id="add-heading">Add an account</h3>
      <div class="fields">
        <div class="field">
          <label for="add-username">Username</label>
          <input id="add-username" name="username" autocomplete="off" autocapitalize="none" spellcheck="false" required
            aria-describedby="add-username-hint" aria-invalid=${invalid('username')} />
          <p id="add-username-hint" class="hint">${USERNAME_HINT}</p>
        </div>
        <div class="field">
          <label for="add-name">Display name</label>
          <input id="add-name" name="displayName" autocomplete="off" required aria-describedby="add-name-hint" aria-invalid=${invalid('name')} />
          <p id="add-name-hint" class="hint">The name people see in the chat.</p>
        </div>
        <div class="field">
          <label for="add-role">Role</label>
          <select id="add-role" name="role" aria-describedby="add-role-hint">
            <option value="therapist" selected>Therapist</option>
            <option value="lead">Service lead</option>
          </select>
          <p id="add-role-hint" class="hint">Service leads also see the report and manage accounts.</p>
        </div>
        <div class="field">
          <label for="add-password">Password</label>
          <input id="add-password" name="password" type="password" autocomplete="new-password" required
            aria-describedby="add-password-hint" aria-invalid=${invalid('password')} />
          <p id="add-password-hint" class="hint">${PASSWORD_HINT} Give it to them in person or by phone.</p>
        </div>
      </div>
      <button class="primary" type="submit" aria-disabled=${this.adding ? 'true' : 'false'}>${this.adding ? 'Adding…' : 'Add account'}</button>
    </form>`;
  }

  private async load(): Promise<boolean> {
    const result = await listAccounts();
    if (result.ok) {
      this.accounts = result.value;
      return true;
    }
    this.refuse(result);
    return false;
  }

  /** What every refused call does: sign out, say "leads only", or show the server's sentence. */
  private refuse(result: Extract<LeadResult<unknown>, { ok: false }>, show = (text: string) => this.say('alert', text)): void {
    if (result.reason === 'signed_out') return void this.dispatchEvent(new SstSessionEndedEvent());
    if (result.reason === 'forbidden') {
      this.refused = true;
      return;
    }
    show(
      result.message ??
        (result.reason === 'not_found'
          ? 'That account no longer exists. The list has been refreshed.'
          : result.reason === 'network'
            ? 'Could not reach the server. Check your connection and try again.'
            : result.reason === 'bad_request'
              ? 'The server could not accept that. Check the details and try again.'
              : 'That did not work. Try again in a moment.'),
    );
    if (result.reason === 'not_found') void this.load();
  }

  /** Cleared first, so the same sentence twice in a row is read out again. */
  private async say(kind: 'alert' | 'done', text: string): Promise<void> {
    this.alertText = '';
    this.doneText = '';
    await this.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (kind === 'alert') this.alertText = text;
    else this.doneText = text;
  }

  private async focusOn(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private target(action: string, username: string): string {
    return `[data-action="${action}"][data-user="${CSS.escape(username)}"]`;
  }

  private async add(e: Event): Promise<void> {
    e.preventDefault();
    if (this.adding) return;
    const form = e.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const input = { username: value('username').trim(), displayName: value('displayName'), role: value('role') as Role, password: value('password') };
    const problem = accountProblem(input);
    this.invalid = problem?.field ?? null;
    if (problem) {
      void this.say('alert', problem.text);
      return this.focusOn(`#add-${problem.field}`);
    }
    this.adding = true;
    const result = await addAccount({ ...input, displayName: input.displayName.trim() });
    this.adding = false;
    if (!result.ok) {
      // The server's sentence names the problem, not the field: find the field it is about.
      if (result.reason === 'conflict') this.invalid = fieldOf(result.message ?? '');
      this.refuse(result);
      if (this.invalid) void this.focusOn(`#add-${this.invalid}`);
      return;
    }
    form.reset();
    await this.load();
    void this.say('done', `Added ${input.username} (${ROLE_NAMES[input.role].toLowerCase()}). They can sign in now.`);
    await this.focusOn(`th[data-user="${CSS.escape(input.username)}"]`);
  }

  private async enable(username: string): Promise<void> {
    await this.act(`enable:${username}`, () => setAccountDisabled(username, false), `${username} can sign in again.`, this.target('disable', username));
  }

  private async changeRole(username: string, role: Role): Promise<void> {
    const done = `${username} is now ${role === 'lead' ? 'a service lead' : 'a therapist'}.`;
    const ok = await this.act(`role:${username}`, () => setAccountRole(username, role), done, this.target('role', username));
    if (ok && username === this.me) this.dispatchEvent(new SstRoleChangedEvent(role));
  }

  /** One row action: send, read the list again, say what happened, and put focus on the new control. */
  private async act(key: string, send: () => Promise<LeadResult<true>>, done: string, focusAfter: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = key;
    const result = await send();
    this.busy = null;
    if (!result.ok) {
      this.refuse(result);
      return false;
    }
    await this.load();
    void this.say('done', done);
    await this.focusOn(focusAfter);
    return true;
  }

  private async openDialog(kind: 'disable' | 'reset', username: string): Promise<void> {
    this.dialog = { kind, username };
    this.dialogError = '';
    this.afterDialog = this.target(kind, username);
    await this.updateComplete;
    const password = this.renderRoot.querySelector<HTMLInputElement>('#new-password');
    if (password) password.value = '';
    this.dialogElement.showModal();
  }

  private async confirmDialog(e: Event): Promise<void> {
    e.preventDefault();
    const d = this.dialog;
    if (!d || this.dialogBusy) return;
    const password = this.renderRoot.querySelector<HTMLInputElement>('#new-password');
    if (d.kind === 'reset') {
      const problem = passwordProblem(password?.value ?? '');
      if (problem) {
        this.dialogError = problem;
        password?.focus();
        return;
      }
    }
    this.dialogBusy = true;
    this.dialogError = '';
    const result = d.kind === 'reset' ? await resetAccountPassword(d.username, password!.value) : await setAccountDisabled(d.username, true);
    this.dialogBusy = false;
    if (!result.ok) {
      // A password the server will not take can be fixed here; any other refusal is for the page.
      if (d.kind === 'reset' && result.reason === 'conflict') {
        this.dialogError = result.message ?? 'That password cannot be used. Try another.';
        password?.focus();
        return;
      }
      this.dialogElement.close();
      this.refuse(result);
      return;
    }
    await this.load();
    if (d.kind === 'disable') this.afterDialog = this.target('enable', d.username);
    this.dialogElement.close();
    void this.say(
      'done',
      d.kind === 'reset' ? `New password set for ${d.username}. They have been signed out everywhere.` : `${d.username}’s account is disabled. They have been signed out.`,
    );
  }

  private dialogClosed(): void {
    const password = this.renderRoot.querySelector<HTMLInputElement>('#new-password');
    if (password) password.value = '';
    this.dialog = null;
    void this.focusOn(this.afterDialog);
  }
}

define('sst-console-accounts', SstConsoleAccounts);

declare global {
  interface HTMLElementTagNameMap {
    'sst-console-accounts': SstConsoleAccounts;
  }
  interface HTMLElementEventMap {
    'sst-role-changed': SstRoleChangedEvent;
  }
}
