/**
 * Compiles a flow (validated data) into an XState v5 machine: one state per step.
 *
 * The machine holds everything the session needs to resume after a reload: the answers, the
 * transcript as the person saw it, and how often each step was visited (for bounded loops).
 * It never talks to the network; the widget persists its snapshot in the browser.
 * Ships to the browser, so it imports no validator.
 */
import { assign, setup, type SnapshotFrom, type ActorRefFrom } from 'xstate';
import type { AnswerValue, Answers, Condition, Feature, Flow, Next, SafetyPlan, Step } from './schema.js';
import type { RiskLevel } from './safety/assess.js';
import { englishFormat, fill, isPlan, localize, readAnswer, type AnswerFormat, type TextContext } from './text.js';

export interface TranscriptEntry {
  id: number;
  from: 'bot' | 'person';
  text: string;
  /** `content`: a short lesson with a title; `quote`: a peer's words; `card`: the plan card. */
  style?: 'content' | 'quote' | 'card';
  title?: string;
  lines?: Array<{ label: string; value: string }>;
}

export interface SessionContext {
  flowId: string;
  locale: string;
  answers: Answers;
  transcript: TranscriptEntry[];
  visits: Record<string, number>;
  /** Flows the service enables; an age-band option may move the person into one of them. */
  enabledFlows: string[];
  switchTo: string | null;
  /** The highest risk any answer showed (see flows/safety/); it never goes down. */
  risk: RiskLevel;
  /** The brief safety plan written on the safety screen, kept for the plan card. */
  safetyPlan: SafetyPlan | null;
  /** On the safety screen or the check-in: the step the flow would have gone to. */
  resumeTo: string | null;
  /** The service collects outcome records: steps with `requires: outcomes` are shown. */
  outcomes: boolean;
}

/** The states the compiler adds to every flow; a step cannot use these ids. */
export const RESERVED_STATES = ['safety', 'check_in', 'switching'];
const LEVELS: RiskLevel[] = ['none', 'concern', 'urgent'];
export const higherRisk = (a: RiskLevel, b: RiskLevel | undefined): RiskLevel => (LEVELS.indexOf(b ?? 'none') > LEVELS.indexOf(a) ? b! : a);

export type SessionEvent =
  /** `risk`: what the widget's assessment of the free text in the answer found (none when absent). */
  | { type: 'answer.submitted'; value: AnswerValue; other?: string; risk?: RiskLevel }
  | { type: 'step.continued' }
  /** The person saved their safety plan (they stay on the safety screen). */
  | { type: 'safety.planned'; plan: SafetyPlan }
  /** The person chose, and confirmed, to carry on with the session from the safety screen. */
  | { type: 'safety.resumed' }
  /** At the check-in, the person answered yes to the direct question: the safety screen comes next. */
  | { type: 'check_in.yes' };

export interface SessionInput {
  enabledFlows?: string[];
  /** The service's outcomes switch (PublicConfig.outcomes); off unless the service says so. */
  outcomes?: boolean;
}

/** Whether the session has a feature a step requires (a snapshot from before it existed has none). */
export const hasFeature = (context: Pick<SessionContext, 'outcomes'>, feature: Feature | undefined): boolean =>
  feature === undefined || (feature === 'outcomes' && context.outcomes === true);

export interface SessionOutput {
  completed: boolean;
  switchTo: string | null;
}

export interface CompileOptions {
  locale?: string;
  format?: AnswerFormat;
}

/** Where a step leads: rules in order, the first whose condition holds wins. */
function rulesOf(steps: Step[], index: number): Array<{ when?: Condition; goto: string }> {
  const step = steps[index]!;
  const next: Next | undefined = step.next;
  if (typeof next === 'string') return [{ goto: next }];
  if (Array.isArray(next)) return next.map((r) => (r.if ? { when: r.if, goto: r.goto } : { goto: r.goto }));
  const following = steps[index + 1];
  return following ? [{ goto: following.id }] : [];
}

