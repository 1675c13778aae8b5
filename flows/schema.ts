/**
 * The flow format: what a clinician writes in `flows/*.flow.yaml`.
 *
 * A flow is a list of steps. Each step says something (text per locale), may ask for an answer
 * that is captured under a name, and names the step that follows (or a list of rules choosing it).
 * Only this module imports zod: the widget receives flows that were validated at build time, so the
 * browser never pays for the validator.
 */
import { z } from 'zod';

/** Text in one or more locales, e.g. `{ en: "Hello" }`. Which locales are required is checked per flow. */
export const LocalText = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a locale code like "en"'), z.string().min(1));
export type LocalText = z.infer<typeof LocalText>;

const StepId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a step id in lower_snake_case');
const AnswerName = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'an answer name made of letters, digits and _');

/** A condition on what the person has answered so far (or how often a step was visited). */
export type Condition =
  | { answer: string; below: number }
  | { answer: string; atLeast: number }
  | { answer: string; is: string | number }
  | { answer: string; isOneOf: Array<string | number> }
  | { answer: string; given: boolean }
  | { visits: string; below: number }
  | { all: Condition[] }
  | { any: Condition[] };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ answer: AnswerName, below: z.number() }),
    z.strictObject({ answer: AnswerName, atLeast: z.number() }),
    z.strictObject({ answer: AnswerName, is: z.union([z.string(), z.number()]) }),
    z.strictObject({ answer: AnswerName, isOneOf: z.array(z.union([z.string(), z.number()])).min(1) }),
    z.strictObject({ answer: AnswerName, given: z.boolean() }),
    z.strictObject({ visits: StepId, below: z.number().int().positive() }),
    z.strictObject({ all: z.array(Condition).min(1) }),
    z.strictObject({ any: z.array(Condition).min(1) }),
  ]),
);

/** `next: step_id`, or rules tried in order; the last rule has no `if` and is the default. */
export const Rule = z.strictObject({ if: Condition.optional(), goto: StepId });
export const Next = z.union([StepId, z.array(Rule).min(1)]);
export type Next = z.infer<typeof Next>;

const base = {
  id: StepId,
  /** Bot bubbles shown when the step starts. `{answer}` and `{answer+1}` insert earlier answers. */
  say: z.array(LocalText).default([]),
  /** Defaults to the step that follows in the list. */
  next: Next.optional(),
  /** Show the service's crisis resources (from its configuration) under this step's text. */
  crisis: z.boolean().default(false),
  /** A note for other clinicians: why this step exists. Never shown to the person. */
  note: z.string().optional(),
  /**
   * Shown only when the service has this feature on; otherwise the step is skipped and the flow
   * goes to its default next (the `next` without `if`, or the step that follows).
   */
  requires: z.enum(['outcomes'], { error: 'the only feature a step can require is "outcomes"' }).optional(),
};

export const MessageStep = z.strictObject({
  ...base,
  kind: z.literal('message'),
  continueLabel: LocalText.optional(),
});

export const TextStep = z.strictObject({
  ...base,
  kind: z.literal('text'),
  capture: AnswerName,
  /** Accessible name of the text box, e.g. "Your best hopes". */
  label: LocalText,
  placeholder: LocalText.optional(),
  optional: z.boolean().default(false),
  maxLength: z.number().int().min(20).max(2000).default(1000),
});

export const ChoiceOption = z.strictObject({
  value: z.string().min(1),
  label: LocalText,
  /** Overrides the step's `next` when this option is picked (single choice only). */
  goto: StepId.optional(),
  /** Moves the person into another flow, when the service enables that flow. */
  flow: z.string().optional(),
});

export const ChoiceStep = z.strictObject({
  ...base,
  kind: z.literal('choice'),
  capture: AnswerName,
  label: LocalText,
  options: z.array(ChoiceOption).min(1),
  /** Several options may be picked (then a "Continue" button submits them). */
  multiple: z.boolean().default(false),
  /** An extra free-text box ("Something else") captured under its own name. */
  other: z.strictObject({ capture: AnswerName, label: LocalText }).optional(),
  continueLabel: LocalText.optional(),
});

export const RatingStep = z.strictObject({
  ...base,
  kind: z.literal('rating'),
  capture: AnswerName,
  label: LocalText,
  min: z.number().int().default(0),
  max: z.number().int().default(10),
  minLabel: LocalText,
  maxLabel: LocalText,
});

export const ContentStep = z.strictObject({
  ...base,
  kind: z.literal('content'),
  title: LocalText,
  paragraphs: z.array(LocalText).min(1),
  /** A short peer-style example, shown as a quote. */
  example: z.strictObject({ quote: LocalText, who: LocalText }).optional(),
  continueLabel: LocalText.optional(),
});

