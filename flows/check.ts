/**
 * Checks the shape of a flow that already passed load.ts: can every step be reached, does every
 * path end, do the `{answer}` placeholders and conditions name answers that were asked before?
 * A person must never get stuck in a flow, so these are errors, not warnings.
 * Also draws the flow as a Mermaid diagram for clinicians.
 */
import { RESERVED_STATES } from './compile.js';
import type { Condition, Flow, Step } from './schema.js';
import { didYouMean, stepLine, stepTexts, where } from './load.js';
import { FEEDBACK_SCALE, GOT_WHAT_CAME_FOR } from '../server/outcomes/record.js';

/** Parts of a plan answer a text can show; `when` is day and time in words ("Tomorrow at 10:00"). */
export const PLACEHOLDER_PLAN_FIELDS = ['what', 'day', 'time', 'when', 'where', 'obstacle', 'ifThen'];

/**
 * The answers the anonymous outcome record is made of (server/outcomes/record.ts), and the only
 * shape each may have: the widget copies these values into the record as they are, so a flow that
 * asks them another way would send values the service report cannot read.
 */
export const OUTCOME_CAPTURES: Record<string, { kind: 'rating' } | { kind: 'choice'; values: readonly string[] }> = {
  before: { kind: 'rating' },
  after: { kind: 'rating' },
  got_what_came_for: { kind: 'choice', values: GOT_WHAT_CAME_FOR },
  helpful: { kind: 'choice', values: FEEDBACK_SCALE },
  next_step: { kind: 'choice', values: FEEDBACK_SCALE },
  share_outcomes: { kind: 'choice', values: ['yes', 'no'] },
};

/** Where a step can go next. `leaves` lists flows an option switches to (that leaves this flow). */
export interface Exits {
  to: Array<{ id: string; label?: string; rule?: Condition | 'default' }>;
  leaves: Array<{ flow: string; label: string }>;
}

/** The successors of steps[i]. A step without `next` falls through to the following step. */
export function exits(flow: Flow, i: number): Exits {
  const step = flow.steps[i]!;
  const out: Exits = { to: [], leaves: [] };
  if (step.kind === 'end') return out;
  const defaults: Exits['to'] = [];
  if (typeof step.next === 'string') defaults.push({ id: step.next });
  else if (step.next) {
    const firstDefault = step.next.findIndex((r) => !r.if);
    const used = firstDefault < 0 ? step.next : step.next.slice(0, firstDefault + 1);
    for (const r of used) defaults.push({ id: r.goto, rule: r.if ?? 'default' });
  } else if (flow.steps[i + 1]) defaults.push({ id: flow.steps[i + 1]!.id });
  if (step.kind === 'choice' && !step.multiple) {
    const label = (o: (typeof step.options)[number]) => o.label[flow.locales[0]!] ?? o.value;
    for (const o of step.options) {
      if (o.goto) out.to.push({ id: o.goto, label: label(o) });
      if (o.flow) out.leaves.push({ flow: o.flow, label: label(o) });
    }
    if (step.options.some((o) => !o.goto)) out.to.push(...defaults);
  } else out.to.push(...defaults);
  // A step the service may not offer is passed through to its default next, answer or not.
  const fallthrough = defaults.find((d) => d.rule === undefined || d.rule === 'default');
  if (step.requires && fallthrough && !out.to.includes(fallthrough)) out.to.push({ ...fallthrough, label: `without ${step.requires}` });
  return out;
}

export interface CheckOptions {
  /** Ids of the other flows, to check options' `flow:` switches (the CLI passes them). */
  flows?: string[];
  /** Whether a flow that asks for free text must have a `safety` section (the CLI and the build ask). */
  requireSafety?: boolean;
}

