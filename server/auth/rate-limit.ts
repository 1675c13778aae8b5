/**
 * Counts failed sign-ins per key, in memory only. After `maxFailures` failures inside one window
 * (which starts at the first failure) the key is blocked until the window ends.
 *
 * In memory on purpose: nothing about who tried to sign in is written anywhere. Restarting the
 * server forgets the counts, which is acceptable for a handful of therapist accounts. With several
 * server instances each keeps its own counts (a shared limiter can come with the Redis adapter).
 */
export interface FailureLimiter {
  /** Milliseconds until `key` may try again; 0 when it is not blocked. */
  blockedFor(key: string, now: number): number;
  fail(key: string, now: number): void;
  /** Takes back one failure (an attempt counted up front that turned out to succeed). */
  forgive(key: string): void;
  reset(key: string): void;
  /** How many keys are tracked (for tests and a sanity bound). */
  readonly size: number;
}

export interface FailureLimiterOptions {
  maxFailures: number;
  windowMs: number;
  /** A bound on memory: when exceeded, expired entries go first, then the oldest. */
  maxKeys?: number;
}

export function createFailureLimiter({ maxFailures, windowMs, maxKeys = 10_000 }: FailureLimiterOptions): FailureLimiter {
  const entries = new Map<string, { failures: number; windowEnds: number }>();

  const live = (key: string, now: number) => {
    const entry = entries.get(key);
    if (entry && entry.windowEnds <= now) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const prune = (now: number) => {
    for (const [key, entry] of entries) if (entry.windowEnds <= now) entries.delete(key);
    // Still too many (a flood of distinct keys): drop the oldest, which Map keeps first.
    for (const key of entries.keys()) {
      if (entries.size <= maxKeys) break;
      entries.delete(key);
    }
  };

  return {
    blockedFor(key, now) {
      const entry = live(key, now);
      return entry && entry.failures >= maxFailures ? entry.windowEnds - now : 0;
    },
    fail(key, now) {
      const entry = live(key, now);
      if (entry) entry.failures += 1;
      else entries.set(key, { failures: 1, windowEnds: now + windowMs });
      if (entries.size > maxKeys) prune(now);
    },
    forgive(key) {
      const entry = entries.get(key);
      if (!entry) return;
      entry.failures -= 1;
      if (entry.failures <= 0) entries.delete(key);
    },
    reset(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
