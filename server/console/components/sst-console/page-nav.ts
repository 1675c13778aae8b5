/**
 * The console's pages and the navigation between them. Pages are location hashes (`#report`), so
 * a page can be bookmarked, reloaded, and reached with Back. Only leads see the navigation; anyone
 * can type `#report`, and the server refuses a therapist (the page then says so).
 */
import { html, nothing } from 'lit';

export type ConsolePage = 'chats' | 'report' | 'accounts';

const PAGES: Array<{ page: ConsolePage; label: string }> = [
  { page: 'chats', label: 'Chats' },
  { page: 'report', label: 'Report' },
  { page: 'accounts', label: 'Accounts' },
];

export function pageFromHash(hash: string): ConsolePage {
  const name = hash.replace(/^#/, '');
  return name === 'report' || name === 'accounts' ? name : 'chats';
}

export function pageTitle(page: ConsolePage): string {
  const label = PAGES.find((p) => p.page === page)!.label;
  return `${label} · Therapist console · sst-chat`;
}

/** What needs a person, shown on the Chats link so a lead reading the report still sees it. */
export interface ChatsNews {
  /** In the queue, and how many of those are urgent. */
  waiting: number;
  urgent: number;
  /** New messages in chats held. */
  unread: number;
}

export function renderPageNav(current: ConsolePage, news: ChatsNews) {
  return html`<nav class="pages" aria-label="Console pages">
    <ul>
      ${PAGES.map(
        (p) => html`<li>
          <a href="#${p.page}" aria-current=${p.page === current ? 'page' : nothing}>
            ${p.label}
            ${p.page === 'chats' && news.waiting > 0
              ? html`<span class="flag ${news.urgent ? 'urgent' : ''}">${news.waiting} waiting${news.urgent ? `, ${news.urgent} urgent` : ''}</span>`
              : nothing}
            ${p.page === 'chats' && news.unread > 0 ? html`<span class="flag">${news.unread} new</span>` : nothing}
          </a>
        </li>`,
      )}
    </ul>
  </nav>`;
}