/** Problems with a flow (empty when fine), each naming the file and the step. */
export function checkFlow(flow: Flow, file: string, options: CheckOptions = {}): string[] {
  const problems: string[] = [];
  const steps = flow.steps;
  const index = new Map(steps.map((s, i) => [s.id, i]));
  const report = (i: number, message: string) => {
    const line = stepLine(flow, i);
    problems.push(`${where(file, steps[i]!.id, i)}: ${message}${line ? ` (line ${line})` : ''}`);
  };
  const allExits = steps.map((_, i) => exits(flow, i));
  const succ = allExits.map((e) => e.to.map((t) => index.get(t.id)).filter((j) => j !== undefined));

  // Per-step rules.
  steps.forEach((step, i) => {
    if (step.kind === 'end' && step.next) report(i, 'an end step finishes the flow, so its "next" is never used; remove it');
    if (Array.isArray(step.next)) {
      const firstDefault = step.next.findIndex((r) => !r.if);
      if (firstDefault < 0) report(i, 'the last rule in "next" needs no "if": it is the default, used when no other rule fits');
      else if (firstDefault < step.next.length - 1)
        report(i, `next[${firstDefault + 1}] and later rules are never used: next[${firstDefault}] has no "if", so it always applies`);
    }
    if (step.kind === 'choice') {
      const seen = new Set<string>();
      step.options.forEach((o, k) => {
        if (seen.has(o.value)) report(i, `options[${k}]: the value "${o.value}" is used by another option too`);
        seen.add(o.value);
        if (step.multiple && (o.goto || o.flow)) report(i, `options[${k}]: "goto" and "flow" work only when one option is picked (multiple: false)`);
        if (o.flow && options.flows && !options.flows.includes(o.flow))
          report(i, `options[${k}].flow: there is no flow "${o.flow}"${didYouMean(o.flow, options.flows)}`);
      });
      if (!step.multiple && step.next && step.options.every((o) => o.goto)) report(i, 'every option has "goto", so "next" is never used');
      if (!step.multiple && step.other) report(i, '"other" (a "Something else" box) is shown only with multiple: true');
    }
    if (step.kind === 'rating' && step.min >= step.max) report(i, `min (${step.min}) must be below max (${step.max})`);
    if (step.kind === 'end' && step.requires) report(i, '"requires" on an end step: an end cannot be skipped, as nothing follows it; remove "requires"');
    for (const problem of outcomeProblems(step)) report(i, problem);
  });

  // Safety: the compiler adds states with these ids, and every free-text answer is assessed for risk,
  // so a flow that asks for free text needs the wording of its safety screen and check-in.
  steps.forEach((step, i) => {
    if (RESERVED_STATES.includes(step.id)) report(i, `the id "${step.id}" is kept for the widget's own screens; choose another`);
  });
  const freeText = steps.some((s) => s.kind === 'text' || s.kind === 'plan' || (s.kind === 'choice' && s.other));
  if (options.requireSafety && freeText && !flow.safety)
    problems.push(`${file}: the flow asks for free text, so it needs a "safety" section (the safety screen and check-in wording; see flows/default.flow.yaml)`);

  // Graph: reachable from the first step; no dead ends; an end reachable from everywhere.
  const reachable = closure([0], (i) => succ[i]!);
  const deadEnds = new Set<number>();
  steps.forEach((step, i) => {
    if (!reachable.has(i)) report(i, `unreachable: no path leads here from the first step "${steps[0]!.id}"`);
    else if (step.kind !== 'end' && succ[i]!.length === 0 && allExits[i]!.leaves.length === 0) {
      deadEnds.add(i);
      report(i, 'dead end: this is not an end step, and no step follows it (add "next", or make it kind: end)');
    }
  });
  // Dead ends count as finished here, so only real traps (loops with no way out) are reported next.
  const preds = steps.map(() => [] as number[]);
  succ.forEach((js, i) => js.forEach((j) => preds[j]!.push(i)));
  const finishing = steps.flatMap((s, i) => (s.kind === 'end' || allExits[i]!.leaves.length || deadEnds.has(i) ? [i] : []));
  const reachesEnd = closure(finishing, (i) => preds[i]!);
  for (const i of reachable) if (!reachesEnd.has(i)) report(i, 'can never reach an end: every path from here loops back without reaching an end step');

  // Answers: which are surely asked before each step, on every path from the start.
  const capturedBy = new Map<string, Step>();
  for (const s of steps) for (const name of captures(s)) capturedBy.set(name, s);
  const asked = askedBefore(flow, succ, reachable);
  steps.forEach((step, i) => {
    const before = asked[i] ?? new Set<string>();
    const after = new Set([...before, ...captures(step)]);
    const checkName = (field: string, name: string, shown: string, needAsked = true) => {
      const source = capturedBy.get(name);
      if (!source) report(i, `${field}: ${shown} names an answer that no step asks for${didYouMean(name, capturedBy.keys())}`);
      else if (needAsked && reachable.has(i) && !(field.startsWith('next') ? after : before).has(name))
        report(
          i,
          source.requires && source !== step
            ? `${field}: ${shown} may never be answered: step "${source.id}" is skipped when the service has ${source.requires} off`
            : `${field}: ${shown} may not be answered yet here: on some path, step "${source.id}" comes later`,
        );
    };
    for (const [field, text] of stepTexts(step)) {
      for (const t of Object.values(text)) {
        for (const [, inner] of t.matchAll(/\{([^{}]*)\}/g)) {
          // The same syntax text.ts fills in: {name}, {name+1}, {plan.what}, {plan.when}.
          const m = /^([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z]+))?(\+\d+)?$/.exec(inner!);
          if (!m) {
            report(i, `${field}: "{${inner}}" is not a placeholder; write {name}, {name+1} or {name.field}`);
            continue;
          }
          const [, name, part, plus] = m as unknown as [string, string, string?, string?];
          checkName(field, name, `"{${inner}}"`);
          const source = capturedBy.get(name);
          if (!source) continue;
          if (part && source.kind !== 'plan') report(i, `${field}: "{${inner}}": "${name}" is not a plan, so it has no ".${part}"`);
          else if (part && !PLACEHOLDER_PLAN_FIELDS.includes(part))
            report(i, `${field}: "{${inner}}": a plan has ${PLACEHOLDER_PLAN_FIELDS.join(', ')}`);
          if (plus && (source.kind !== 'rating' || part)) report(i, `${field}: "{${inner}}": ${plus} works only on a rating answer`);
        }
      }
    }
    if (Array.isArray(step.next)) {
      step.next.forEach((r, k) => {
        for (const c of r.if ? leaves(r.if) : []) {
          if (!('answer' in c)) continue;
          const field = `next[${k}].if`;
          checkName(field, c.answer, `"${c.answer}"`, !('given' in c));
          const source = capturedBy.get(c.answer);
          if (('below' in c || 'atLeast' in c) && source && source.kind !== 'rating')
            report(i, `${field}: "below"/"atLeast" compare numbers, but "${c.answer}" is a ${source.kind} answer`);
          const values = 'is' in c ? [c.is] : 'isOneOf' in c ? c.isOneOf : [];
          if (source?.kind === 'choice') {
            for (const v of values)
              if (!source.options.some((o) => o.value === v)) report(i, `${field}: "${c.answer}" has no option "${String(v)}"`);
          }
        }
      });
    }
  });
  return problems;
}

