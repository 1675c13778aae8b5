/**
 * The anonymous outcome record: what the widget sends once at the end of a self-guided session (or
 * when the person leaves), only when the service has switched outcomes on and the person said yes in
 * the consent step. Types and the closed lists only, so the widget can `import type` it.
 *
 * Exactly these fields, nothing else: no free text, no token, no id, no exact time (the hour the
 * session started, in UTC, is enough to draw a weekly chart and too coarse to single anyone out).
 * The server's zod schema (`schema.ts`) is strict: a record with any other field is refused.
 */
import type { RiskLevel } from '../protocol.js';

/** "Did you get what you came for today?": the single-session outcome question. */
export const GOT_WHAT_CAME_FOR = ['yes', 'partly', 'no'] as const;
/** Our own two short feedback items (not licensed instruments): how helpful, how likely the next step. */
export const FEEDBACK_SCALE = ['not_at_all', 'a_little', 'quite', 'very'] as const;

export type GotWhatCameFor = (typeof GOT_WHAT_CAME_FOR)[number];
export type FeedbackAnswer = (typeof FEEDBACK_SCALE)[number];

export interface OutcomeRecord {
  /** The flow the session ended in ("default", "youth"). */
  flow: string;
  /** The session's locale, e.g. "en". */
  locale: string;
  /** The hour the session started, UTC, e.g. "2026-11-26T14:00:00.000Z" (minutes, seconds, ms zero). */
  startedHour: string;
  /** The person reached the flow's last step. */
  completed: boolean;
  /** The person asked to talk to a person (joined the queue) during the session. */
  handoff: boolean;
  /** The highest risk level any answer reached. */
  risk: RiskLevel;
  /** The 0–10 check-in at the start and at the end; null when not answered. */
  before: number | null;
  after: number | null;
  gotWhatCameFor: GotWhatCameFor | null;
  /** "How helpful was today's session?" */
  helpful: FeedbackAnswer | null;
  /** "How likely are you to try the step you planned?" */
  nextStep: FeedbackAnswer | null;
}

/** The field names, in CSV column order. A test checks the record holds exactly these. */
export const OUTCOME_FIELDS = [
  'flow', 'locale', 'startedHour', 'completed', 'handoff', 'risk', 'before', 'after', 'gotWhatCameFor', 'helpful', 'nextStep',
] as const satisfies ReadonlyArray<keyof OutcomeRecord>;
