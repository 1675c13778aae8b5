/**
 * Quick exit: leave at once, leave nothing behind.
 * `location.replace` swaps the current history entry, so Back does not return to this page.
 */
import { clearAll } from './storage.js';

export function quickExit(safeUrl: string): void {
  clearAll();
  window.location.replace(safeUrl);
}

/**
 * Calls `onArmed(true)` on a first Escape, `onExit` when a second follows within `windowMs`, and
 * `onArmed(false)` when the window passes. Escapes the host page already handled still count: in a
 * hurry, a person should not have to know which part of the page has focus.
 */
export function escapeTwice(onArmed: (armed: boolean) => void, onExit: () => void, windowMs = 1500): (e: KeyboardEvent) => void {
  let last = -Infinity; // performance.now() starts near 0 on every page, so 0 would arm at once
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (event) => {
    if (event.key !== 'Escape' || event.repeat) return;
    const now = performance.now();
    clearTimeout(timer);
    if (now - last <= windowMs) {
      last = -Infinity;
      onExit();
    } else {
      last = now;
      onArmed(true);
      timer = setTimeout(() => onArmed(false), windowMs);
    }
  };
}
