/**
 * The live relay: Socket.IO on the app's HTTP server, with two namespaces — `/client` for the
 * person in the widget, `/therapist` for the console. The contract is `server/protocol.ts`.
 *
 * Everything that must survive a restart (status, queue, messages, who holds which chat) is in the
 * store; this process keeps only connections and grace timers, and derives the timers again from
 * the store when it starts (`ready`).
 *
 * Privacy: nothing is logged per message or per connection; no message text, IP address or user
 * agent is read into a log. Only unexpected errors are logged, by name and stack frames.
 */
import type http from 'node:http';
import { Server } from 'socket.io';
import type { Store } from '../store/store.js';
import { CLIENT_EVENTS, originGuard, registerClientHandlers } from './client.js';
import { refusal, TaskTracker, type ClientNamespace, type RelayContext, type TherapistNamespace } from './context.js';
import { describeError, packetGuard } from './handle.js';
import { Presence } from './presence.js';
import { LiveQueue } from './queue.js';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './rate-limit.js';
import { registerTherapistHandlers, startSessionChecks, therapistAuth, THERAPIST_EVENTS } from './therapist.js';

// The Outbox and Inbox are imported from './outbox.js' directly (the widget must not pull in this file).
export type { RateLimit } from './rate-limit.js';

export const DEFAULT_GRACE_MS = 60_000;

export interface RelayDeps {
  store: Store;
  now?: () => Date;
  /** How long a dropped therapist (and a dropped person) has to come back. Default 60 s. */
  graceMs?: number;
  /** Pages allowed to embed the widget (`https://clinic.example`), or '*' (default) for any. */
  allowedOrigins?: string[] | '*';
  /** Opening hours: outside them `conversation:start` answers `closed`. Default: always open. */
  isOpen?: (now: Date) => boolean;
  /** Per socket. Default 20 events per 2 s. */
  rateLimit?: RateLimit;
  /** How often live console connections re-check their session (sign-out closes them). Default 60 s. */
  sessionCheckMs?: number;
  /** Where unexpected errors go (one line plus stack frames, never a message text). Default stderr. */
  logError?: (line: string) => void;
}

export interface Relay {
  io: Server;
  /** Settles when the timers of an earlier run have been derived from the store. */
  ready: Promise<void>;
  /**
   * Disconnects everyone, stops the timers, and waits for running handlers, so the caller may close
   * the store next. It does not close the HTTP server (the caller owns it).
   */
  close(): Promise<void>;
}

/** Bad settings stop the server at start, with a sentence that says what to set. */
function checkDeps(deps: RelayDeps): void {
  const { graceMs, rateLimit, allowedOrigins } = deps;
  if (graceMs !== undefined && !(Number.isFinite(graceMs) && graceMs >= 0)) {
    throw new RangeError('Relay: graceMs must be a number of milliseconds, 0 or more (for example 60000).');
  }
  if (rateLimit !== undefined && !(rateLimit.events > 0 && rateLimit.perMs > 0)) {
    throw new RangeError('Relay: rateLimit needs events and perMs above 0 (for example { events: 20, perMs: 2000 }).');
  }
  if (Array.isArray(allowedOrigins) && !allowedOrigins.every((o) => typeof o === 'string' && o.length > 0)) {
    throw new TypeError("Relay: allowedOrigins must be '*' or a list of origins such as 'https://clinic.example'.");
  }
}

export function attachRelay(httpServer: http.Server, deps: RelayDeps): Relay {
  checkDeps(deps);
  const allowedOrigins = deps.allowedOrigins ?? '*';
  const rateLimit = deps.rateLimit ?? DEFAULT_RATE_LIMIT;
  const log = deps.logError ?? ((line: string) => process.stderr.write(`${line}\n`));
  const io = new Server(httpServer, {
    serveClient: false,
    // Polling from an embedding page is a cross-origin request; WebSocket is checked by originGuard.
    cors: { origin: allowedOrigins === '*' ? '*' : allowedOrigins },
  });
  // Each namespace speaks its own event map (protocol.ts); Socket.IO types one map per server.
  const clients = io.of('/client') as unknown as ClientNamespace;
  const therapists = io.of('/therapist') as unknown as TherapistNamespace;
  // Nothing lives on the main namespace.
  io.use((_socket, next) => next(refusal('not_found')));

  const tasks = new TaskTracker((error) => log(describeError(error, 'background work')));
  // One object, completed in steps: LiveQueue and Presence keep a reference to it, so what is added
  // later (and `closing`, set by close()) is seen by every module.
  const partial = {
    store: deps.store,
    now: deps.now ?? (() => new Date()),
    graceMs: deps.graceMs ?? DEFAULT_GRACE_MS,
    isOpen: deps.isOpen ?? (() => true),
    log,
    clients,
    therapists,
    track: tasks.track,
    closing: false,
  };
  const withQueue = Object.assign(partial, { queue: new LiveQueue(partial) });
  const ctx: RelayContext = Object.assign(withQueue, { presence: new Presence(withQueue) });
  const { queue, presence } = ctx;

  clients.use(originGuard(allowedOrigins));
  clients.on('connection', (socket) => {
    if (ctx.closing) return void socket.disconnect(true);
    socket.use(packetGuard(CLIENT_EVENTS, rateLimit));
    registerClientHandlers(ctx, socket);
  });

  therapists.use(therapistAuth(ctx));
  therapists.on('connection', (socket) => {
    if (ctx.closing) return void socket.disconnect(true);
    socket.use(packetGuard(THERAPIST_EVENTS, rateLimit));
    registerTherapistHandlers(ctx, socket);
  });
  const stopSessionChecks = startSessionChecks(ctx, deps.sessionCheckMs);

  const ready = presence.recover().catch((error: unknown) => log(describeError(error, 'restoring grace periods')));

  return {
    io,
    ready,
    async close() {
      if (ctx.closing) return;
      ctx.closing = true;
      stopSessionChecks();
      queue.stop();
      presence.stop();
      clients.disconnectSockets(true);
      therapists.disconnectSockets(true);
      io.engine.close();
      await ready;
      await tasks.idle();
    },
  };
}
