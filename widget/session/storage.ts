/**
 * Everything the widget keeps in the browser, in one place, so quick exit can remove all of it.
 *
 * Session storage by default: it lives only as long as the tab, which is the safer default on a
 * shared or monitored device. Every key starts with `sst-chat`.
 */
export const STORAGE_PREFIX = 'sst-chat';
export const KEYS = {
  session: `${STORAGE_PREFIX}:session`,
  open: `${STORAGE_PREFIX}:open`,
  /** The live chat: its token (which grants this conversation only), messages and unsent ones. */
  relay: `${STORAGE_PREFIX}:relay`,
  /** What the anonymous outcome record needs beyond the flow's snapshot (see outcome-marks.ts). */
  outcome: `${STORAGE_PREFIX}:outcome`,
} as const;

function store(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can throw (blocked third-party storage, private modes); the session then lasts one page.
    return null;
  }
}

export function read(key: string): string | null {
  try {
    return store()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function write(key: string, value: string): void {
  try {
    store()?.setItem(key, value);
  } catch {
    // Quota or blocked storage: keep going without persistence rather than break the conversation.
  }
}

export function remove(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    /* nothing stored, nothing to remove */
  }
}

/** Removes every key the widget wrote, from both storages (in case a host configured local storage). */
export function clearAll(): void {
  for (const area of [safe(() => window.sessionStorage), safe(() => window.localStorage)]) {
    if (!area) continue;
    try {
      for (const key of Object.keys(area)) if (key.startsWith(STORAGE_PREFIX)) area.removeItem(key);
    } catch {
      /* storage unavailable */
    }
  }
}

function safe<T>(get: () => T): T | null {
  try {
    return get();
  } catch {
    return null;
  }
}
