/**
 * The script a host page loads: `<script type="module" src=".../sst-chat.js"></script>`.
 * Defining the element is kept apart from the class so the class can be imported without side effects.
 */
import { SstChat } from './launcher/sst-chat.js';

export { SstChat };
export { SstEvent, type SstEventDetail, type SstEventName } from './events.js';

if (!customElements.get('sst-chat')) customElements.define('sst-chat', SstChat);

declare global {
  interface HTMLElementTagNameMap {
    'sst-chat': SstChat;
  }
}