export function holds(condition: Condition, answers: Answers, visits: Record<string, number>): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, answers, visits));
  if ('any' in condition) return condition.any.some((c) => holds(c, answers, visits));
  if ('visits' in condition) return (visits[condition.visits] ?? 0) < condition.below;
  const value = answers[condition.answer];
  if ('given' in condition) return (value !== undefined && value !== '') === condition.given;
  if ('below' in condition) return typeof value === 'number' && value < condition.below;
  if ('atLeast' in condition) return typeof value === 'number' && value >= condition.atLeast;
  if ('is' in condition) return Array.isArray(value) ? value.includes(String(condition.is)) : value === condition.is;
  return condition.isOneOf.some((v) => (Array.isArray(value) ? value.includes(String(v)) : value === v));
}

/** Whether `value` is an acceptable answer to `step`. The widget checks first and explains; this is the guard. */
export function acceptable(step: Step, value: AnswerValue): boolean {
  switch (step.kind) {
    case 'text':
      return typeof value === 'string' && value.length <= step.maxLength && (step.optional || value.trim() !== '');
    case 'rating':
      return typeof value === 'number' && Number.isInteger(value) && value >= step.min && value <= step.max;
    case 'choice': {
      const known = (v: unknown) => step.options.some((o) => o.value === v);
      if (step.multiple) return Array.isArray(value) && value.every(known);
      return typeof value === 'string' && known(value);
    }
    case 'plan':
      return isPlan(value) && value.what.trim() !== '' && [0, 1, 2].includes(value.day) && /^\d\d:\d\d$/.test(value.time);
    default:
      return false;
  }
}

