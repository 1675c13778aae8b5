/**
 * @summary Talking to a person: choose what to share, wait in the queue (with crisis lines in
 * view), chat live, and come back to the self-guided session afterwards. Loaded, with
 * socket.io-client, only when the person asks for a human.
 *
 * "Delete this chat" is offered while waiting, during the chat and after it ends (while the token
 * still opens it): an inline confirmation, then the server removes it and so does this browser.
 * Offline or refused, the person is told the chat is still there: it never looks deleted when it is not.
 *
 * @event handoff-close - The person went back to the self-guided session (or finished).
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { TranscriptEntry } from '../../../flows/compile.js';
import type { Answers, Flow } from '../../../flows/schema.js';
import type { ChatMessage, RiskLevel } from '../../../server/protocol.js';
import { isOpenAt, nextOpening } from '../../../server/hours.js';
import { handoffEn } from '../../i18n/handoff-en.js';
import { mark } from '../../session/outcome-marks.js';
import type { Strings } from '../../i18n/index.js';
import { RelayClient, emptyRelayState, type RelayState } from '../../relay/relay-client.js';
import { buildSummary, shareable, type ShareKey } from '../../relay/share.js';
import type { WidgetConfig } from '../../session/config.js';
import { KEYS, read, remove, write } from '../../session/storage.js';
import { define } from '../define.js';
import { renderResources } from '../sst-panel/help.js';
import { sharedStyles } from '../shared.styles.js';
import { handoffStyles } from './sst-handoff.styles.js';

type Stage = 'closed' | 'choose' | 'connecting' | 'failed' | 'relay' | 'deleted';
interface Stored {
  stage: Stage;
  relay: RelayState;
}

export class SstHandoff extends LitElement {
  static override styles = [sharedStyles, handoffStyles];

  @property() server = '';
  @property({ attribute: false }) config!: WidgetConfig;
  @property({ attribute: false }) flow!: Flow;
  @property({ attribute: false }) answers: Answers = {};
  @property({ attribute: false }) transcript: TranscriptEntry[] = [];
  @property({ attribute: false }) strings!: Strings;
  @property() risk: RiskLevel = 'none';
  @state() private stage: Stage = 'choose';
  @state() private relayState: RelayState = emptyRelayState();
  @state() private notice = '';
  @state() private typing = false;
  @state() private online = true;
  @state() private endedNote = '';
  /** The "Delete this chat?" confirmation is showing. */
  @state() private confirmingDelete = false;
  @state() private deleteNote = '';
  @state() private deleteProblem = '';
  private deleting = false;
  private relay: RelayClient | null = null;
  private t = handoffEn;

  override connectedCallback(): void {
    super.connectedCallback();
    const stored = readStored();
    if (stored && stored.stage === 'relay' && stored.relay.token) {
      // A reload or another page: pick the conversation up again with its token.
      this.stage = 'relay';
      this.relayState = stored.relay;
      this.connect();
    } else if (!isOpenAt(this.config.liveChat, new Date())) {
      this.stage = 'closed';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.relay?.close();
    this.relay = null;
  }

  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('h3, textarea, input, button')?.focus();
  }

  private save(): void {
    // Once deleted nothing may write the chat back (a late change event from the closing client).
    if (this.stage === 'deleted') return;
    write(KEYS.relay, JSON.stringify({ stage: this.stage, relay: this.relayState } satisfies Stored));
  }

  private connect(): void {
    this.relay ??= new RelayClient(this.server, this.relayState, {
      changed: (s) => {
        this.relayState = s;
        this.save();
      },
      typing: (typing) => (this.typing = typing),
      away: (grace) => (this.notice = grace === null ? '' : this.t.away(this.relayState.therapistName ?? '')),
      requeued: () => (this.notice = this.t.requeued),
      ended: (by, handBack) => {
        const name = this.relayState.therapistName ?? '';
        this.endedNote = by === 'client' ? this.t.endedByYou : `${this.t.ended(name)}${handBack ? ` ${this.t.handedBack}` : ''}`;
      },
      online: (online) => (this.online = online),
    });
  }

  private async ask(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const chosen = new Set(new FormData(form).getAll('share') as ShareKey[]);
    const shared = buildSummary(this.flow, this.answers, this.config.locale, this.transcript, chosen);
    this.stage = 'connecting';
    this.connect();
    const ack = await this.relay!.start(shared, this.risk).catch(() => null);
    if (ack?.ok) {
      this.stage = 'relay';
      // The outcome record's "handoff": the person joined the queue (opening this view is not enough).
      mark({ handoff: true });
    } else if (ack && !ack.ok && ack.code === 'closed') this.stage = 'closed';
    else this.stage = 'failed';
    this.save();
    await this.updateComplete;
    this.focusFirst();
  }

  /** Back to the self-guided session; with `finish`, the chat panel is hidden as well. */
  private close(finish = false): void {
    if (this.relayState.status === 'queued' || this.relayState.status === 'active') void this.relay?.leave();
    this.relay?.close();
    this.relay = null;
    remove(KEYS.relay);
    this.dispatchEvent(new CustomEvent('handoff-close', { detail: { finish: finish === true } }));
  }

  private async endByPerson(): Promise<void> {
    await this.relay?.leave();
    this.endedNote = this.t.endedByYou;
  }

  private async askDelete(): Promise<void> {
    this.confirmingDelete = true;
    this.deleteProblem = '';
    await this.updateComplete;
    // The safe choice first, as in any confirmation of something that cannot be undone.
    this.renderRoot.querySelector<HTMLElement>('.delete-keep')?.focus();
  }

  private async keepChat(): Promise<void> {
    this.confirmingDelete = false;
    this.deleteProblem = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.delete-open')?.focus();
  }

  private async deleteChat(): Promise<void> {
    if (this.deleting) return;
    this.deleting = true;
    this.deleteProblem = '';
    this.deleteNote = this.t.deleting;
    const result = this.relay ? await this.relay.delete() : 'offline';
    this.deleting = false;
    this.deleteNote = '';
    if (result !== 'deleted') {
      this.deleteProblem = result === 'offline' ? this.t.deleteOffline : this.t.deleteFailed;
      return;
    }
    // The token, the messages and anything unsent: all of it is in this one key.
    this.relay = null;
    remove(KEYS.relay);
    this.relayState = emptyRelayState();
    this.confirmingDelete = false;
    this.stage = 'deleted';
    await this.updateComplete;
    this.focusFirst();
  }

  override render() {
    switch (this.stage) {
      case 'closed':
        return this.renderClosed();
      case 'choose':
        return this.renderChoose();
      case 'connecting':
        return html`<p class="status" role="status">${this.t.connecting}</p>`;
      case 'failed':
        return html`<section class="pane">
          <p role="alert">${this.t.failed}</p>
          <div class="row">
            <button type="button" class="primary" @click=${() => (this.stage = 'choose')}>${this.t.tryAgain}</button>
            <button type="button" @click=${this.close}>${this.t.back}</button>
          </div>
        </section>`;
      case 'deleted':
        return html`<section class="pane" aria-labelledby="deleted-title">
          <h3 id="deleted-title" tabindex="-1">${this.t.deletedTitle}</h3>
          <p>${this.t.deletedText}</p>
          <div class="row">
            <button type="button" class="primary" @click=${this.close}>${this.t.back}</button>
            <button type="button" @click=${() => this.close(true)}>${this.t.deletedClose}</button>
          </div>
        </section>`;
      default:
        return this.relayState.status === 'queued' || this.relayState.status === 'new' ? this.renderQueue() : this.renderChat();
    }
  }

  private renderClosed() {
    const next = nextOpening(this.config.liveChat, new Date());
    return html`<section class="pane" aria-labelledby="closed-title">
      <h3 id="closed-title" tabindex="-1">${this.t.closedTitle}</h3>
      ${next ? html`<p>${this.t.closedWhen(this.t.days[next.day] ?? next.day, next.time)}</p>` : nothing}
      <p>${this.t.closedAlternatives}</p>
      <ul class="links">
        ${this.config.liveChat.alternatives.map((l) => html`<li><a href=${l.href}>${l.label}</a></li>`)}
      </ul>
      ${renderResources(this.config.crisisResources, this.strings, true)}
      <button type="button" class="primary" @click=${this.close}>${this.t.back}</button>
    </section>`;
  }

  private renderChoose() {
    const options = shareable(this.flow, this.answers, this.config.locale);
    const labels: Record<ShareKey, string> = {
      goal: this.t.shareGoal,
      ratings: this.t.shareRatings,
      strengths: this.t.shareStrengths,
      plan: this.t.sharePlan,
      transcript: this.t.shareTranscript,
    };
    const keys = Object.keys(options) as ShareKey[];
    return html`<form class="pane" aria-labelledby="choose-title" @submit=${this.ask}>
      <h3 id="choose-title" tabindex="-1">${this.t.chooseTitle}</h3>
      <p>${this.t.chooseIntro}</p>
      <fieldset>
        <legend>${this.t.shareLegend}</legend>
        ${keys.length === 0 ? html`<p>${this.t.shareNothingYet}</p>` : nothing}
        ${keys.map(
          (k) => html`<label class="check"><input type="checkbox" name="share" value=${k} checked />
            <span>${labels[k]}<span class="preview">${options[k]}</span></span></label>`,
        )}
        ${this.transcript.some((e) => e.from === 'person')
          ? html`<label class="check"><input type="checkbox" name="share" value="transcript" /><span>${labels.transcript}</span></label>`
          : nothing}
      </fieldset>
      <div class="row">
        <button type="submit" class="primary">${this.t.ask}</button>
        <button type="button" @click=${this.close}>${this.t.back}</button>
      </div>
    </form>`;
  }

  private renderQueue() {
    const q = this.relayState.queue;
    return html`<section class="pane" aria-labelledby="queue-title">
      <h3 id="queue-title" tabindex="-1">${this.t.chooseTitle}</h3>
      <p role="status">${q ? `${this.t.queued(q.position)} ${this.t.wait(q.waitSeconds)}` : this.t.connecting} ${this.notice}</p>
      <p>${this.t.whileWaiting}</p>
      ${renderResources(this.config.crisisResources, this.strings, true)}
      <div class="row">
        <button type="button" @click=${this.close}>${this.t.leaveQueue}</button>
        ${this.confirmingDelete ? nothing : this.renderDeleteButton()}
      </div>
      ${this.confirmingDelete ? this.renderDeleteConfirm() : nothing}
    </section>`;
  }

  private renderChat() {
    const name = this.relayState.therapistName ?? '';
    const active = this.relayState.status === 'active';
    const pending = this.relayState.pending;
    return html`<div class="chat">
      <div class="log" role="log" aria-label=${this.strings.conversation} tabindex="0">
        ${name ? html`<p class="system">${this.t.joined(name)}</p>` : nothing}
        ${this.relayState.messages.map((m) => renderMessage(m, name, this.t.you))}
        ${pending.map((p) => html`<p class="msg person pending"><span class="visually-hidden">${this.t.you}: </span>${p.text}<small>${this.online ? this.t.sending : this.t.notSent}</small></p>`)}
      </div>
      <p class="status" role="status">${this.typing && active ? this.t.typing(name) : ''} ${this.notice} ${this.online ? '' : this.t.offline}</p>
      ${active ? this.renderComposer() : nothing}
      ${this.relayState.status === 'ended'
        ? html`<div class="pane ended"><p role="status">${this.endedNote || this.t.ended(name)}</p>
            <div class="row">
              <button type="button" class="primary" @click=${this.close}>${this.t.back}</button>
              <button type="button" @click=${() => this.close(true)}>${this.t.finish}</button>
              ${this.confirmingDelete ? nothing : this.renderDeleteButton()}
            </div></div>`
        : html`<div class="row actions">
            <button type="button" @click=${this.endByPerson}>${this.t.endChat}</button>
            ${this.confirmingDelete ? nothing : this.renderDeleteButton()}
          </div>`}
      ${this.confirmingDelete ? this.renderDeleteConfirm() : nothing}
    </div>`;
  }

  private renderDeleteButton() {
    // Without a token there is nothing on the server to delete yet.
    if (!this.relayState.token) return nothing;
    return html`<button type="button" class="delete-open" @click=${this.askDelete}>${this.t.deleteChat}</button>`;
  }

  /**
   * Inline, not modal: the widget must not cover the host page, and Escape stays quick exit.
   * An alertdialog, so a screen reader reads the question and its consequence as focus enters.
   */
  private renderDeleteConfirm() {
    return html`<div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="delete-title" aria-describedby="delete-explain">
      <p id="delete-title" class="confirm-title">${this.t.deleteTitle}</p>
      <p id="delete-explain">${this.t.deleteExplain}</p>
      ${this.deleteProblem ? html`<p class="problem" role="alert">${this.deleteProblem}</p>` : nothing}
      <p role="status">${this.deleteNote}</p>
      <div class="row">
        <button type="button" class="danger" @click=${this.deleteChat}>${this.t.deleteConfirm}</button>
        <button type="button" class="primary delete-keep" @click=${this.keepChat}>${this.t.deleteKeep}</button>
      </div>
    </div>`;
  }

  private renderComposer() {
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    const submit = (e: Event) => {
      e.preventDefault();
      const box = this.renderRoot.querySelector('textarea')!;
      const text = box.value.trim();
      if (!text || text.length > 2000) return;
      this.relay?.send(text);
      this.relay?.typing(false);
      box.value = '';
    };
    const input = () => {
      // Only that someone is typing, never what.
      this.relay?.typing(true);
      clearTimeout(typingTimer);
      typingTimer = setTimeout(() => this.relay?.typing(false), 3000);
    };
    return html`<form class="composer" @submit=${submit}>
      <label for="message" class="visually-hidden">${this.t.messageLabel}</label>
      <textarea id="message" rows="2" maxlength="2000" autocomplete="off" @input=${input}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && submit(e)}></textarea>
      <button type="submit" class="primary">${this.t.send}</button>
    </form>`;
  }
}

function renderMessage(m: ChatMessage, name: string, you: string) {
  const person = m.from === 'client';
  return html`<p class="msg ${person ? 'person' : 'bot'}"><span class="visually-hidden">${person ? you : name}: </span>${m.text}</p>`;
}

function readStored(): Stored | null {
  try {
    const data = JSON.parse(read(KEYS.relay) ?? 'null') as Stored | null;
    return data && typeof data === 'object' && data.relay && Array.isArray(data.relay.messages) ? data : null;
  } catch {
    return null;
  }
}

define('sst-handoff', SstHandoff);

declare global {
  interface HTMLElementTagNameMap {
    'sst-handoff': SstHandoff;
  }
}
