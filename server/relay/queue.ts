/**
 * The live queue as people and therapists see it. The order itself is the store's (urgent first,
 * then concern, then none; within a level a returned chat first, then the longest waiting); this
 * module turns it into positions and wait estimates, and tells everyone when it changes.
 *
 * Changes arrive in bursts (a claim ends one wait and moves everyone up), so broadcasts are
 * coalesced: any number of `changed()` calls in one tick cost one store read and one round of
 * emits. A waiting person is only sent their state when it differs from what they last got.
 */
import type { QueueEntry, QueueState } from '../protocol.js';
import type { ConversationRecord, Store } from '../store/store.js';
import type { ClientNamespace, TherapistNamespace } from './context.js';
import { room } from './context.js';

/**
 * A rough wait: each place in the queue costs about as long as recent claims have been apart.
 * Only claims within the last hour count, so a quiet night does not promise a fast morning; with
 * fewer than two there is nothing to base an estimate on (null: the widget says "we'll be with you").
 */
export class WaitEstimator {
  private claims: number[] = [];

  constructor(
    private readonly window = 10,
    private readonly horizonMs = 60 * 60 * 1000,
  ) {}

  recordClaim(atMs: number): void {
    this.claims.push(atMs);
    if (this.claims.length > this.window) this.claims.shift();
  }

  estimate(position: number, nowMs: number): number | null {
    const recent = this.claims.filter((t) => nowMs - t <= this.horizonMs);
    if (recent.length < 2) return null;
    const first = recent[0]!;
    const last = recent[recent.length - 1]!;
    const interval = (last - first) / (recent.length - 1);
    return Math.max(0, Math.round((position * interval) / 1000));
  }
}

export const toQueueEntry = (c: ConversationRecord): QueueEntry => ({
  conversationId: c.id,
  risk: c.risk,
  queuedAt: c.queuedAt,
  shared: c.shared,
  returned: c.returned,
});

export interface QueueDeps {
  store: Store;
  clients: ClientNamespace;
  therapists: TherapistNamespace;
  now: () => Date;
  track: (task: Promise<unknown>) => void;
}

export class LiveQueue {
  readonly estimator = new WaitEstimator();
  private scheduled: ReturnType<typeof setImmediate> | undefined;
  /** Broadcasts run one after another, so a later state can never overtake an earlier one. */
  private chain: Promise<void> = Promise.resolve();
  private lastSent = new Map<string, string>();
  private stopped = false;

  constructor(private readonly deps: QueueDeps) {}

  /** Positions for a queue read from the store, in order. */
  statesOf(queued: ConversationRecord[]): Map<string, QueueState> {
    const nowMs = this.deps.now().getTime();
    return new Map(queued.map((c, i) => [c.id, { position: i + 1, waitSeconds: this.estimator.estimate(i + 1, nowMs) }]));
  }

  /** Where one conversation stands now; null when it is not queued. */
  async stateOf(conversationId: string): Promise<QueueState | null> {
    return this.statesOf(await this.deps.store.queue()).get(conversationId) ?? null;
  }

  async entries(): Promise<QueueEntry[]> {
    return (await this.deps.store.queue()).map(toQueueEntry);
  }

  /** Something about the queue changed: broadcast once this tick's work is done. */
  changed(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = setImmediate(() => {
      this.scheduled = undefined;
      const run = this.chain.then(() => this.broadcast());
      // A failed broadcast is logged (by `track`) and must not stop the ones after it.
      this.chain = run.catch(() => undefined);
      this.deps.track(run);
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
  }

  /** Resolves when every broadcast already started has been sent. */
  settled(): Promise<void> {
    return this.chain;
  }

  private async broadcast(): Promise<void> {
    if (this.stopped) return;
    const queued = await this.deps.store.queue();
    this.deps.therapists.emit('queue:updated', { queue: queued.map(toQueueEntry) });
    const states = this.statesOf(queued);
    for (const [id, state] of states) {
      const key = `${state.position}/${state.waitSeconds ?? ''}`;
      if (this.lastSent.get(id) === key) continue;
      this.lastSent.set(id, key);
      this.deps.clients.to(room(id)).emit('queue:updated', state);
    }
    for (const id of this.lastSent.keys()) if (!states.has(id)) this.lastSent.delete(id);
  }
}
