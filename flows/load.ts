/**
 * Reads a `*.flow.yaml` file into a validated `Flow`.
 *
 * Clinicians write these files by hand, so every problem is reported in words they can act on:
 * the file, the step (by its id, not only its index), the field, and the line. All problems are
 * collected at once, so one run of `npm run flows:check` shows everything to fix.
 * Graph rules (reachability, dead ends, `{answer}` placeholders) live in check.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import * as schema from './schema.js';
import { Flow, type LocalText, type Step } from './schema.js';

/** A flow file that cannot be used. `problems` holds one line per problem; `message` joins them. */
export class FlowError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(problems.join('\n'));
    this.name = 'FlowError';
  }
}

/** The `*.flow.yaml` files in a folder, sorted, as paths like `flows/default.flow.yaml`. */
export function listFlowFiles(dir = 'flows'): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.flow.yaml'))
    .sort()
    .map((name) => join(dir, name));
}

export function parseFlowFile(path: string): Flow {
  return parseFlowText(readFileSync(path, 'utf8'), path);
}

/** The line where each step starts, kept aside so check.ts can point at lines too. */
const stepLines = new WeakMap<Flow, number[]>();
export function stepLine(flow: Flow, index: number): number | undefined {
  return stepLines.get(flow)?.[index];
}

/** `flows/x.flow.yaml: step "best_hopes" (steps[3])` — the prefix of every problem about a step. */
export function where(file: string, id: unknown, index: number): string {
  return typeof id === 'string' ? `${file}: step "${id}" (steps[${index}])` : `${file}: steps[${index}]`;
}

/** Every clinician-written text of a step, with the field it sits in (e.g. `options[1].label`). */
export function stepTexts(step: Step): Array<[field: string, text: LocalText]> {
  const out: Array<[string, LocalText]> = step.say.map((t, i) => [`say[${i}]`, t]);
  const add = (field: string, text: LocalText | undefined) => text && out.push([field, text]);
  if ('label' in step) add('label', step.label);
  if ('continueLabel' in step) add('continueLabel', step.continueLabel);
  switch (step.kind) {
    case 'text':
      add('placeholder', step.placeholder);
      break;
    case 'choice':
      step.options.forEach((o, i) => add(`options[${i}].label`, o.label));
      add('other.label', step.other?.label);
      break;
    case 'rating':
      add('minLabel', step.minLabel);
      add('maxLabel', step.maxLabel);
      break;
    case 'content':
      add('title', step.title);
      step.paragraphs.forEach((p, i) => add(`paragraphs[${i}]`, p));
      add('example.quote', step.example?.quote);
      add('example.who', step.example?.who);
      break;
    case 'plan':
      for (const [name, f] of Object.entries(step.fields)) {
        add(`fields.${name}.label`, f.label);
        add(`fields.${name}.hint`, f.hint);
      }
      add('submitLabel', step.submitLabel);
      break;
    case 'summary':
      add('title', step.title);
      step.lines.forEach((l, i) => (add(`lines[${i}].label`, l.label), add(`lines[${i}].value`, l.value)));
      break;
    case 'end':
      step.links.forEach((l, i) => add(`links[${i}].label`, l.label));
      break;
  }
  return out;
}

/** The other step ids a step names: `next`, rule `goto`s, option `goto`s and `visits` conditions. */
export function stepRefs(step: Step): Array<[field: string, id: string]> {
  const out: Array<[string, string]> = [];
  const visits = (c: schema.Condition, field: string): void => {
    if ('visits' in c) out.push([field, c.visits]);
    if ('all' in c) c.all.forEach((x) => visits(x, field));
    if ('any' in c) c.any.forEach((x) => visits(x, field));
  };
  if (typeof step.next === 'string') out.push(['next', step.next]);
  else
    step.next?.forEach((r, i) => {
      out.push([`next[${i}].goto`, r.goto]);
      if (r.if) visits(r.if, `next[${i}].if`);
    });
  if (step.kind === 'choice') step.options.forEach((o, i) => o.goto && out.push([`options[${i}].goto`, o.goto]));
  return out;
}

