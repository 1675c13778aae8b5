/**
 * Who is connected, and what happens when someone drops. Connections are held in memory (per
 * process); everything they decide is written to the store, so a restart loses only the timers,
 * and `recover()` derives those again from the store.
 *
 * - Therapist: when their last socket goes, every chat they hold tells the person
 *   `therapist:away { graceSeconds }`. Back within the grace period: `therapist:back`, nothing else
 *   changes (the console catches up with `conversation:mine`). Not back: each chat is requeued at
 *   the top of its risk level and the person gets `conversation:requeued`.
 * - Person: when their last socket goes, the therapist gets `client:presence { online: false }`.
 *   A queued chat whose person is not back within the grace period leaves the queue (ended), so no
 *   therapist claims an empty chair. An active chat stays active: the therapist sees the person is
 *   offline and decides (a phone changing networks, or someone still reading, must not lose their
 *   therapist to a timer); presence keeps being reported as the person comes and goes.
 */
import { room, type RelayContext, type TherapistSocket } from './context.js';

/** One-shot timers by key; `unref`'d, so a pending grace period never keeps a process alive. */
export class GraceTimers {
  private readonly timers = new Map<string, { timer: ReturnType<typeof setTimeout>; until: number }>();

  start(key: string, ms: number, fire: () => void): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      fire();
    }, ms);
    timer.unref();
    this.timers.set(key, { timer, until: Date.now() + ms });
  }

  /** True when a timer was pending (and is now cancelled). */
  cancel(key: string): boolean {
    const entry = this.timers.get(key);
    if (!entry) return false;
    clearTimeout(entry.timer);
    this.timers.delete(key);
    return true;
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  remainingMs(key: string): number | null {
    const entry = this.timers.get(key);
    return entry ? Math.max(0, entry.until - Date.now()) : null;
  }

  clear(): void {
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

/** Adds to a set in a map; true when the set was empty before (the first connection). */
function addTo(map: Map<string, Set<string>>, key: string, value: string): boolean {
  const set = map.get(key);
  if (set) {
    set.add(value);
    return false;
  }
  map.set(key, new Set([value]));
  return true;
}

/** Removes from a set in a map; true when that emptied it (the last connection went). */
function removeFrom(map: Map<string, Set<string>>, key: string, value: string): boolean {
  const set = map.get(key);
  if (!set?.delete(value)) return false;
  if (set.size > 0) return false;
  map.delete(key);
  return true;
}

type PresenceContext = Omit<RelayContext, 'presence'>;

export class Presence {
  private readonly clientSockets = new Map<string, Set<string>>();
  private readonly therapistSockets = new Map<string, Set<string>>();
  private readonly clientGrace = new GraceTimers();
  private readonly therapistGrace = new GraceTimers();

  constructor(private readonly ctx: PresenceContext) {}

  private get graceSeconds(): number {
    return Math.ceil(this.ctx.graceMs / 1000);
  }

  clientOnline(conversationId: string): boolean {
    return this.clientSockets.has(conversationId);
  }

  therapistOnline(therapistId: string): boolean {
    return this.therapistSockets.has(therapistId);
  }

  /** Seconds left for an away therapist to come back; null when they are not away. */
  awaySeconds(therapistId: string): number | null {
    const ms = this.therapistGrace.remainingMs(therapistId);
    return ms === null ? null : Math.ceil(ms / 1000);
  }

  clientConnected(conversationId: string, socketId: string): void {
    if (!addTo(this.clientSockets, conversationId, socketId)) return;
    this.clientGrace.cancel(conversationId);
    this.ctx.therapists.to(room(conversationId)).emit('client:presence', { conversationId, online: true });
  }

  clientDisconnected(conversationId: string, socketId: string): void {
    if (!removeFrom(this.clientSockets, conversationId, socketId) || this.ctx.closing) return;
    this.ctx.therapists.to(room(conversationId)).emit('client:presence', { conversationId, online: false });
    this.startClientGrace(conversationId);
  }

  /**
   * The conversation was deleted: drop its connections and any pending grace period, so a later
   * disconnect of the person's socket neither reports presence nor starts a timer for a chat that is gone.
   */
  forgetConversation(conversationId: string): void {
    this.clientSockets.delete(conversationId);
    this.clientGrace.cancel(conversationId);
  }

  /**
   * A therapist socket connected: it joins the rooms of the chats they hold (so it hears them live);
   * if this ends an absence, each person is told `therapist:back`.
   */
  therapistConnected(therapistId: string, socket: TherapistSocket): void {
    const first = addTo(this.therapistSockets, therapistId, socket.id);
    const returned = first && this.therapistGrace.cancel(therapistId);
    this.ctx.track(
      (async () => {
        const held = await this.ctx.store.activeFor(therapistId);
        if (socket.connected) void socket.join(held.map((c) => room(c.id)));
        if (returned) for (const c of held) this.ctx.clients.to(room(c.id)).emit('therapist:back', {});
      })(),
    );
  }

  therapistDisconnected(therapistId: string, socketId: string): void {
    if (!removeFrom(this.therapistSockets, therapistId, socketId) || this.ctx.closing) return;
    this.startTherapistGrace(therapistId);
    this.ctx.track(
      (async () => {
        const held = await this.ctx.store.activeFor(therapistId);
        // Back already (a quick reload): `therapist:back` went out, so no `away` after it.
        if (this.therapistOnline(therapistId)) return;
        for (const c of held) this.ctx.clients.to(room(c.id)).emit('therapist:away', { graceSeconds: this.graceSeconds });
      })(),
    );
  }

  /**
   * After a (re)start nobody is connected, but the store still says who waits and who holds what:
   * every queued chat and every therapist holding a chat gets a fresh grace period to come back.
   */
  async recover(): Promise<void> {
    for (const c of await this.ctx.store.queue()) {
      if (!this.clientOnline(c.id) && !this.clientGrace.has(c.id)) this.startClientGrace(c.id);
    }
    for (const t of await this.ctx.store.listTherapists()) {
      if (this.therapistOnline(t.id) || this.therapistGrace.has(t.id)) continue;
      const held = await this.ctx.store.activeFor(t.id);
      if (held.length > 0 && !this.therapistOnline(t.id)) this.startTherapistGrace(t.id);
    }
  }

  private startTherapistGrace(therapistId: string): void {
    this.therapistGrace.start(therapistId, this.ctx.graceMs, () => this.ctx.track(this.therapistGone(therapistId)));
  }

  private async therapistGone(therapistId: string): Promise<void> {
    if (this.therapistOnline(therapistId) || this.ctx.closing) return;
    const held = await this.ctx.store.activeFor(therapistId);
    const requeued: string[] = [];
    for (const c of held) {
      if (this.therapistOnline(therapistId) || this.ctx.closing) break; // back after all: keep the rest
      await this.ctx.store.requeue(c.id, this.ctx.now().toISOString());
      this.ctx.therapists.in(room(c.id)).socketsLeave(room(c.id));
      requeued.push(c.id);
    }
    if (requeued.length === 0) return;
    const states = this.ctx.queue.statesOf(await this.ctx.store.queue());
    for (const id of requeued) {
      const state = states.get(id);
      if (state) this.ctx.clients.to(room(id)).emit('conversation:requeued', state);
      // Back in the queue with nobody there: the same rule as any queued chat whose person left.
      if (!this.clientOnline(id)) this.startClientGrace(id);
    }
    this.ctx.queue.changed();
  }

  private startClientGrace(conversationId: string): void {
    this.clientGrace.start(conversationId, this.ctx.graceMs, () => this.ctx.track(this.clientGone(conversationId)));
  }

  private async clientGone(conversationId: string): Promise<void> {
    if (this.clientOnline(conversationId) || this.ctx.closing) return;
    const conversation = await this.ctx.store.conversationById(conversationId);
    if (conversation?.status !== 'queued') return;
    await this.ctx.store.end(conversationId, this.ctx.now().toISOString());
    this.ctx.queue.changed();
  }

  stop(): void {
    this.clientGrace.clear();
    this.therapistGrace.clear();
  }
}
