/**
 * Quick exit: leave at once, leave nothing behind.
 * `location.replace` swaps the current history entry, so Back does not return to this page.
 */
import { clearAll } from './storage.js';

export function quickExit(safeUrl: string): void {
  clearAll();
  window.location.replace(safeUrl);
}

/** Calls `onArmed` on a first Escape and `onExit` when a second follows within `windowMs`. */
export function escapeTwice(onArmed: () => void, onExit: () => void, windowMs = 1500): (e: KeyboardEvent) => void {
  let last = 0;
  return (event) => {
    if (event.key !== 'Escape' || event.repeat) return;
    const now = performance.now();
    if (now - last <= windowMs) {
      last = 0;
      onExit();
    } else {
      last = now;
      onArmed();
    }
  };
}
