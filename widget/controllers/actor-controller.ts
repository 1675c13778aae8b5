/**
 * A Lit ReactiveController that runs an XState actor for a host element, in the spirit of the
 * (not yet published) `@xstate/lit` package, so swapping that in later is a small change.
 *
 * - The actor is created in the constructor, so the first render already has a snapshot.
 * - It starts when the host connects and stops when it disconnects, after handing its persisted
 *   snapshot to `options.persist`. Reconnecting (the element moved in the page) restores from that
 *   snapshot instead of starting fresh, so moving the element never loses the conversation.
 * - The host re-renders only when the snapshot object changes.
 * - The subscription always has an error handler: XState otherwise re-throws errors later, off-stack.
 */
import { createActor, type Actor, type AnyActorLogic, type EventFromLogic, type InputFrom, type SnapshotFrom } from 'xstate';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ActorControllerOptions<TLogic extends AnyActorLogic> {
  input?: InputFrom<TLogic>;
  /** A persisted snapshot to resume from (e.g. read from session storage). */
  snapshot?: unknown;
  /** Called with every new snapshot while running; use it to persist. */
  persist?: (persisted: unknown, snapshot: SnapshotFrom<TLogic>) => void;
  onError?: (error: unknown) => void;
}

export class ActorController<TLogic extends AnyActorLogic> implements ReactiveController {
  #host: ReactiveControllerHost;
  #logic: TLogic;
  #options: ActorControllerOptions<TLogic>;
  #actor: Actor<TLogic>;
  #snapshot: SnapshotFrom<TLogic>;
  #unsubscribe: (() => void) | null = null;

  constructor(host: ReactiveControllerHost, logic: TLogic, options: ActorControllerOptions<TLogic> = {}) {
    this.#host = host;
    this.#logic = logic;
    this.#options = options;
    this.#actor = this.#create(options.snapshot);
    this.#snapshot = this.#actor.getSnapshot();
    host.addController(this);
  }

  get actor(): Actor<TLogic> {
    return this.#actor;
  }

  get snapshot(): SnapshotFrom<TLogic> {
    return this.#snapshot;
  }

  send(event: EventFromLogic<TLogic>): void {
    this.#actor.send(event);
  }

  hostConnected(): void {
    if (this.#unsubscribe) return;
    const subscription = this.#actor.subscribe({
      next: (snapshot) => this.#update(snapshot),
      error: (error) => this.#fail(error),
    });
    this.#unsubscribe = () => subscription.unsubscribe();
    this.#actor.start();
  }

  hostDisconnected(): void {
    const persisted = this.#actor.getPersistedSnapshot();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#actor.stop();
    // A stopped actor cannot start again: prepare its successor from where this one stood.
    this.#actor = this.#create(persisted);
  }

  /** Stops the actor for good, e.g. when the host replaces this controller with another. */
  dispose(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#actor.stop();
  }

  #create(snapshot: unknown): Actor<TLogic> {
    const options: { input?: InputFrom<TLogic>; snapshot?: never } = {};
    if (this.#options.input !== undefined) options.input = this.#options.input;
    if (snapshot !== undefined) options.snapshot = snapshot as never;
    return createActor(this.#logic, options) as Actor<TLogic>;
  }

  #update(snapshot: SnapshotFrom<TLogic>): void {
    const changed = snapshot !== this.#snapshot;
    this.#snapshot = snapshot;
    if (this.#options.persist) {
      try {
        this.#options.persist(this.#actor.getPersistedSnapshot(), snapshot);
      } catch (error) {
        this.#fail(error);
      }
    }
    if (changed) this.#host.requestUpdate();
  }

  #fail(error: unknown): void {
    if (this.#options.onError) this.#options.onError(error);
    else console.error('sst-chat: the session stopped unexpectedly', error);
  }
}
