/**
 * The service report's figures in words. Pure functions (no DOM), so every sentence a lead reads
 * can be checked against a hand-worked example.
 */
import type { ServiceReport } from '../report/types.js';

const DAY = 86_400_000;
/** The typographic minus: a hyphen reads as a dash, and screen readers say "minus" for this one. */
const MINUS = '\u2212';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The four full weeks (Monday to Sunday) before the current one, in UTC days as the server counts
 * them: a week still running would make the last bar look like a drop.
 */
export function lastFourWeeks(now: Date): { from: string; to: string } {
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - sinceMonday);
  return { from: isoDay(monday - 28 * DAY), to: isoDay(monday - DAY) };
}

/** 1.8 → "1.8", −0.25 → "−0.3" (one decimal unless told). */
export function decimal(value: number, digits = 1): string {
  const text = Math.abs(value).toFixed(digits);
  return value < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** A change, always with its sign: "+1.8", "−0.5", "0.0". */
export function signed(value: number, digits = 1): string {
  const text = decimal(value, digits);
  return value > 0 && Number(Math.abs(value).toFixed(digits)) !== 0 ? `+${text}` : text;
}

/** "+1.8 (95% CI 0.9 to 2.7), n = 24", or why there is no interval. */
export function changeText(change: ServiceReport['change']): string {
  if (change.n === 0 || change.mean === null) return 'No one gave both ratings in this range.';
  if (!change.ci95) return `${signed(change.mean)}, n = ${change.n} (a confidence interval needs at least 2 people)`;
  return `${signed(change.mean)} (95% CI ${decimal(change.ci95[0])} to ${decimal(change.ci95[1])}), n = ${change.n}`;
}

/** Cohen's rough guide for d, in words, with the direction when it is towards feeling worse. */
export function effectSizeWords(d: number): string {
  const size = Math.abs(d);
  const word = size < 0.2 ? 'very small' : size < 0.5 ? 'small' : size < 0.8 ? 'medium' : 'large';
  return d < 0 && size >= 0.2 ? `${word}, towards feeling worse` : word;
}

export function effectSizeText(change: ServiceReport['change']): string {
  if (change.effectSize === null) {
    return change.n >= 2 ? 'Cannot be worked out: everyone changed by the same amount.' : 'Needs at least 2 people with both ratings.';
  }
  return `${decimal(change.effectSize, 2)} (${effectSizeWords(change.effectSize)})`;
}

/** 0.75 → "75%"; null → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/** 130 → "2 min 10 s", 45 → "45 s", 3900 → "1 h 5 min"; null → "—". */
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const minutes = Math.floor((s % 3600) / 60);
  return `${Math.floor(s / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "2026-11-03" → "3 Nov 2026" (dates are UTC days: no shift by the reader's time zone). */
export function dayText(day: string): string {
  const ms = Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(ms) ? longDate.format(ms) : day;
}

/** "2026-11-03" → "3 Nov": short enough for a chart's axis. */
export function weekLabel(weekStart: string): string {
  const ms = Date.parse(`${weekStart.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(ms) ? shortDate.format(ms) : weekStart;
}

const FLOW_NAMES: Record<string, string> = { default: 'Default flow', youth: 'Youth flow' };

export function flowName(flow: string): string {
  if (flow === 'all') return 'All flows';
  return FLOW_NAMES[flow] ?? `${flow.charAt(0).toUpperCase()}${flow.slice(1)} flow`;
}

/** The feedback questions as the person saw them, and their answers in the order asked. */
export const FEEDBACK_QUESTIONS = [
  { key: 'gotWhatCameFor', question: 'Did you get what you came for today?', answers: { yes: 'Yes', partly: 'Partly', no: 'No' } },
  { key: 'helpful', question: 'How helpful was today’s session?', answers: { not_at_all: 'Not at all', a_little: 'A little', quite: 'Quite', very: 'Very' } },
  { key: 'nextStep', question: 'How likely are you to try the step you planned?', answers: { not_at_all: 'Not at all', a_little: 'A little', quite: 'Quite', very: 'Very' } },
] as const satisfies ReadonlyArray<{ key: keyof ServiceReport['feedback']; question: string; answers: Record<string, string> }>;

/** True when the range holds nothing at all to show. */
export function isEmptyReport(report: ServiceReport): boolean {
  return report.sessions.started === 0 && report.handoffs.count === 0 && report.urgentEscalations === 0;
}

/** A people count in words: "1 person", "3 people". */
export function people(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}