const PlanField = z.strictObject({ label: LocalText, hint: LocalText.optional() });
export const PlanStep = z.strictObject({
  ...base,
  kind: z.literal('plan'),
  capture: AnswerName,
  /** The step (what), when (day and time within 48 hours), where, the likely obstacle and the if-then plan. */
  fields: z.strictObject({
    what: PlanField,
    day: PlanField,
    time: PlanField,
    where: PlanField,
    obstacle: PlanField,
    ifThen: PlanField,
  }),
  submitLabel: LocalText,
});

export const SummaryStep = z.strictObject({
  ...base,
  kind: z.literal('summary'),
  title: LocalText,
  /** Lines of the plan card: a label and a template made of the person's own answers. */
  lines: z.array(z.strictObject({ label: LocalText, value: LocalText })).min(1),
  continueLabel: LocalText.optional(),
});

export const EndStep = z.strictObject({
  ...base,
  kind: z.literal('end'),
  /** Links shown on the last screen (service pages, come back any time). */
  // Only web, phone and mail links: a "javascript:" link would run on the host page.
  links: z
    .array(z.strictObject({ label: LocalText, href: z.string().regex(/^(https?:\/\/|\/|tel:|sms:|mailto:)/, 'a link starting with https://, /, tel:, sms: or mailto:') }))
    .default([]),
});

export const Step = z.discriminatedUnion('kind', [
  MessageStep,
  TextStep,
  ChoiceStep,
  RatingStep,
  ContentStep,
  PlanStep,
  SummaryStep,
  EndStep,
]);
export type Step = z.infer<typeof Step>;
export type StepKind = Step['kind'];
/** Service features a step can depend on (`requires:`). */
export type Feature = NonNullable<Step['requires']>;

/**
 * What the widget says when an answer shows risk (see flows/safety/). Clinicians' words, per flow.
 * `checkIn` follows an answer of concern; `screen` is the safety screen after an urgent one, which
 * the flow leaves only when the person chooses to; `plan` is the brief safety plan they can keep.
 */
const SafetyField = z.strictObject({ label: LocalText, hint: LocalText.optional() });
export const Safety = z.strictObject({
  checkIn: z.strictObject({
    say: z.array(LocalText).min(1),
    /**
     * Asked straight after `say`: the engine cannot read every way of saying it, so the person is
     * asked directly. "Yes" goes to the safety screen; `continueLabel` is the other answer.
     */
    ask: z.strictObject({ question: LocalText, yes: LocalText }).optional(),
    continueLabel: LocalText,
  }),
  screen: z.strictObject({
    title: LocalText,
    say: z.array(LocalText).min(1),
    talkNow: LocalText,
    planIntro: LocalText,
    savePlan: LocalText,
    planSaved: LocalText,
    continueLabel: LocalText,
    /** Asked after "Continue the session": a single tap never leaves the safety screen. */
    confirm: LocalText,
    confirmYes: LocalText,
    notNow: LocalText,
  }),
  plan: z.strictObject({
    title: LocalText,
    fields: z.strictObject({
      warningSigns: SafetyField,
      whatHelps: SafetyField,
      people: SafetyField,
      professionals: SafetyField,
      safeSpace: SafetyField,
    }),
  }),
});
export type Safety = z.infer<typeof Safety>;
/** The safety plan as the person wrote it (each field may be empty). */
export type SafetyPlan = Record<keyof Safety['plan']['fields'], string>;

export const Flow = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  version: z.number().int().positive(),
  title: LocalText,
  /** Locales every text in the flow must have; the first is the default. */
  locales: z.array(z.string()).min(1),
  /** Who the flow is for; shown to other clinicians only. */
  audience: z.string().optional(),
  steps: z.array(Step).min(1),
  /** Required by `flows:check` for every flow that asks for free text. */
  safety: Safety.optional(),
});
export type Flow = z.infer<typeof Flow>;

/** A plan as captured by a `plan` step. `day` is 0 (today), 1 (tomorrow) or 2; `time` is "HH:MM". */
export interface PlanAnswer {
  what: string;
  day: 0 | 1 | 2;
  time: string;
  where: string;
  obstacle: string;
  ifThen: string;
  /** The calendar date the day refers to ("YYYY-MM-DD"), fixed when the plan was made. */
  date?: string;
}
export type AnswerValue = string | number | string[] | PlanAnswer;
export type Answers = Record<string, AnswerValue>;
