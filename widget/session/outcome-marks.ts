/**
 * What the anonymous outcome record needs that the flow's snapshot does not hold, kept in session
 * storage beside it: the hour the session started, whether the person asked for a person, and
 * whether the record has gone (so a reload never sends it twice). It outlives a move into another
 * flow (the age question), and goes with everything else on "Start a new session" or quick exit.
 * Small on purpose: it is part of opening the chat; the sender itself (outcome.ts) loads later.
 */
import { KEYS, read, write } from './storage.js';

export interface OutcomeMarks {
  /** The UTC hour the session started, e.g. "2026-11-26T14:00:00.000Z". */
  started: string;
  handoff?: true;
  sent?: true;
}

/** The hour `now` falls in, UTC: coarse enough that it singles nobody out. */
export function hourOf(now: Date): string {
  const hour = new Date(now);
  hour.setUTCMinutes(0, 0, 0);
  return hour.toISOString();
}

export function readMarks(): OutcomeMarks | null {
  try {
    const marks = JSON.parse(read(KEYS.outcome) ?? 'null') as Partial<OutcomeMarks> | null;
    return typeof marks?.started === 'string' ? (marks as OutcomeMarks) : null;
  } catch {
    return null; // unreadable: treated as a session with no marks
  }
}

/** A new session starts now (not a move into another flow, which keeps its marks). */
export function startMarks(now = new Date()): void {
  write(KEYS.outcome, JSON.stringify({ started: hourOf(now) } satisfies OutcomeMarks));
}

export function mark(change: Partial<Omit<OutcomeMarks, 'started'>>): void {
  write(KEYS.outcome, JSON.stringify({ ...(readMarks() ?? { started: hourOf(new Date()) }), ...change }));
}
