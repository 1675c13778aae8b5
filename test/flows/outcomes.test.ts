/**
 * Outcome measures in flows: `requires: outcomes` in the schema, the checker and the compiled
 * machine (the consent and feedback steps appear only where the service collects outcomes), and
 * the answers that go into the outcome record asked only in the record's shape.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { checkFlow, exits } from '../../flows/check.js';
import { compileFlow, currentStep, type SessionActor } from '../../flows/compile.js';
import { FlowError, parseFlowFile, parseFlowText } from '../../flows/load.js';
import type { AnswerValue, Flow, PlanAnswer } from '../../flows/schema.js';
import { FEEDBACK_SCALE, GOT_WHAT_CAME_FOR } from '../../server/outcomes/record.js';

const FILE = 'flows/test.flow.yaml';
const HEADER = 'id: test\nversion: 1\ntitle: { en: Test }\nlocales: [en]\nsteps:\n';
const END = '  - { id: done, kind: end }\n';

function parse(steps: string): Flow {
  return parseFlowText(HEADER + steps, FILE);
}
function problems(steps: string): string[] {
  try {
    return checkFlow(parse(steps), FILE);
  } catch (err) {
    if (err instanceof FlowError) return err.problems;
    throw err;
  }
}

const options = (values: readonly string[]) => `[${values.map((v) => `{ value: "${v}", label: { en: "${v}" } }`).join(', ')}]`;
const choice = (id: string, capture: string, values: readonly string[], extra = '') =>
  `  - { id: ${id}, kind: choice, capture: ${capture}, label: { en: Q }, options: ${options(values)}${extra} }\n`;
const rating = (id: string, capture: string, extra = '') =>
  `  - { id: ${id}, kind: rating, capture: ${capture}, label: { en: R }, minLabel: { en: lo }, maxLabel: { en: hi }${extra} }\n`;
const CONSENT = choice('consent', 'share_outcomes', ['yes', 'no'], ', requires: outcomes');

describe('requires: outcomes', () => {
  it('is accepted on a step, and only names features the widget knows', () => {
    expect(problems(CONSENT + END)).toEqual([]);
    expect(parse(CONSENT + END).steps[0]).toMatchObject({ requires: 'outcomes' });
    const p = problems('  - { id: start, kind: message, requires: reports }\n' + END);
    expect(p).toEqual([expect.stringContaining('step "start" (steps[0]): requires:')]);
    expect(p[0]).toContain('outcomes');
  });

  it('is refused on an end step, which cannot be skipped', () => {
    expect(problems('  - { id: start, kind: message }\n  - { id: done, kind: end, requires: outcomes }\n')).toEqual([
      expect.stringContaining('step "done" (steps[1]): "requires" on an end step'),
    ]);
  });

  it('makes the default next a way on even when every option has its own goto', () => {
    const steps =
      choice('ask', 'share_outcomes', ['yes', 'no'], ', requires: outcomes, next: after').replace(
        /\{ value: "(yes|no)", label: \{ en: "\1" \} \}/g,
        '{ value: "$1", label: { en: "$1" }, goto: done }',
      ) +
      '  - { id: after, kind: message }\n' +
      END;
    // Without requires, "after" could never be reached (every option jumps to "done").
    expect(problems(steps)).toContainEqual(expect.stringContaining('every option has "goto", so "next" is never used'));
    expect(exits(parse(steps), 0).to).toContainEqual({ id: 'after', label: 'without outcomes' });
    expect(problems(steps).filter((p) => p.includes('unreachable'))).toEqual([]);
  });

  it('means an answer it captures may never be given, so later text cannot rely on it', () => {
    const p = problems(CONSENT + '  - { id: show, kind: message, say: [{ en: "You said {share_outcomes}." }] }\n' + END);
    expect(p).toEqual([
      expect.stringContaining('say[0]: "{share_outcomes}" may never be answered: step "consent" is skipped when the service has outcomes off'),
    ]);
    // Asking whether it was given is fine: that holds either way.
    const given = '  - { id: show, kind: message, next: [{ if: { answer: share_outcomes, given: true }, goto: done }, { goto: done }] }\n';
    expect(problems(CONSENT + given + END)).toEqual([]);
  });
});

describe('answers that go into the outcome record', () => {
  it('accepts each in the record’s shape', () => {
    const steps =
      rating('b', 'before') +
      rating('a', 'after') +
      choice('g', 'got_what_came_for', GOT_WHAT_CAME_FOR) +
      choice('h', 'helpful', [...FEEDBACK_SCALE].reverse()) +
      choice('n', 'next_step', FEEDBACK_SCALE, ', requires: outcomes') +
      CONSENT +
      END;
    expect(problems(steps)).toEqual([]);
  });

  it('reports a check-in that is not a 0 to 10 rating', () => {
    expect(problems(rating('b', 'before', ', max: 5') + END)).toEqual([
      expect.stringContaining('step "b" (steps[0]): "before" goes into the outcome record, so it must be a rating from 0 to 10'),
    ]);
    expect(problems('  - { id: a, kind: text, capture: after, label: { en: T } }\n' + END)[0]).toContain('"after" goes into the outcome record');
  });

  it('reports feedback choices with other values, missing values, several picks or another kind', () => {
    const wrong = problems(choice('g', 'got_what_came_for', ['yes', 'sort_of', 'no']) + END).join('\n');
    expect(wrong).toContain('"got_what_came_for" goes into the outcome record, so it must have exactly the options yes, partly, no');
    expect(wrong).toContain('"sort_of" is not one; "partly" is missing');
    const multiple = problems(choice('h', 'helpful', FEEDBACK_SCALE, ', multiple: true') + END).join('\n');
    expect(multiple).toContain('"helpful" goes into the outcome record, so it takes one option: remove "multiple"');
    expect(problems(rating('n', 'next_step') + END)[0]).toContain('"next_step" goes into the outcome record, so it must be a choice with the options not_at_all, a_little, quite, very');
  });

  it('asks for consent only where the service collects outcomes, with yes and no', () => {
    expect(problems(choice('consent', 'share_outcomes', ['yes', 'no']) + END)).toEqual([
      expect.stringContaining('the consent question for outcome records is for services that collect them: add "requires: outcomes"'),
    ]);
    expect(problems(choice('consent', 'share_outcomes', ['yes', 'later'], ', requires: outcomes') + END)[0]).toContain(
      '"later" is not one; "no" is missing',
    );
  });
});

// ---- the bundled flows, compiled -----------------------------------------------------------------

const PLAN: PlanAnswer = { what: 'Text my sister', day: 1, time: '18:00', where: 'At home', obstacle: 'Feeling flat', ifThen: 'I will send one word' };
const bundled = { default: parseFlowFile('flows/default.flow.yaml'), youth: parseFlowFile('flows/youth.flow.yaml') };

function start(flow: Flow, outcomes: boolean | undefined): SessionActor {
  return createActor(compileFlow(flow), { input: { enabledFlows: ['default', 'youth'], outcomes } }).start();
}

/** Ordinary answers (overridden per step) to the end; returns the steps seen. */
function walk(actor: SessionActor, flow: Flow, overrides: Record<string, AnswerValue> = {}): string[] {
  const seen: string[] = [];
  for (let i = 0; i < 100 && actor.getSnapshot().status === 'active'; i++) {
    const step = currentStep(flow, actor.getSnapshot())!;
    seen.push(step.id);
    const value: AnswerValue | undefined =
      overrides[step.id] ??
      (step.kind === 'text' ? 'my words' : step.kind === 'rating' ? 8 : step.kind === 'plan' ? PLAN : step.kind === 'choice'
        ? step.multiple ? [step.options[0]!.value] : step.options.find((o) => !o.flow && !o.goto)!.value
        : undefined);
    if (value === undefined) actor.send({ type: 'step.continued' });
    else actor.send({ type: 'answer.submitted', value });
  }
  return seen;
}