export function compileFlow(flow: Flow, options: CompileOptions = {}) {
  const fallback = flow.locales[0]!;
  const locale = options.locale && flow.locales.includes(options.locale) ? options.locale : fallback;
  const format = options.format ?? englishFormat;
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const textCtx = (answers: Answers): TextContext => ({ flow, locale, answers, format });

  /** What the person said, as it appears in the transcript. */
  function answerText(step: Step, value: AnswerValue, answers: Answers): string {
    if (step.kind === 'rating' && typeof value === 'number') return format.rating(value, step.max);
    if (step.kind === 'plan' && isPlan(value)) return [value.what, format.when(value.day, value.time), value.where].filter(Boolean).join(' · ');
    if (step.kind === 'text' && typeof value === 'string' && value.trim() === '') return format.skipped;
    return readAnswer(textCtx(answers), 'capture' in step ? step.capture : '', true);
  }

  /** Bot bubbles for entering a step, with the person's earlier words filled in. */
  function entering(step: Step, ctx: SessionContext): TranscriptEntry[] {
    const t = textCtx(ctx.answers);
    let id = ctx.transcript.length;
    const out: TranscriptEntry[] = step.say.map((s) => ({ id: id++, from: 'bot', text: fill(s, t) }));
    if (step.kind === 'content') {
      out.push({ id: id++, from: 'bot', style: 'content', title: fill(step.title, t), text: step.paragraphs.map((p) => fill(p, t)).join('\n\n') });
      if (step.example) out.push({ id: id++, from: 'bot', style: 'quote', text: fill(step.example.quote, t), title: fill(step.example.who, t) });
    }
    if (step.kind === 'summary') {
      const lines = step.lines
        .map((l) => ({ label: fill(l.label, t), value: fill(l.value, t).trim() }))
        .filter((l) => l.value !== ''); // a skipped optional answer leaves no empty line
      out.push({ id: id++, from: 'bot', style: 'card', title: fill(step.title, t), text: '', lines });
      const plan = ctx.safetyPlan;
      const safety = flow.safety?.plan;
      if (plan && safety) {
        const safetyLines = (Object.keys(safety.fields) as Array<keyof SafetyPlan>)
          .map((k) => ({ label: localize(safety.fields[k].label, locale, fallback), value: (plan[k] ?? '').trim() }))
          .filter((l) => l.value !== '');
        if (safetyLines.length) out.push({ id: id++, from: 'bot', style: 'card', title: localize(safety.title, locale, fallback), text: '', lines: safetyLines });
      }
    }
    return out;
  }

  const states: Record<string, object> = {};
  flow.steps.forEach((step, index) => {
    const entry = [{ type: 'enterStep' as const, params: { stepId: step.id } }];
    if (step.kind === 'end') {
      states[step.id] = { type: 'final', entry };
      return;
    }
    const rules = rulesOf(flow.steps, index);
    // A step the service does not offer is passed through at once, to its default next: entering it
    // adds nothing to the transcript or the visits (see enterStep), so the person never sees it.
    const fallthrough = rules.find((r) => !r.when)?.goto;
    const skip = step.requires && fallthrough ? { always: { guard: { type: 'lacks', params: { feature: step.requires } }, target: fallthrough } } : {};
    const transitions: object[] = [];
    const takesAnswer = 'capture' in step;
    if (step.kind === 'choice' && !step.multiple) {
      // An option can switch flow (only where the service enables it) or jump to its own step.
      for (const option of step.options) {
        if (option.flow) {
          transitions.push({
            guard: { type: 'picks', params: { stepId: step.id, value: option.value, flow: option.flow } },
            target: '#session.switching',
            actions: [{ type: 'record', params: { stepId: step.id } }, { type: 'switchFlow', params: { flow: option.flow } }],
          });
        }
        if (option.goto) {
          transitions.push({
            guard: { type: 'picks', params: { stepId: step.id, value: option.value } },
            target: option.goto,
            actions: [{ type: 'record', params: { stepId: step.id } }],
          });
        }
      }
    }
    for (const rule of rules) {
      const actions = takesAnswer ? [{ type: 'record', params: { stepId: step.id } }] : [];
      // An answer showing risk is recorded, then the safety screen (urgent) or the check-in (concern)
      // comes first; either remembers where the flow was going and continues there afterwards.
      if (takesAnswer) {
        for (const [level, pause] of [['urgent', 'safety'], ['concern', 'check_in']] as const) {
          transitions.push({
            guard: { type: 'rule', params: { stepId: step.id, when: rule.when, risk: level } },
            target: `#session.${pause}`,
            actions: [...actions, { type: 'pause', params: { resumeTo: rule.goto } }],
          });
        }
      }
      transitions.push({ guard: { type: 'rule', params: { stepId: step.id, when: rule.when } }, target: rule.goto, actions });
    }
    states[step.id] = { entry, ...skip, on: { [takesAnswer ? 'answer.submitted' : 'step.continued']: transitions } };
  });
  states.switching = { type: 'final' };
  // Back to where the flow was going: one transition per step, as targets are fixed in a statechart.
  const resume = flow.steps.map((s) => ({ guard: { type: 'resumesTo', params: { stepId: s.id } }, target: s.id, actions: 'resumed' }));
  states.safety = { on: { 'safety.planned': { actions: 'keepPlan' }, 'safety.resumed': resume } };
  // The safety wording loads after the machine is made (a chunk of its own), so these transitions
  // exist whatever it says; the actions read it when they run.
  states.check_in = {
    entry: 'checkIn',
    on: {
      'step.continued': resume.map((t) => ({ ...t, actions: [{ type: 'checkInAnswer', params: { yes: false } }, 'resumed'] })),
      'check_in.yes': { target: 'safety', actions: [{ type: 'checkInAnswer', params: { yes: true } }] },
    },
  };

  /** Answers as they would be after this event, so a rule can branch on the answer just given. */
  const answersAfter = (ctx: SessionContext, stepId: string, event: SessionEvent): Answers => {
    const step = byId.get(stepId);
    if (event.type !== 'answer.submitted' || !step || !('capture' in step)) return ctx.answers;
    return { ...ctx.answers, [step.capture]: event.value };
  };

  return setup({
    types: {
      context: {} as SessionContext,
      events: {} as SessionEvent,
      input: {} as SessionInput,
      output: {} as SessionOutput,
    },
    guards: {
      rule: ({ context, event }, params: { stepId: string; when?: Condition; risk?: RiskLevel }) => {
        const step = byId.get(params.stepId)!;
        if (event.type === 'answer.submitted' && !acceptable(step, event.value)) return false;
        if (params.risk && (event.type !== 'answer.submitted' || event.risk !== params.risk)) return false;
        return !params.when || holds(params.when, answersAfter(context, params.stepId, event), context.visits);
      },
      picks: ({ context, event }, params: { stepId: string; value: string; flow?: string }) =>
        event.type === 'answer.submitted' &&
        event.value === params.value &&
        acceptable(byId.get(params.stepId)!, event.value) &&
        (!params.flow || (params.flow !== context.flowId && context.enabledFlows.includes(params.flow))),
      resumesTo: ({ context }, params: { stepId: string }) => context.resumeTo === params.stepId,
      lacks: ({ context }, params: { feature: Feature }) => !hasFeature(context, params.feature),
    },
    actions: {
      enterStep: assign(({ context }, params: { stepId: string }) => {
        const step = byId.get(params.stepId)!;
        if (!hasFeature(context, step.requires)) return {};
        return {
          transcript: [...context.transcript, ...entering(step, context)],
          visits: { ...context.visits, [step.id]: (context.visits[step.id] ?? 0) + 1 },
        };
      }),
      record: assign(({ context, event }, params: { stepId: string }) => {
        if (event.type !== 'answer.submitted') return {};
        const step = byId.get(params.stepId)!;
        const answers = answersAfter(context, params.stepId, event);
        // The "something else" box of a choice arrives with it; keep it under its own name.
        if (step.kind === 'choice' && step.other && event.other !== undefined) answers[step.other.capture] = event.other;
        const said: TranscriptEntry = { id: context.transcript.length, from: 'person', text: answerText(step, event.value, answers) };
        return { answers, transcript: [...context.transcript, said], risk: higherRisk(context.risk, event.risk) };
      }),
      pause: assign((_, params: { resumeTo: string }) => ({ resumeTo: params.resumeTo })),
      resumed: assign({ resumeTo: null }),
      keepPlan: assign(({ event }) => (event.type === 'safety.planned' ? { safetyPlan: event.plan } : {})),
      checkIn: assign(({ context }) => {
        const t = textCtx(context.answers);
        const said = [...(flow.safety?.checkIn.say ?? []), ...(flow.safety?.checkIn.ask ? [flow.safety.checkIn.ask.question] : [])];
        return { transcript: [...context.transcript, ...said.map((s, i): TranscriptEntry => ({ id: context.transcript.length + i, from: 'bot', text: fill(s, t) }))] };
      }),
      // The answer to the direct question, in the person's words on the button; yes makes the session urgent.
      checkInAnswer: assign(({ context }, params: { yes: boolean }) => {
        const ask = flow.safety?.checkIn.ask;
        const risk = params.yes ? ('urgent' as const) : context.risk;
        if (!ask) return { risk };
        const text = fill(params.yes ? ask.yes : flow.safety!.checkIn.continueLabel, textCtx(context.answers));
        return { risk, transcript: [...context.transcript, { id: context.transcript.length, from: 'person' as const, text }] };
      }),
      switchFlow: assign((_, params: { flow: string }) => ({ switchTo: params.flow })),
    },
  }).createMachine({
    id: 'session',
    initial: flow.steps[0]!.id,
    context: ({ input }) => ({
      flowId: flow.id,
      locale,
      answers: {},
      transcript: [],
      visits: {},
      enabledFlows: input?.enabledFlows ?? [flow.id],
      switchTo: null,
      risk: 'none',
      safetyPlan: null,
      resumeTo: null,
      outcomes: input?.outcomes === true,
    }),
    // The states object is built from data, so its keys are not known to the type system.
    states: states as never,
    output: ({ context }) => ({ completed: context.switchTo === null, switchTo: context.switchTo }),
  });
}

export type SessionMachine = ReturnType<typeof compileFlow>;
export type SessionSnapshot = SnapshotFrom<SessionMachine>;
export type SessionActor = ActorRefFrom<SessionMachine>;

/** The step the snapshot is on (undefined once the session is over or switching flow). */
export function currentStep(flow: Flow, snapshot: { value: unknown }): Step | undefined {
  return flow.steps.find((s) => s.id === snapshot.value);
}

export { localize };
