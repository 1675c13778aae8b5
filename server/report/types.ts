/**
 * The service report as the console receives it from `GET /api/report` (leads only). Types only:
 * the console imports them with `import type`. Figures are computed in `stats.ts`.
 *
 * Query: `from` and `to` are dates (YYYY-MM-DD, inclusive, UTC days); `flow` is a flow id or "all".
 * `GET /api/report.csv` with the same query returns the anonymous outcome records in that range.
 */
import type { FeedbackAnswer, GotWhatCameFor } from '../outcomes/record.js';

export interface ServiceReport {
  range: { from: string; to: string; flow: string };
  /** From outcome records (only sessions whose person agreed to send one). */
  sessions: {
    started: number;
    completed: number;
    /** completed / started, 0–1; null when nothing started. */
    completionRate: number | null;
  };
  /** before → after, over records that have both ratings. */
  change: {
    n: number;
    meanBefore: number | null;
    meanAfter: number | null;
    /** Mean of (after − before). */
    mean: number | null;
    /** Sample standard deviation of the change (n − 1). */
    sd: number | null;
    /** 95% confidence interval of the mean change (t distribution, n − 1 degrees of freedom); null when n < 2. */
    ci95: [number, number] | null;
    /** Cohen's d for paired scores (d_z = mean change / sd of change); null when n < 2 or sd = 0. */
    effectSize: number | null;
    /** How many records changed by each amount, from −10 to +10 (every value present, zeros included). */
    distribution: Array<{ change: number; count: number }>;
  };
  feedback: {
    gotWhatCameFor: Record<GotWhatCameFor, number>;
    helpful: Record<FeedbackAnswer, number>;
    nextStep: Record<FeedbackAnswer, number>;
  };
  /** Live chats (from the server's own records of every handoff, consent not needed: no content). */
  handoffs: {
    /** Chats that joined the queue in the range. */
    count: number;
    /** Of those, how many a therapist answered. */
    answered: number;
    /** Wait from joining the queue to a therapist answering, answered chats only (nearest-rank percentiles). */
    waitMedianSeconds: number | null;
    waitP90Seconds: number | null;
    /** Chats whose highest risk level was urgent. */
    urgent: number;
  };
  /** Self-guided sessions whose highest risk level was urgent (the safety screen was shown). */
  urgentEscalations: number;
  /** One row per ISO week (Monday, UTC) that overlaps the range, empty weeks included. */
  weeks: Array<{ weekStart: string; started: number; completed: number; meanChange: number | null; handoffs: number }>;
}

/** One row of `GET /api/accounts` (leads only). */
export interface AccountView {
  username: string;
  displayName: string;
  role: 'therapist' | 'lead';
  disabled: boolean;
  createdAt: string;
}
