/**
 * The chats a therapist holds, as tabs (ARIA tabs pattern: arrow keys, Home and End move between
 * them; Tab goes into the open chat). Every chat keeps its own panel, so a half-written message,
 * the scroll position and an open dialog survive switching between chats.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { HeldChat } from '../../chat-state.js';
import type { ConsoleConnection } from '../../connection.js';
import '../sst-chat-view/sst-chat-view.js';

export function renderChatTabs(chats: HeldChat[], openId: string | null, connection: ConsoleConnection, select: (id: string, focus: boolean) => void) {
  if (chats.length === 0) {
    return html`<p class="no-chats">You have no chats open. Claim one from the queue to start.</p>`;
  }
  const onKey = (e: KeyboardEvent, index: number) => {
    const last = chats.length - 1;
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: last }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = chats[(next + chats.length) % chats.length]!;
    select(target.conversationId, true);
  };
  return html`<div class="tabs" role="tablist" aria-label="Your chats">
      ${repeat(chats, (c) => c.conversationId, (c, i) => {
        const selected = c.conversationId === openId;
        return html`<button
          class="tab"
          role="tab"
          id="tab-${c.number}"
          aria-selected=${selected ? 'true' : 'false'}
          aria-controls="panel-${c.number}"
          tabindex=${selected ? '0' : '-1'}
          @click=${() => select(c.conversationId, false)}
          @keydown=${(e: KeyboardEvent) => onKey(e, i)}
        >
          <span>Chat ${c.number}</span>
          ${c.risk === 'urgent' ? html`<span class="tab-flag urgent">Urgent</span>` : nothing}
          ${c.unread ? html`<span class="tab-flag unread">${c.unread} new</span>` : nothing}
          ${c.ended ? html`<span class="tab-flag ended">${c.ended.deleted ? 'Deleted' : 'Ended'}</span>` : nothing}
        </button>`;
      })}
    </div>
    ${repeat(
      chats,
      (c) => c.conversationId,
      (c) => html`<div class="tab-panel" role="tabpanel" id="panel-${c.number}" aria-labelledby="tab-${c.number}" ?hidden=${c.conversationId !== openId}>
        <sst-console-chat .chat=${c} .connection=${connection}></sst-console-chat>
      </div>`,
    )}`;
}
