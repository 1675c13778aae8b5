/**
 * @summary The therapist console: signs in (or finds the session), then shows the live queue and
 * the chats this therapist holds, and for a service lead the report and accounts pages too
 * (`page-nav.ts`). Rendered in the document (light DOM) so its landmarks, headings and the sign-in
 * form are plain page structure; the queue, each chat and the leads' pages are shadow-DOM elements.
 * Styles: `console.css`.
 */
import { LitElement, html, nothing, svg } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../../../widget/components/define.js';
import type { QueueEntry, TherapistProfile } from '../../../protocol.js';
import { askForNotifications, chime, notificationState, notifyNewChat, notifyUrgentMessage, unlockSound, type NotificationState } from '../../alerts.js';
import { currentTherapist, signOut } from '../../api.js';
import type { HeldChat } from '../../chat-state.js';
import { ConsoleConnection, type ClaimResult } from '../../connection.js';
import type { SstCloseChatEvent, SstConsoleChat } from '../sst-chat-view/sst-chat-view.js';
import type { SstClaimEvent } from '../sst-queue/sst-queue.js';
import '../sst-queue/sst-queue.js';
import type { SstConsoleReport } from '../sst-report/sst-report.js';
import '../sst-report/sst-report.js';
import type { SstConsoleAccounts, SstRoleChangedEvent } from '../sst-accounts/sst-accounts.js';
import '../sst-accounts/sst-accounts.js';
import { renderChatTabs } from './chat-tabs.js';
import { pageFromHash, pageTitle, renderPageNav, type ConsolePage } from './page-nav.js';
import './sign-in.js';

const CLAIM_PROBLEMS: Partial<Record<ClaimResult, string>> = {
  already_claimed: 'Another therapist took this chat. The queue has been refreshed.',
  not_found: 'This person is no longer waiting. The queue has been refreshed.',
  not_active: 'This person is no longer waiting. The queue has been refreshed.',
  offline: 'You are offline. Try again when the console has reconnected.',
};

/** A bell, struck through when off; the button's pressed state says the same in words. */
const bell = (on: boolean) =>
  html`<svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round">
    <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" /><path d="M10 20.5a2 2 0 0 0 4 0" />
    ${on ? nothing : svg`<path d="M4 4l16 16" />`}
  </svg>`;

