/**
 * A token bucket per socket: `events` may arrive in a burst, then they refill evenly over `perMs`.
 * A person typing and sending never comes near the default; a script flooding the relay does, and
 * is answered `rate_limited` without the handler (and the database) ever seeing the event.
 *
 * Per socket, not per IP: the relay never reads IP addresses (the people using it are anonymous).
 * Limiting connections per address, if wanted, belongs in the reverse proxy.
 */

export interface RateLimit {
  /** Bucket size: how many events may arrive at once. */
  events: number;
  /** How long an empty bucket takes to refill completely, in milliseconds. */
  perMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimit = { events: 20, perMs: 2000 };

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly refillPerMs: number;

  constructor(
    private readonly limit: RateLimit,
    now: number,
  ) {
    if (!(limit.events > 0) || !(limit.perMs > 0)) throw new RangeError('rateLimit: events and perMs must be positive numbers.');
    this.tokens = limit.events;
    this.last = now;
    this.refillPerMs = limit.events / limit.perMs;
  }

  /** Takes one token; false when the bucket is empty (the event is refused). */
  take(now: number): boolean {
    // A clock that steps backwards (NTP) must not drain the bucket, hence the max with 0.
    this.tokens = Math.min(this.limit.events, this.tokens + Math.max(0, now - this.last) * this.refillPerMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
