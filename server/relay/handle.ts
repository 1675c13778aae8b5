/**
 * The one way an inbound event is handled: validate → run → acknowledge, with every failure turned
 * into an error code. Nothing a peer sends can crash the process or reach it as a stack trace:
 * schema failures are `bad_request` (or `too_large`), anything thrown is `internal`, logged here
 * with the error's name and stack frames but never its message (a message can quote what a person
 * wrote).
 *
 * Peers are untrusted, so the arguments are too: the payload may be missing, a string, an array;
 * the acknowledgement callback may be missing or not a function. Socket.IO passes the callback last.
 */
import type { z } from 'zod';
import type { Ack, ErrorCode } from '../protocol.js';
import { TokenBucket, type RateLimit } from './rate-limit.js';

/** What a handler returns: an acknowledgement, optionally with work to do once it is on its way. */
export type Outcome<R extends object> = Ack<R> | { ack: Ack<R>; afterAck: () => void } | void;

export interface HandleOptions {
  /** Event name, for the log line only. */
  event?: string;
  /** Where internal errors go; defaults to stderr. */
  log?: (line: string) => void;
  /** Registers the running handler, so shutdown can wait for it before the store closes. */
  track?: (task: Promise<unknown>) => void;
}

export type Listener = (...args: unknown[]) => void;
type AckFn = (response: unknown) => void;

const defaultLog = (line: string) => process.stderr.write(`${line}\n`);

export const fail = (code: ErrorCode): { ok: false; code: ErrorCode } => ({ ok: false, code });

/** Splits Socket.IO's arguments into the payload and the callback (if the peer sent a usable one). */
function splitArgs(args: unknown[]): { payload: unknown; ack: AckFn | undefined } {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as AckFn) : undefined;
  // `emit('queue:list', cb)`: the only argument is the callback, so there is no payload.
  return { payload: ack && args.length === 1 ? undefined : args[0], ack };
}

function safeReply(ack: AckFn | undefined, response: unknown): void {
  if (!ack) return;
  try {
    ack(response);
  } catch {
    // Socket.IO's ack only writes a packet; if that ever throws, the peer is gone anyway.
  }
}

/**
 * `too_large` only when every problem is a string or list over its limit (a 5,000-character message
 * with a good id); anything else wrong is `bad_request`, even when something is also too long.
 */
export function codeForIssues(issues: readonly z.core.$ZodIssue[]): ErrorCode {
  const tooLarge = issues.every((i) => i.code === 'too_big' && (i.origin === 'string' || i.origin === 'array'));
  return issues.length > 0 && tooLarge ? 'too_large' : 'bad_request';
}

/** A log line about an unexpected error: its name and where it happened, never its message. */
export function describeError(error: unknown, where: string): string {
  const name = error instanceof Error ? error.name : typeof error;
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)) : [];
  return [`sst-chat relay: internal error (${name}) in ${where}`, ...frames].join('\n');
}

export function handle<S extends z.ZodType, R extends object>(
  schema: S,
  fn: (payload: z.output<S>) => Outcome<R> | Promise<Outcome<R>>,
  options: HandleOptions = {},
): Listener {
  const log = options.log ?? defaultLog;
  return (...args: unknown[]) => {
    const { payload, ack } = splitArgs(args);
    const run = async () => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) return safeReply(ack, fail(codeForIssues(parsed.error.issues)));
      const outcome = await fn(parsed.data);
      if (!outcome) return;
      if ('ack' in outcome) {
        safeReply(ack, outcome.ack);
        outcome.afterAck();
      } else {
        safeReply(ack, outcome);
      }
    };
    const task = run().catch((error: unknown) => {
      log(describeError(error, options.event ?? 'an event handler'));
      safeReply(ack, fail('internal'));
    });
    options.track?.(task);
  };
}

type PacketMiddleware = (packet: unknown[], next: (error?: Error) => void) => void;

/**
 * Runs before any handler (`socket.use`): refuses events over the socket's rate limit and events
 * with no handler, answering each with a code when the peer asked for an answer. Refused events are
 * dropped here (not passed to `next(error)`, which would only raise an `error` event on the socket).
 */
export function packetGuard(knownEvents: ReadonlySet<string>, limit: RateLimit, clock: () => number = Date.now): PacketMiddleware {
  const bucket = new TokenBucket(limit, clock());
  return (packet, next) => {
    const [event, ...rest] = packet;
    const { ack } = splitArgs(rest);
    if (!bucket.take(clock())) return safeReply(ack, fail('rate_limited'));
    if (typeof event !== 'string' || !knownEvents.has(event)) return safeReply(ack, fail('bad_request'));
    next();
  };
}
