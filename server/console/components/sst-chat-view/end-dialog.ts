/**
 * The confirmation before a chat ends, as a native modal `<dialog>` (focus is kept inside, Escape
 * cancels). The person sees the optional closing message as the therapist's last message.
 */
import { html } from 'lit';

export interface EndDialogOptions {
  mode: 'end' | 'handBack' | null;
  error: string;
  busy: boolean;
  onSubmit: (e: Event) => void;
  onCancel: () => void;
  onClose: () => void;
}

export function renderEndDialog(o: EndDialogOptions) {
  const handBack = o.mode === 'handBack';
  return html`<dialog aria-labelledby="end-title" aria-describedby="end-about" @close=${o.onClose}>
    <form @submit=${o.onSubmit}>
      <h2 id="end-title">${handBack ? 'Hand back to the self-guided session?' : 'End this chat?'}</h2>
      <p id="end-about">
        ${handBack
          ? 'The person goes back to their self-guided session where they left it, and can ask for a person again.'
          : 'The person will see that the chat has ended.'} If you write a closing message, they see it as your
        last message.
      </p>
      <label for="closing">Closing message (optional)</label>
      <textarea id="closing" rows="3" maxlength="2000"></textarea>
      <div role="alert" class="dialog-error">${o.error}</div>
      <div class="dialog-actions">
        <button type="button" @click=${o.onCancel}>Cancel</button>
        <button type="submit" class="primary" aria-disabled=${o.busy ? 'true' : 'false'}>
          ${o.busy ? 'Please wait…' : handBack ? 'Hand back' : 'End chat'}
        </button>
      </div>
    </form>
  </dialog>`;
}
