/**
 * Turning flow text into what the person reads: picking the locale and putting their own words
 * into `{placeholders}`. Shared by the compiled machine (transcript) and the widget (plan card).
 * No zod here: this module ships to the browser.
 */
import type { Answers, AnswerValue, Flow, LocalText, PlanAnswer, Step } from './schema.js';

/** How answers that are not plain text read in a sentence, per locale (supplied by the widget). */
export interface AnswerFormat {
  rating(value: number, max: number): string;
  /** "Tomorrow at 10:00" */
  when(day: PlanAnswer['day'], time: string): string;
  /** Joins a list: "friends, music and a pet". */
  list(items: string[]): string;
  /** The person's reply when they skip an optional question. */
  skipped: string;
}

/** English wording, used by tests and as the fallback. */
export const englishFormat: AnswerFormat = {
  rating: (value, max) => `${value} out of ${max}`,
  when: (day, time) => `${['Today', 'Tomorrow', 'The day after tomorrow'][day] ?? 'Soon'} at ${time}`,
  list: (items) =>
    items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`,
  skipped: 'Skipped',
};

export function localize(text: LocalText | undefined, locale: string, fallback: string): string {
  if (!text) return '';
  return text[locale] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}

export function isPlan(value: AnswerValue | undefined): value is PlanAnswer {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Everything a template needs to read answers the way the person gave them. */
export interface TextContext {
  flow: Flow;
  locale: string;
  answers: Answers;
  format: AnswerFormat;
}

/** "Friends or family" reads "friends or family" mid-sentence; "I'd rather not say" and "TV" keep their capitals. */
function midSentence(label: string): string {
  if (/^I\b/.test(label) || /^.[A-Z]/.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

function choiceLabels(ctx: TextContext, capture: string, value: string | string[]): string[] {
  const step = ctx.flow.steps.find(
    (s): s is Extract<Step, { kind: 'choice' }> => s.kind === 'choice' && s.capture === capture,
  );
  const values = Array.isArray(value) ? value : [value];
  return values.map((v) => {
    const option = step?.options.find((o) => o.value === v);
    return option ? localize(option.label, ctx.locale, ctx.flow.locales[0]!) : v;
  });
}

/**
 * The answer named `path` ("goal", "plan.what", "plan.when") as words; empty when not given.
 * `standalone`: as the person's own reply (first choice keeps its capital), not inside a sentence.
 */
export function readAnswer(ctx: TextContext, path: string, standalone = false): string {
  const [name = '', field] = path.split('.');
  const value = ctx.answers[name];
  if (value === undefined) return '';
  if (isPlan(value)) {
    if (!field) return value.what;
    if (field === 'when') return ctx.format.when(value.day, value.time);
    const part = value[field as keyof PlanAnswer];
    return part === undefined ? '' : String(part);
  }
  if (typeof value === 'number') return String(value);
  const labels = isChoiceCapture(ctx, name)
    ? choiceLabels(ctx, name, value)
    : Array.isArray(value) ? [...value] : [value];
  // A multiple choice with a "something else" box reads as one list.
  const other = otherCapture(ctx, name);
  const otherText = other ? ctx.answers[other] : undefined;
  if (typeof otherText === 'string' && otherText.trim()) labels.push(otherText.trim());
  if (!isChoiceCapture(ctx, name)) return ctx.format.list(labels);
  return ctx.format.list(labels.map((label, i) => (standalone && i === 0 ? label : midSentence(label))));
}

function isChoiceCapture(ctx: TextContext, name: string): boolean {
  return ctx.flow.steps.some((s) => s.kind === 'choice' && s.capture === name);
}

function otherCapture(ctx: TextContext, name: string): string | undefined {
  for (const s of ctx.flow.steps) if (s.kind === 'choice' && s.capture === name) return s.other?.capture;
  return undefined;
}

/** Matches `{name}`, `{name+1}`, `{plan.what}`. */
export const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9_]*(?:\.[a-zA-Z]+)?)(?:\+(\d+))?\}/g;

export function fill(template: LocalText | undefined, ctx: TextContext): string {
  const text = localize(template, ctx.locale, ctx.flow.locales[0]!);
  return text.replace(PLACEHOLDER, (_, path: string, add?: string) => {
    if (add !== undefined) {
      const n = Number(ctx.answers[path]);
      return Number.isFinite(n) ? String(n + Number(add)) : '';
    }
    return readAnswer(ctx, path);
  });
}