/** The answer names a step captures. */
export function captures(step: Step): string[] {
  const names = 'capture' in step ? [step.capture] : [];
  if (step.kind === 'choice' && step.other) names.push(step.other.capture);
  return names;
}

/** Whether a step that captures one of the outcome record's answers asks it in the record's shape. */
function outcomeProblems(step: Step): string[] {
  if (!('capture' in step)) return [];
  const wanted = OUTCOME_CAPTURES[step.capture];
  if (!wanted) return [];
  const name = `"${step.capture}" goes into the outcome record, so it`;
  if (wanted.kind === 'rating') {
    return step.kind === 'rating' && step.min === 0 && step.max === 10 ? [] : [`${name} must be a rating from 0 to 10 (kind: rating, min: 0, max: 10)`];
  }
  const list = wanted.values.join(', ');
  if (step.kind !== 'choice') return [`${name} must be a choice with the options ${list}`];
  const problems: string[] = [];
  const values = step.options.map((o) => o.value);
  if (step.multiple) problems.push(`${name} takes one option: remove "multiple"`);
  const unknown = values.filter((v) => !wanted.values.includes(v));
  const missing = wanted.values.filter((v) => !values.includes(v));
  if (unknown.length || missing.length) problems.push(`${name} must have exactly the options ${list} (${[...unknown.map((v) => `"${v}" is not one`), ...missing.map((v) => `"${v}" is missing`)].join('; ')})`);
  if (step.capture === 'share_outcomes' && step.requires !== 'outcomes')
    problems.push('the consent question for outcome records is for services that collect them: add "requires: outcomes"');
  return problems;
}

function leaves(c: Condition): Condition[] {
  return 'all' in c ? c.all.flatMap(leaves) : 'any' in c ? c.any.flatMap(leaves) : [c];
}

function closure(start: number[], next: (i: number) => number[]): Set<number> {
  const seen = new Set(start);
  const todo = [...start];
  while (todo.length) for (const j of next(todo.pop()!)) if (!seen.has(j)) (seen.add(j), todo.push(j));
  return seen;
}

