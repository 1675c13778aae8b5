/**
 * Retention: transcripts of ended chats are deleted once they are older than the service allows
 * (`retention.transcriptHours`, default 24). The purge runs when the server starts, so a server that
 * was down does not keep old chats until the first tick, and then every `intervalMs`.
 *
 * Only a count is ever logged, never anything from a chat. The report's handoff figures and the
 * outcome records hold no text and are kept.
 */
import type { Store } from './store/store.js';

export const DEFAULT_PURGE_INTERVAL_MS = 10 * 60_000;

export interface RetentionOptions {
  store: Pick<Store, 'purgeEndedBefore'>;
  transcriptHours: number;
  /** The clock (tests move it); defaults to the real one. */
  now?: () => Date;
  intervalMs?: number;
  /** Where the count goes; defaults to stdout. Receives one sentence, never chat content. */
  log?: (line: string) => void;
}

export interface Retention {
  stop(): void;
  /** Purges now; resolves with how many ended chats were deleted. */
  purgeNow(): Promise<number>;
}

/** "24 h", "1.5 h": the configured time as the log sentence states it. */
const hoursText = (hours: number): string => `${Number(hours.toFixed(2))} h`;

export function startRetention(options: RetentionOptions): Retention {
  const { store, transcriptHours } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const keepMs = transcriptHours * 3600_000;

  // One purge at a time: a slow purge and the next tick never run side by side.
  let running: Promise<number> | null = null;
  const purgeNow = (): Promise<number> => {
    running ??= (async () => {
      try {
        const cutoff = new Date(now().getTime() - keepMs).toISOString();
        const purged = await store.purgeEndedBefore(cutoff);
        if (purged > 0) log(`Retention: purged ${purged} ended chat${purged === 1 ? '' : 's'} older than ${hoursText(transcriptHours)}.`);
        return purged;
      } finally {
        running = null;
      }
    })();
    return running;
  };

  // A failed purge (a busy or closed database) is said once per tick with the error's code only,
  // never its text, which could quote a row; the next tick tries again.
  const tick = () =>
    void purgeNow().catch((error: unknown) => {
      const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
      log(`Retention: the purge of ended chats failed (${typeof code === 'string' ? code : 'unknown error'}); it will be tried again.`);
    });

  tick();
  const timer = setInterval(tick, options.intervalMs ?? DEFAULT_PURGE_INTERVAL_MS);
  // The timer alone never keeps the process alive (tests, and a server that is shutting down).
  timer.unref();

  return {
    stop: () => clearInterval(timer),
    purgeNow,
  };
}
