/**
 * The service report's figures, computed from the anonymous outcome records and the handoff figures
 * of one date range. Pure functions: the routes fetch the rows, this turns them into a ServiceReport.
 */
import { FEEDBACK_SCALE, GOT_WHAT_CAME_FOR, type OutcomeRecord } from '../outcomes/record.js';
import type { HandoffStat } from '../store/store.js';
import { studentTQuantile } from './student-t.js';
import type { ServiceReport } from './types.js';

const DAY_MS = 24 * 3600 * 1000;

export interface ReportRange {
  /** YYYY-MM-DD, inclusive (UTC days). */
  from: string;
  to: string;
  /** A flow id or "all". */
  flow: string;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample standard deviation (divides by n − 1); null below two values. */
export function sampleSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

/**
 * Nearest-rank percentile: the ceil(p·n)-th smallest value (1-based), so it is always one of the
 * values themselves (a wait that really happened, never an average of two). p in (0, 1]; null for none.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Mean, SD, 95% CI (t with n − 1 df) and d_z of paired changes. */
export function summariseChange(changes: readonly number[]): Pick<ServiceReport['change'], 'n' | 'mean' | 'sd' | 'ci95' | 'effectSize'> {
  const n = changes.length;
  const m = mean(changes);
  const sd = sampleSd(changes);
  if (m === null || sd === null) return { n, mean: m, sd: null, ci95: null, effectSize: null };
  const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
  // With every change the same, the interval is that one value and an effect size has no meaning.
  return { n, mean: m, sd, ci95: [m - half, m + half], effectSize: sd === 0 ? null : m / sd };
}

/** Midnight UTC of the Monday of the ISO week holding `time` (ms). */
function mondayOf(time: number): number {
  const day = Math.floor(time / DAY_MS) * DAY_MS;
  const weekday = new Date(day).getUTCDay(); // 0 = Sunday
  return day - ((weekday + 6) % 7) * DAY_MS;
}

const dateOnly = (time: number) => new Date(time).toISOString().slice(0, 10);

const countBy = <K extends string>(keys: readonly K[], values: ReadonlyArray<K | null>): Record<K, number> => {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v !== null) counts[v] += 1;
  return counts;
};

const changeOf = (r: OutcomeRecord): number | null => (r.before !== null && r.after !== null ? r.after - r.before : null);

/**
 * The report for `range`. `records` and `handoffs` are the rows already selected for that range and
 * flow (the store does the selecting); rows outside the range's weeks are left out of `weeks` only.
 */
export function buildReport(range: ReportRange, records: readonly OutcomeRecord[], handoffs: readonly HandoffStat[]): ServiceReport {
  const completed = records.filter((r) => r.completed).length;
  const paired = records.filter((r) => r.before !== null && r.after !== null);
  const changes = paired.map((r) => changeOf(r) as number);
  const waits = handoffs.flatMap((h) => (h.waitSeconds === null ? [] : [h.waitSeconds]));

  const distribution = Array.from({ length: 21 }, (_, i) => ({ change: i - 10, count: 0 }));
  for (const c of changes) {
    const slot = distribution[c + 10];
    if (slot) slot.count += 1;
  }

  return {
    range: { ...range },
    sessions: { started: records.length, completed, completionRate: records.length === 0 ? null : completed / records.length },
    change: {
      ...summariseChange(changes),
      meanBefore: mean(paired.map((r) => r.before as number)),
      meanAfter: mean(paired.map((r) => r.after as number)),
      distribution,
    },
    feedback: {
      gotWhatCameFor: countBy(GOT_WHAT_CAME_FOR, records.map((r) => r.gotWhatCameFor)),
      helpful: countBy(FEEDBACK_SCALE, records.map((r) => r.helpful)),
      nextStep: countBy(FEEDBACK_SCALE, records.map((r) => r.nextStep)),
    },
    handoffs: {
      count: handoffs.length,
      answered: waits.length,
      waitMedianSeconds: nearestRank(waits, 0.5),
      waitP90Seconds: nearestRank(waits, 0.9),
      urgent: handoffs.filter((h) => h.risk === 'urgent').length,
    },
    urgentEscalations: records.filter((r) => r.risk === 'urgent').length,
    weeks: buildWeeks(range, records, handoffs),
  };
}

/** One row per Monday-to-Sunday UTC week that overlaps the range, empty weeks included. */
function buildWeeks(range: ReportRange, records: readonly OutcomeRecord[], handoffs: readonly HandoffStat[]): ServiceReport['weeks'] {
  const first = mondayOf(Date.parse(`${range.from}T00:00:00.000Z`));
  const last = Date.parse(`${range.to}T00:00:00.000Z`);
  const weeks = new Map<number, { records: OutcomeRecord[]; handoffs: number }>();
  for (let start = first; start <= last; start += 7 * DAY_MS) weeks.set(start, { records: [], handoffs: 0 });
  for (const r of records) weeks.get(mondayOf(Date.parse(r.startedHour)))?.records.push(r);
  for (const h of handoffs) {
    const week = weeks.get(mondayOf(Date.parse(h.queuedHour)));
    if (week) week.handoffs += 1;
  }
  return [...weeks].map(([start, week]) => ({
    weekStart: dateOnly(start),
    started: week.records.length,
    completed: week.records.filter((r) => r.completed).length,
    meanChange: mean(week.records.flatMap((r) => changeOf(r) ?? [])),
    handoffs: week.handoffs,
  }));
}