export function parseFlowText(text: string, file: string): Flow {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const line = e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line;
      return `${file}${line ? `:${line}` : ''}: not valid YAML: ${e.message.split('\n')[0]}`;
    });
    throw new FlowError(file, problems);
  }
  const raw: unknown = doc.toJS();
  if (raw == null) throw new FlowError(file, [`${file}: the file is empty`]);
  // The line of the nearest node at or above a path, so even "missing" fields get a line.
  const lineOf = (path: PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const rawSteps = (raw as { steps?: unknown } | null)?.steps;
  const stepId = (i: number) => (Array.isArray(rawSteps) ? (rawSteps[i] as { id?: unknown } | null)?.id : undefined);

  /** `file: step "x" (steps[3]): field: message (line 42)` for a path into the raw data. */
  const problemAt = (path: PropertyKey[], message: string, linePath = path): string => {
    const line = lineOf(linePath);
    const suffix = line ? ` (line ${line})` : '';
    if (path[0] === 'steps' && typeof path[1] === 'number') {
      const field = formatPath(path.slice(2));
      return `${where(file, stepId(path[1]), path[1])}: ${field ? `${field}: ` : ''}${message}${suffix}`;
    }
    return `${file}: ${path.length ? `${formatPath(path)}: ` : ''}${message}${suffix}`;
  };

  const result = Flow.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.flatMap((i) => explain(i, [], raw));
    throw new FlowError(file, problems.map(([path, msg, linePath]) => problemAt(path, msg, linePath)));
  }
  const flow = result.data;
  stepLines.set(flow, flow.steps.map((_, i) => lineOf(['steps', i]) ?? 0));

  // Rules the schema cannot express: locales, unique ids and captures, references to steps.
  const problems: string[] = [];
  const at = (i: number, field: string, msg: string) => problemAt(['steps', i, ...splitPath(field)], msg);
  for (const locale of flow.locales) {
    if (!flow.title[locale]) problems.push(problemAt(['title'], `missing text for locale "${locale}"`));
  }
  // Every text of the safety section, in every locale: a person in crisis must not meet a gap.
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, [...path, i]));
    if (!value || typeof value !== 'object') return;
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.every(([k, v]) => /^[a-z]{2}(-[A-Z]{2})?$/.test(k) && typeof v === 'string')) {
      for (const locale of flow.locales) if (!(value as LocalText)[locale]) problems.push(problemAt(path, `missing text for locale "${locale}"`));
      return;
    }
    for (const [k, v] of entries) walk(v, [...path, k]);
  };
  if (flow.safety) walk(flow.safety, ['safety']);
  const ids = new Map<string, number>();
  const captures = new Map<string, string>();
  flow.steps.forEach((step, i) => {
    const first = ids.get(step.id);
    if (first !== undefined) problems.push(at(i, 'id', `the id "${step.id}" is already used by steps[${first}]`));
    else ids.set(step.id, i);
    for (const [field, t] of stepTexts(step)) {
      for (const locale of flow.locales) if (!t[locale]) problems.push(at(i, field, `missing text for locale "${locale}"`));
    }
    const names: Array<[string, string]> = [];
    if ('capture' in step) names.push(['capture', step.capture]);
    if (step.kind === 'choice' && step.other) names.push(['other.capture', step.other.capture]);
    for (const [field, name] of names) {
      const owner = captures.get(name);
      if (owner) problems.push(at(i, field, `the answer name "${name}" is already captured by step "${owner}"`));
      else captures.set(name, step.id);
    }
  });
  flow.steps.forEach((step, i) => {
    for (const [field, ref] of stepRefs(step)) {
      if (!ids.has(ref)) problems.push(at(i, field, `there is no step "${ref}"${didYouMean(ref, [...ids.keys()])}`));
    }
  });
  if (problems.length) throw new FlowError(file, problems);
  return flow;
}

