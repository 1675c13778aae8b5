/**
 * @summary One live chat: what the person shared, the messages (a `role="log"` live region), the
 * message box, and the ways to finish (End chat, Hand back to the self-guided session).
 *
 * Talks to the connection directly (send, retry, typing, end); re-renders when `chat` changes.
 *
 * @event sst-close-chat - Close pressed on an ended chat. `detail: { conversationId }`.
 */
import { LitElement, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../../../widget/components/define.js';
import { sharedStyles } from '../../../../widget/components/shared.styles.js';
import { MAX_MESSAGE_LENGTH } from '../../../protocol.js';
import { failureText, type HeldChat, type ShownMessage } from '../../chat-state.js';
import type { ConsoleConnection } from '../../connection.js';
import { summaryStyles } from '../summary/summary.styles.js';
import { renderRisk, renderSummary } from '../summary/summary.js';
import { consoleTokens } from '../tokens.styles.js';
import { renderEndDialog } from './end-dialog.js';
import { chatStyles } from './sst-chat-view.styles.js';
import { dialogStyles } from '../dialog.styles.js';

const TYPING_IDLE = 3000;

/** The therapist closed an ended chat; the console removes it and moves focus. */
export class SstCloseChatEvent extends CustomEvent<{ conversationId: string }> {
  constructor(conversationId: string) {
    super('sst-close-chat', { bubbles: true, composed: true, detail: { conversationId } });
  }
}
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export class SstConsoleChat extends LitElement {
  static override styles = [sharedStyles, consoleTokens, summaryStyles, dialogStyles, chatStyles];

  @property({ attribute: false }) chat!: HeldChat;
  @property({ attribute: false }) connection!: ConsoleConnection;
  @state() private draft = '';
  @state() private ending: 'end' | 'handBack' | null = null;
  @state() private endError = '';
  @state() private endBusy = false;
  @query('#message') private box!: HTMLTextAreaElement;
  @query('.log') private log!: HTMLElement;
  @query('dialog') private dialog!: HTMLDialogElement;
  private typing = false;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private shownCount = 0;
  private returnFocus: HTMLElement | null = null;

  focusComposer(): void {
    (this.box ?? this.renderRoot.querySelector<HTMLElement>('.ended button'))?.focus();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTyping();
  }

  override updated(): void {
    // Keep the newest message in view; the log is its own scrolling area.
    if (this.chat.messages.length !== this.shownCount && this.log) {
      this.shownCount = this.chat.messages.length;
      this.log.scrollTop = this.log.scrollHeight;
    }
    if (this.chat.ended) {
      this.stopTyping();
      // Ended or deleted from the other side while the therapist was about to end it: nothing left to confirm.
      if (this.dialog?.open) this.dialog.close();
    }
  }

  override willUpdate(): void {
    // What the therapist was writing to a person who deleted the chat has nowhere to go.
    if (this.chat?.ended?.deleted && this.draft) this.draft = '';
  }

  override render() {
    const c = this.chat;
    return html`<div class="chat">
      <div class="chat-head">
        <h3 id="chat-heading">Chat ${c.number}</h3>
        <div class="status">
          ${renderRisk(c.risk)}
          <span class="presence ${c.clientOnline ? 'online' : 'offline'}">
            <span aria-hidden="true">${c.clientOnline ? '●' : '○'}</span>
            ${c.clientOnline ? 'The person is online' : 'The person is offline'}
          </span>
        </div>
      </div>
      ${c.ended?.deleted
        ? nothing
        : html`<details class="shared" open>
              <summary>What they shared</summary>
              ${renderSummary(c.shared)}
            </details>
            <div class="log" role="log" aria-label="Messages in chat ${c.number}" tabindex="0">
              ${c.messages.length === 0 ? html`<p class="hint">No messages yet. The person has been told a therapist has joined.</p>` : nothing}
              ${repeat(c.messages, (m) => `${m.from}:${m.id}`, (m) => this.renderMessage(m))}
            </div>`}
      <p class="typing">${c.clientTyping && !c.ended ? 'The person is typing…' : ''}</p>
      ${c.ended ? this.renderEnded() : this.renderComposer()}
      ${renderEndDialog({
        mode: this.ending,
        error: this.endError,
        busy: this.endBusy,
        onSubmit: (e: Event) => this.confirmEnd(e),
        onCancel: () => this.dialog.close(),
        onClose: () => this.dialogClosed(),
      })}
    </div>`;
  }

  private renderMessage(m: ShownMessage) {
    const mine = m.from === 'therapist';
    return html`<div class="msg ${m.from}">
      <p class="meta"><span class="who">${mine ? 'You' : 'Person'}</span> <time datetime=${m.at}>${time.format(new Date(m.at))}</time></p>
      <p class="text">${m.text}</p>
      ${mine && m.delivery === 'sending' ? html`<p class="delivery sending">Sending…</p>` : nothing}
      ${mine && m.delivery === 'sent' ? html`<p class="delivery sent"><span aria-hidden="true">✓</span> Sent</p>` : nothing}
      ${mine && m.delivery === 'failed'
        ? html`<p class="delivery failed">
            <span><span aria-hidden="true">⚠</span> Not sent: ${failureText(m.failure)}.</span>
            <button class="retry" @click=${() => this.connection.retry(this.chat.conversationId, m.id)}>Retry</button>
          </p>`
        : nothing}
    </div>`;
  }

  private renderComposer() {
    const left = MAX_MESSAGE_LENGTH - this.draft.length;
    return html`<form class="composer" @submit=${(e: Event) => this.submit(e)}>
        <label for="message">Message</label>
        <textarea
          id="message"
          rows="3"
          maxlength=${MAX_MESSAGE_LENGTH}
          aria-describedby="message-hint message-count"
          .value=${this.draft}
          @input=${(e: Event) => this.onInput(e)}
          @keydown=${(e: KeyboardEvent) => this.onKeydown(e)}
          @blur=${() => this.stopTyping()}
        ></textarea>
        <div class="composer-foot">
          <span id="message-hint" class="hint">Enter sends. Shift+Enter starts a new line.</span>
          <span id="message-count" class=${left < 200 ? 'count low' : 'count'}>${this.draft.length} / ${MAX_MESSAGE_LENGTH}</span>
          <button class="primary" type="submit">Send</button>
        </div>
      </form>
      <div class="finish">
        <button @click=${(e: Event) => this.openDialog('handBack', e)}>Hand back to self-guided session</button>
        <button class="end" @click=${(e: Event) => this.openDialog('end', e)}>End chat</button>
      </div>`;
  }

  private renderEnded() {
    const ended = this.chat.ended!;
    const text = ended.deleted
      ? 'The person deleted this chat. Its messages have been removed from the service.'
      : ended.by === 'therapist'
        ? ended.handBack
          ? 'You handed this chat back to the self-guided session.'
          : 'You ended this chat.'
        : ended.by === 'client'
          ? 'The person left the chat.'
          : 'This chat is no longer open. It ended, or went back to the queue while you were disconnected.';
    return html`<div class="ended">
      <p><strong>${text}</strong>${ended.closingMessage ? html` Your closing message: “${ended.closingMessage}”` : nothing}</p>
      <button @click=${() => this.dispatchEvent(new SstCloseChatEvent(this.chat.conversationId))}>Close chat ${this.chat.number}</button>
    </div>`;
  }

  private onInput(e: Event): void {
    this.draft = (e.target as HTMLTextAreaElement).value;
    if (!this.typing && this.draft.trim()) {
      this.typing = true;
      this.connection.setTyping(this.chat.conversationId, true);
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE);
  }

  private onKeydown(e: KeyboardEvent): void {
    // isComposing: Enter also confirms a word in an input method (e.g. Japanese); that must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      this.submit(e);
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    const text = this.draft.trim();
    if (!text) return;
    this.connection.send(this.chat.conversationId, text);
    this.draft = '';
    this.stopTyping();
    this.box?.focus();
  }

  private stopTyping(): void {
    clearTimeout(this.typingTimer);
    if (!this.typing) return;
    this.typing = false;
    this.connection?.setTyping(this.chat.conversationId, false);
  }

  private async openDialog(mode: 'end' | 'handBack', e: Event): Promise<void> {
    this.returnFocus = e.currentTarget as HTMLElement;
    this.ending = mode;
    this.endError = '';
    await this.updateComplete;
    const closing = this.renderRoot.querySelector<HTMLTextAreaElement>('#closing');
    if (closing) closing.value = '';
    this.dialog.showModal();
  }

  private async confirmEnd(e: Event): Promise<void> {
    e.preventDefault();
    if (this.endBusy || !this.ending) return;
    const closingMessage = this.renderRoot.querySelector<HTMLTextAreaElement>('#closing')?.value ?? '';
    this.endBusy = true;
    this.endError = '';
    const ack = await this.connection.end(this.chat.conversationId, { closingMessage, handBack: this.ending === 'handBack' });
    this.endBusy = false;
    if (ack?.ok || (ack && ack.code === 'not_active')) {
      this.returnFocus = null;
      this.dialog.close();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.ended button')?.focus();
    } else {
      this.endError = ack ? 'The chat could not be ended. Try again.' : 'You are offline. Try again when the console has reconnected.';
    }
  }

  private dialogClosed(): void {
    this.ending = null;
    this.returnFocus?.focus();
    this.returnFocus = null;
  }
}

define('sst-console-chat', SstConsoleChat);

declare global {
  interface HTMLElementTagNameMap {
    'sst-console-chat': SstConsoleChat;
  }
  interface HTMLElementEventMap {
    'sst-close-chat': SstCloseChatEvent;
  }
}