/** For each reachable step, the answers asked on every path to it (a must-analysis to a fixpoint). */
function askedBefore(flow: Flow, succ: number[][], reachable: Set<number>): Array<Set<string> | undefined> {
  const sets: Array<Set<string> | undefined> = flow.steps.map(() => undefined); // undefined = not seen yet
  sets[0] = new Set();
  for (let changed = true; changed; ) {
    changed = false;
    for (const i of reachable) {
      const here = sets[i];
      if (!here) continue;
      // A step that `requires` a feature may be skipped, so its answer is never sure to be there.
      const step = flow.steps[i]!;
      const out = [...here, ...(step.requires ? [] : captures(step))];
      for (const j of succ[i]!) {
        const old = sets[j];
        const merged = j === 0 ? new Set<string>() : old ? new Set(out.filter((n) => old.has(n))) : new Set(out);
        if (!old || merged.size !== old.size) (sets[j] = merged), (changed = true);
      }
    }
  }
  return sets;
}

// ---- diagram ---------------------------------------------------------------------------------

/** The flow as a Mermaid `flowchart TD`; paste it into any Mermaid viewer (GitHub renders it). */
export function flowDiagram(flow: Flow): string {
  const locale = flow.locales[0]!;
  const node = (id: string) => `s_${id}`; // prefixed: Mermaid chokes on ids like "end"
  const q = (text: string) => `"${text.replace(/"/g, '#quot;').replace(/\s+/g, ' ')}"`;
  const short = (text: string) => (text.length > 48 ? `${text.slice(0, 45)}…` : text);
  const lines = ['flowchart TD'];
  const crisis: string[] = [];
  const optional: string[] = [];
  flow.steps.forEach((step, i) => {
    const first = step.say[0]?.[locale] ?? ('label' in step ? step.label[locale] : undefined) ?? ('title' in step ? step.title[locale] : '');
    const what = `${step.kind}${'capture' in step ? ` → ${step.capture}` : ''}`;
    const label = q(`<b>${step.id}</b><br/><i>${what}</i><br/>${short(first ?? '')}`);
    const shape = step.kind === 'end' || i === 0 ? `([${label}])` : step.kind === 'choice' ? `{{${label}}}` : `[${label}]`;
    lines.push(`  ${node(step.id)}${shape}`);
    if (step.crisis) crisis.push(node(step.id));
    if (step.requires) optional.push(node(step.id));
  });
  const switched = new Set<string>();
  flow.steps.forEach((step, i) => {
    const e = exits(flow, i);
    for (const t of e.to) {
      const label = t.label ?? (t.rule === 'default' ? 'otherwise' : t.rule ? describe(t.rule) : undefined);
      lines.push(`  ${node(step.id)} -->${label ? `|${q(short(label))}|` : ''} ${node(t.id)}`);
    }
    for (const l of e.leaves) {
      if (!switched.has(l.flow)) lines.push(`  flow_${l.flow.replace(/\W/g, '_')}[/${q(`${l.flow} flow`)}/]`);
      switched.add(l.flow);
      lines.push(`  ${node(step.id)} -.->|${q(short(`${l.label} (if enabled)`))}| flow_${l.flow.replace(/\W/g, '_')}`);
    }
  });
  if (crisis.length) lines.push('  classDef crisis stroke:#b00020,stroke-width:3px', `  class ${crisis.join(',')} crisis`);
  // Dashed: shown only where the service has the feature on (requires:), skipped otherwise.
  if (optional.length) lines.push('  classDef requires stroke-dasharray:5 5', `  class ${optional.join(',')} requires`);
  return lines.join('\n') + '\n';
}

/** A condition in words, e.g. `confidence < 7 and make_smaller seen < 2 times`. */
export function describe(c: Condition): string {
  if ('all' in c) return c.all.map(describe).join(' and ');
  if ('any' in c) return c.any.map(describe).join(' or ');
  if ('visits' in c) return `${c.visits} seen < ${c.below} times`;
  if ('below' in c) return `${c.answer} < ${c.below}`;
  if ('atLeast' in c) return `${c.answer} ≥ ${c.atLeast}`;
  if ('is' in c) return `${c.answer} is ${String(c.is)}`;
  if ('isOneOf' in c) return `${c.answer} is ${c.isOneOf.join(' or ')}`;
  return `${c.answer} ${c.given ? 'given' : 'not given'}`;
}