// ---- turning zod issues into sentences -------------------------------------------------------

const CONDITION_HELP =
  'not a valid condition. Write one of: { answer, below }, { answer, atLeast }, { answer, is }, ' +
  '{ answer, isOneOf }, { answer, given }, { visits, below }, { all: [...] }, { any: [...] }';
const NEXT_HELP = 'next must be a step id, or a list of rules like "- { if: {...}, goto: step_id }"';

/** Every field name the format knows, for "did you mean" hints on typos. */
const KNOWN_FIELDS = [
  ...Object.values(schema).flatMap((s) => (s && typeof s === 'object' && 'shape' in s ? Object.keys(s.shape as object) : [])),
  ...Object.keys(schema.PlanStep.shape.fields.shape),
  'hint', 'quote', 'who', 'href', 'value', 'if', 'goto',
];

/** [where the problem is, what it is, and optionally a more precise place for the line number]. */
type Explained = [path: PropertyKey[], message: string, linePath?: PropertyKey[]];

function explain(issue: $ZodIssue, prefix: PropertyKey[], raw: unknown): Explained[] {
  const path = [...prefix, ...issue.path];
  const last = path[path.length - 1];
  const value = getAt(raw, path);
  switch (issue.code) {
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator === 'kind') {
        const kinds = (issue as { options?: unknown[] }).options?.join(', ') ?? '';
        return [[path, value === undefined ? `kind is missing; use one of: ${kinds}` : `kind "${String(value)}" is not one of: ${kinds}`]];
      }
      const inCondition = last === 'if' || path[path.length - 2] === 'all' || path[path.length - 2] === 'any';
      if (inCondition) return [[path, CONDITION_HELP]];
      // Keep the branches whose type matched (e.g. `next` was a list), then explain inside them.
      const fits = issue.errors.filter((b) => !b.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
      if (fits.length === 1) return fits[0]!.flatMap((i) => explain(i, path, raw));
      return [[path, last === 'next' ? NEXT_HELP : 'is not valid here']];
    }
    case 'invalid_type':
      if (value === undefined) return [[path, 'is required but missing']];
      return [[path, issue.expected === 'record' ? 'should be texts per locale, like "en: Hello"' : `should be a ${issue.expected}, not ${typeName(value)}`]];
    case 'unrecognized_keys':
      return issue.keys.map((k) => [path, `unknown field "${k}"${didYouMean(k, KNOWN_FIELDS)}`, [...path, k]]);
    case 'too_small':
      if (issue.origin === 'string') return [[path, 'is empty']];
      if (issue.origin === 'array') return [[path, `needs at least ${String(issue.minimum)} item(s)`]];
      return [[path, `is too small (at least ${String(issue.minimum)})`]];
    case 'too_big':
      return [[path, `is too big (at most ${String(issue.maximum)})`]];
    case 'invalid_format':
      return [[path, `"${String(value)}" is not ${issue.message}`]];
    case 'invalid_key': {
      // Usually `{ en: one, two }`: a comma inside { } splits the text. Quotes fix it.
      const key = String(last);
      const hint = value != null && !/\s/.test(key) ? '' : ' (if this is part of a text with a comma inside { }, put the whole text in "quotes")';
      return [[path.slice(0, -1), `"${key}" is not a locale code like "en"${hint}`]];
    }
    default:
      return [[path, issue.message]];
  }
}

function getAt(data: unknown, path: PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  return cur;
}

function typeName(value: unknown): string {
  return value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a block of fields' : `${typeof value} ${JSON.stringify(value)}`;
}

/** ['options', 1, 'label'] -> `options[1].label` */
function formatPath(path: PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

/** `options[1].label` -> ['options', 1, 'label'] (the inverse of formatPath). */
function splitPath(field: string): PropertyKey[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** ` (did you mean "label"?)` when a name is one or two typos away from a known one. */
export function didYouMean(name: string, known: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best && best !== name ? ` (did you mean "${best}"?)` : '';
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
