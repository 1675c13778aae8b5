/**
 * @summary The live queue: one card per person waiting, in the order the server sends it (risk,
 * then waiting time), with what they chose to share and a Claim button.
 *
 * @event sst-claim - The therapist pressed Claim. `detail: { conversationId }`.
 */
import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { sharedStyles } from '../../../../widget/components/shared.styles.js';
import { define } from '../../../../widget/components/define.js';
import type { QueueEntry } from '../../../protocol.js';
import { waitingText } from '../../chat-state.js';
import { summaryStyles } from '../summary/summary.styles.js';
import { renderRisk, renderSummary } from '../summary/summary.js';
import { consoleTokens } from '../tokens.styles.js';
import { queueStyles } from './sst-queue.styles.js';

export class SstClaimEvent extends CustomEvent<{ conversationId: string }> {
  constructor(conversationId: string) {
    super('sst-claim', { bubbles: true, composed: true, detail: { conversationId } });
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export class SstConsoleQueue extends LitElement {
  static override styles = [sharedStyles, consoleTokens, summaryStyles, queueStyles];

  @property({ attribute: false }) queue: QueueEntry[] = [];
  /** The entry being claimed, while the server answers. */
  @property({ attribute: false }) claiming: string | null = null;
  /** Why the last claim did not work; read out as an alert. */
  @property({ attribute: false }) notice = '';
  @state() private now = Date.now();
  private clock: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Waiting times move on without any event from the server.
    this.clock = setInterval(() => (this.now = Date.now()), 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  override willUpdate(): void {
    this.now = Date.now();
  }

  override render() {
    const count = this.queue.length;
    return html`<section aria-labelledby="queue-heading">
      <div class="head">
        <h2 id="queue-heading">Waiting for a person</h2>
        <p class="count">${count === 0 ? 'No one waiting' : `${count} waiting`}</p>
      </div>
      <div role="alert" class=${this.notice ? 'notice' : 'notice empty'}>${this.notice}</div>
      ${count === 0
        ? html`<p class="empty-queue">No one is waiting right now. New requests appear here, with a sound.</p>`
        : html`<ol class="cards">
            ${repeat(this.queue, (e) => e.conversationId, (e, i) => this.renderEntry(e, i))}
          </ol>`}
    </section>`;
  }

  private renderEntry(entry: QueueEntry, index: number) {
    const headingId = `entry-${index}`;
    const claiming = this.claiming === entry.conversationId;
    return html`<li class="card ${entry.risk}">
      <div class="card-head">
        <h3 id=${headingId}>${capitalised(waitingText(entry.queuedAt, this.now))}</h3>
        <div class="badges">
          ${renderRisk(entry.risk)}
          ${entry.returned ? html`<span class="badge returned"><span aria-hidden="true">↩</span>Returned to queue</span>` : nothing}
        </div>
      </div>
      ${renderSummary(entry.shared)}
      <button
        class="primary claim"
        aria-describedby=${headingId}
        aria-disabled=${claiming ? 'true' : 'false'}
        @click=${() => !claiming && this.dispatchEvent(new SstClaimEvent(entry.conversationId))}
      >
        ${claiming ? 'Claiming…' : 'Claim'}
      </button>
    </li>`;
  }
}

define('sst-console-queue', SstConsoleQueue);

declare global {
  interface HTMLElementTagNameMap {
    'sst-console-queue': SstConsoleQueue;
  }
  interface HTMLElementEventMap {
    'sst-claim': SstClaimEvent;
  }
}