const OUTCOME_STEPS = ['outcome_consent', 'helpful', 'next_step'];

describe.each(['default', 'youth'] as const)('the %s flow', (name) => {
  const flow = bundled[name];

  it('asks for consent right after the welcome, and the two feedback items after "did you get what you came for"', () => {
    const ids = flow.steps.map((s) => s.id);
    const consent = flow.steps.find((s) => s.id === 'outcome_consent')!;
    expect(consent).toMatchObject({ kind: 'choice', capture: 'share_outcomes', requires: 'outcomes' });
    expect(consent.kind === 'choice' && consent.options.map((o) => o.value)).toEqual(['yes', 'no']);
    // Default: after the age question, so someone moved to the youth flow is asked once, there.
    expect(ids.indexOf('outcome_consent')).toBe(name === 'default' ? ids.indexOf('age_band') + 1 : ids.indexOf('welcome') + 1);
    const said = consent.say.map((t) => t.en).join(' ');
    for (const what of [/check-in (scores|numbers)/, /helped/, /Never the words you type/]) expect(said).toMatch(what);
    for (const id of ['helpful', 'next_step']) {
      expect(flow.steps.find((s) => s.id === id)).toMatchObject({ kind: 'choice', capture: id, requires: 'outcomes' });
      expect(ids.indexOf(id)).toBeGreaterThan(ids.indexOf('got_what_came_for'));
    }
    for (const id of OUTCOME_STEPS) expect(flow.steps.find((s) => s.id === id)?.note).toBeTruthy();
  });

  it('skips the consent and feedback steps when the service has outcomes off (or does not say)', () => {
    for (const outcomes of [false, undefined]) {
      const actor = start(flow, outcomes);
      const seen = walk(actor, flow, { got_what_came_for: 'no' });
      expect(actor.getSnapshot().status).toBe('done');
      expect(seen.filter((id) => OUTCOME_STEPS.includes(id))).toEqual([]);
      const { context } = actor.getSnapshot();
      expect(Object.keys(context.visits).filter((id) => OUTCOME_STEPS.includes(id))).toEqual([]);
      expect(context.answers).not.toHaveProperty('share_outcomes');
      expect(context.transcript.map((e) => e.text).join('\n')).not.toMatch(/anonymous|Never the words you type|helpful|help\?/);
      expect(seen).toContain('not_quite');
    }
  });

  it('asks them when the service has outcomes on, on both ways through the end', () => {
    for (const got of ['yes', 'no']) {
      const actor = start(flow, true);
      const seen = walk(actor, flow, { got_what_came_for: got, outcome_consent: 'yes', helpful: 'quite', next_step: 'very' });
      expect(seen.filter((id) => OUTCOME_STEPS.includes(id))).toEqual(OUTCOME_STEPS);
      expect(actor.getSnapshot().status).toBe('done');
      expect(actor.getSnapshot().context.answers).toMatchObject({ share_outcomes: 'yes', got_what_came_for: got, helpful: 'quite', next_step: 'very', before: 8, after: 8 });
    }
  });

  it('a "No, thanks" changes nothing else in the session', () => {
    const withNo = start(flow, true);
    const seenNo = walk(withNo, flow, { outcome_consent: 'no' });
    const off = start(flow, false);
    const seenOff = walk(off, flow);
    expect(seenNo.filter((id) => !OUTCOME_STEPS.includes(id))).toEqual(seenOff);
  });
});

describe('a step that requires outcomes', () => {
  const flow = parse(CONSENT + '  - { id: hello, kind: message, say: [{ en: Hello }] }\n' + END);

  it('as the first step is passed through at once when outcomes are off', () => {
    const actor = start(flow, false);
    expect(actor.getSnapshot().value).toBe('hello');
    expect(actor.getSnapshot().context.transcript.map((e) => e.text)).toEqual(['Hello']);
    expect(start(flow, true).getSnapshot().value).toBe('consent');
  });

  it('keeps its place when resumed from a snapshot taken with outcomes on', () => {
    const machine = compileFlow(flow);
    const first = createActor(machine, { input: { outcomes: true } }).start();
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    const second = createActor(machine, { snapshot: persisted, input: { outcomes: false } }).start();
    expect(second.getSnapshot().value).toBe('consent');
    second.send({ type: 'answer.submitted', value: 'yes' });
    expect(second.getSnapshot().value).toBe('hello');
  });
});