export class SstConsole extends LitElement {
  @state() private phase: 'checking' | 'signed-out' | 'signed-in' = 'checking';
  @state() private therapist: TherapistProfile | null = null;
  @state() private signInMessage = '';
  @state() private openId: string | null = null;
  @state() private claiming: string | null = null;
  @state() private claimNotice = '';
  @state() private announcement = '';
  /** Urgent news about a chat held (role="alert": read out at once, whatever the person is doing). */
  @state() private alertText = '';
  @state() private notifications: NotificationState = notificationState();
  @state() private sound = true;
  @state() private page: ConsolePage = pageFromHash(location.hash);
  private connection: ConsoleConnection | null = null;
  private onHash = () => void this.showPage(pageFromHash(location.hash));
  private onChange = () => {
    // Always one chat open while there are any: after a reload (chats come back from the server),
    // or when the open one was closed.
    const c = this.connection;
    if (c && c.chats.length && !c.chat(this.openId ?? '')) {
      this.openId = c.chats[0]!.conversationId;
      c.open(this.page === 'chats' ? this.openId : null);
    }
    this.requestUpdate();
  };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    currentTherapist().then(
      (therapist) => (therapist ? this.signedIn(therapist) : (this.phase = 'signed-out')),
      () => (this.phase = 'signed-out'),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHash);
    this.connection?.stop();
  }

  override render() {
    if (this.phase === 'checking') return html`<main class="checking"><p role="status">Loading the console…</p></main>`;
    if (this.phase === 'signed-out') {
      return html`<sst-console-sign-in .message=${this.signInMessage} @sst-signed-in=${(e: CustomEvent<{ therapist: TherapistProfile }>) => this.signedIn(e.detail.therapist)}></sst-console-sign-in>`;
    }
    const c = this.connection!;
    const lead = this.therapist?.role === 'lead';
    const unread = c.chats.reduce((sum, chat) => sum + chat.unread, 0);
    return html`<header class="top">
        <h1>Therapist console</h1>
        <p class="who">Signed in as <strong>${this.therapist?.displayName}</strong>${lead ? ' (service lead)' : ''}</p>
        <div class="top-actions">
          ${this.notifications === 'default'
            ? html`<button @click=${() => this.turnOnNotifications()}>Turn on notifications</button>`
            : this.notifications === 'denied'
              ? html`<p class="muted">Notifications are blocked in this browser’s settings.</p>`
              : nothing}
          <button class="sound" aria-pressed=${this.sound ? 'true' : 'false'} title="Play a sound when someone new is waiting" @click=${() => this.toggleSound()}>
            ${bell(this.sound)} Sound
          </button>
          <button @click=${() => this.signOut()}>Sign out</button>
        </div>
        ${lead ? renderPageNav(this.page, { waiting: c.queue.length, urgent: c.queue.filter((e) => e.risk === 'urgent').length, unread }) : nothing}
      </header>
      <main @sst-session-ended=${() => this.signedOut('Your session has ended. Sign in again to continue.')} @sst-role-changed=${(e: SstRoleChangedEvent) => this.roleChanged(e)}>
        <p class="connection" role="status">${this.connectionText(c.status)}</p>
        <div class="layout" ?hidden=${this.page !== 'chats'}>
          <sst-console-queue
            class="queue"
            .queue=${c.queue}
            .claiming=${this.claiming}
            .notice=${this.claimNotice}
            @sst-claim=${(e: SstClaimEvent) => this.claim(e.detail.conversationId)}
          ></sst-console-queue>
          <section class="chats" aria-labelledby="chats-heading" @sst-close-chat=${(e: SstCloseChatEvent) => this.closeChat(e.detail.conversationId)}>
            <h2 id="chats-heading" tabindex="-1">Your chats</h2>
            ${renderChatTabs(c.chats, this.openId, c, (id, focus) => this.select(id, focus))}
          </section>
        </div>
        ${this.page === 'report' ? html`<sst-console-report></sst-console-report>` : nothing}
        ${this.page === 'accounts' ? html`<sst-console-accounts .me=${this.therapist?.username ?? ''}></sst-console-accounts>` : nothing}
        <div class="visually-hidden" role="status">${this.announcement}</div>
        <!-- Added with its text: an alert is read out when it appears, and only then. -->
        ${this.alertText ? html`<div class="visually-hidden" role="alert">${this.alertText}</div>` : nothing}
      </main>`;
  }

  private connectionText(status: ConsoleConnection['status']): string {
    if (status === 'online') return '';
    if (status === 'connecting') return 'Connecting…';
    return 'Offline. Reconnecting… Messages you send will go when the connection is back.';
  }

  /**
   * A page chosen (a link, Back, or a typed hash): shown, and focus goes to its heading so a screen
   * reader starts there. The chats stay in the page, hidden, so drafts and the connection live on.
   */
  private async showPage(page: ConsolePage): Promise<void> {
    if (page === this.page) return;
    this.page = page;
    document.title = pageTitle(page);
    // Messages in the open chat count as unread while another page is in front.
    this.connection?.open(page === 'chats' ? this.openId : null);
    if (this.phase !== 'signed-in') return;
    await this.updateComplete;
    if (page === 'chats') return this.querySelector<HTMLElement>('#chats-heading')?.focus();
    const element = this.querySelector<SstConsoleReport | SstConsoleAccounts>(page === 'report' ? 'sst-console-report' : 'sst-console-accounts');
    await element?.focusHeading();
  }

  private roleChanged(e: SstRoleChangedEvent): void {
    if (this.therapist) this.therapist = { ...this.therapist, role: e.detail.role };
  }

  private signedIn(therapist: TherapistProfile): void {
    document.title = pageTitle(this.page);
    this.therapist = therapist;
    this.signInMessage = '';
    this.phase = 'signed-in';
    const c = new ConsoleConnection();
    c.addEventListener('change', this.onChange);
    c.addEventListener('queue-added', (e) => this.queueAdded((e as CustomEvent<{ entries: QueueEntry[] }>).detail.entries));
    c.addEventListener('client-message', (e) => this.clientMessage((e as CustomEvent<{ chat: HeldChat }>).detail.chat));
    c.addEventListener('risk-raised', (e) => this.riskRaised((e as CustomEvent<{ chat: HeldChat }>).detail.chat));
    c.addEventListener('chat-ended', (e) => {
      const chat = (e as CustomEvent<{ chat: HeldChat }>).detail.chat;
      const what = chat.ended?.deleted ? 'the person deleted the chat' : chat.ended?.by === 'client' ? 'the person left the chat' : 'the chat was closed';
      this.announce(`Chat ${chat.number}: ${what}.`);
    });
    c.addEventListener('signed-out', () => this.signedOut('Your session has ended. Sign in again to continue.'));
    this.connection = c;
    c.start();
  }

  private signedOut(message: string): void {
    this.connection?.stop();
    this.connection = null;
    this.therapist = null;
    this.openId = null;
    this.claimNotice = '';
    this.signInMessage = message;
    this.phase = 'signed-out';
    document.title = 'Therapist console · sst-chat';
  }

  private async signOut(): Promise<void> {
    await signOut();
    this.signedOut('You have signed out.');
  }

  private async claim(conversationId: string): Promise<void> {
    const c = this.connection;
    if (!c || this.claiming) return;
    unlockSound();
    this.claiming = conversationId;
    this.claimNotice = '';
    const result = await c.claim(conversationId);
    this.claiming = null;
    if (result !== 'ok') {
      this.claimNotice = CLAIM_PROBLEMS[result] ?? 'The chat could not be claimed. Try again.';
      return;
    }
    const chat = c.chat(conversationId);
    this.announce(`You joined chat ${chat?.number ?? ''}.`);
    await this.select(conversationId, false);
    const view = this.querySelector<SstConsoleChat>(`#panel-${chat?.number} sst-console-chat`);
    await view?.updateComplete;
    view?.focusComposer();
  }

  private async select(conversationId: string, focusTab: boolean): Promise<void> {
    this.openId = conversationId;
    this.connection?.open(conversationId);
    await this.updateComplete;
    const number = this.connection?.chat(conversationId)?.number;
    if (focusTab) this.querySelector<HTMLElement>(`#tab-${number}`)?.focus();
  }

  /** Focus goes to the chat shown next, or to the heading when none is left (never lost to the page). */
  private async closeChat(conversationId: string): Promise<void> {
    const c = this.connection;
    if (!c) return;
    const number = c.chat(conversationId)?.number;
    c.close(conversationId);
    await this.updateComplete;
    const next = this.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? this.querySelector<HTMLElement>('#chats-heading');
    next?.focus();
    this.announce(`Chat ${number ?? ''} closed.`);
  }

  private queueAdded(entries: QueueEntry[]): void {
    const urgent = entries.some((e) => e.risk === 'urgent');
    if (this.sound) chime(urgent);
    notifyNewChat(urgent);
    const total = this.connection?.queue.length ?? entries.length;
    this.announce(`${urgent ? 'Urgent: a' : 'A'} new person is waiting. ${total} waiting in all.`);
  }

  /** An urgent message in a chat this therapist holds: a sound (if on) and an alert, every time. */
  private riskRaised(chat: HeldChat): void {
    if (chat.risk !== 'urgent') return;
    if (this.sound) chime(true);
    notifyUrgentMessage(chat.number);
    this.alertText = '';
    setTimeout(() => (this.alertText = `Urgent: the person in chat ${chat.number} may be at risk now. Read their latest message.`), 100);
  }

  private clientMessage(chat: HeldChat): void {
    if (chat.conversationId !== this.openId || this.page !== 'chats') this.announce(`New message in chat ${chat.number}.`);
  }

  /** Cleared first, so the same words twice in a row are read out again. */
  private announce(text: string): void {
    this.announcement = '';
    // A timer, not an animation frame: frames do not run while the console is in a background tab.
    setTimeout(() => (this.announcement = text), 100);
  }

  private async turnOnNotifications(): Promise<void> {
    this.notifications = await askForNotifications();
    this.announce(this.notifications === 'granted' ? 'Notifications are on.' : 'Notifications were not turned on.');
  }

  private toggleSound(): void {
    this.sound = !this.sound;
    if (this.sound) {
      unlockSound();
      chime();
    }
  }
}

define('sst-console', SstConsole);

declare global {
  interface HTMLElementTagNameMap {
    'sst-console': SstConsole;
  }
}
