/**
 * The compiled statechart, driven with createActor: every branch of the default flow, the youth
 * flow end to end, bad answers, and resuming from a persisted snapshot.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compileFlow, currentStep, type SessionActor } from '../../flows/compile.js';
import { parseFlowFile } from '../../flows/load.js';
import type { AnswerValue, Flow, PlanAnswer, Step } from '../../flows/schema.js';

const adult = parseFlowFile('flows/default.flow.yaml');
const youth = parseFlowFile('flows/youth.flow.yaml');

const PLAN: PlanAnswer = { what: 'Text my sister', day: 1, time: '18:00', where: 'At home', obstacle: 'Feeling flat', ifThen: 'I will send one word' };

function start(flow: Flow, enabledFlows = ['default', 'youth']): SessionActor {
  return createActor(compileFlow(flow), { input: { enabledFlows } }).start();
}
const at = (actor: SessionActor) => String(actor.getSnapshot().value);
const answer = (actor: SessionActor, value: AnswerValue, other?: string) =>
  actor.send(other === undefined ? { type: 'answer.submitted', value } : { type: 'answer.submitted', value, other });
const next = (actor: SessionActor) => actor.send({ type: 'step.continued' });
const lastBot = (actor: SessionActor) => actor.getSnapshot().context.transcript.filter((e) => e.from === 'bot').at(-1)?.text;

/** A valid, ordinary answer for any step, so a walk can go through a whole flow. */
function ordinary(step: Step): AnswerValue | 'continue' {
  switch (step.kind) {
    case 'text':
      return `my answer to ${step.id}`;
    case 'rating':
      return 8;
    case 'choice':
      return step.multiple ? [step.options[0]!.value] : step.options.find((o) => !o.flow && !o.goto)?.value ?? step.options[0]!.value;
    case 'plan':
      return PLAN;
    default:
      return 'continue';
  }
}

/** Answers `overrides[stepId]` where given, else ordinary answers, until `until` or the end. */
function walk(actor: SessionActor, flow: Flow, overrides: Record<string, AnswerValue> = {}, until?: string): string[] {
  const seen: string[] = [];
  for (let i = 0; i < 100 && actor.getSnapshot().status === 'active' && at(actor) !== until; i++) {
    const step = currentStep(flow, actor.getSnapshot())!;
    seen.push(step.id);
    const value = overrides[step.id] ?? ordinary(step);
    if (value === 'continue') next(actor);
    else answer(actor, value);
  }
  return seen;
}

describe('default flow', () => {
  it('goes from welcome to the end, capturing every answer and filling them into later text', () => {
    const actor = start(adult);
    expect(at(actor)).toBe('welcome');
    walk(actor, adult, { best_hopes: 'Sleep better', scale_now: 3 }, 'what_puts_you');
    expect(lastBot(actor)).toContain('What are you already doing');
    expect(actor.getSnapshot().context.transcript.some((e) => e.text === 'What puts you at 3 and not 0?')).toBe(true);
    walk(actor, adult, { step_up: 'I would go to bed at 11', plan: PLAN as never, confidence: 9 }, 'summary');
    const stepUp = actor.getSnapshot().context.transcript.find((e) => e.text.includes('moved from 3 to 4'));
    expect(stepUp, 'one step up uses {scale_now} and {scale_now+1}').toBeDefined();
    const card = actor.getSnapshot().context.transcript.find((e) => e.style === 'card')!;
    expect(card.lines).toContainEqual({ label: 'What I hoped for today', value: 'Sleep better' });
    expect(card.lines).toContainEqual({ label: 'My small step', value: 'Text my sister' });
    walk(actor, adult);
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output).toEqual({ completed: true, switchTo: null });
    expect(snap.context.answers).toMatchObject({ goal: 'Sleep better', before: 8, after: 8, confidence: 9, plan: PLAN });
  });

  it('shows a chosen option as the person’s reply, with its capitals', () => {
    const actor = start(adult);
    answer(actor, 'start');
    answer(actor, 'rather_not_say');
    const replies = actor.getSnapshot().context.transcript.filter((e) => e.from === 'person').map((e) => e.text);
    expect(replies).toEqual(["I understand. Let's start.", "I'd rather not say"]);
  });

  it('lets the person reword their goal', () => {
    const actor = start(adult);
    walk(actor, adult, { best_hopes: 'Feel better' }, 'confirm_goal');
    expect(lastBot(actor)).toContain('Feel better');
    answer(actor, 'reword');
    expect(at(actor)).toBe('best_hopes');
    answer(actor, 'Have one good conversation with my dad');
    expect(at(actor)).toBe('confirm_goal');
    expect(lastBot(actor)).toContain('Have one good conversation with my dad');
  });

  it('at 0 on the scale acknowledges it and shows crisis numbers instead of asking "why not 0"', () => {
    const actor = start(adult);
    walk(actor, adult, { scale_now: 0 }, 'at_zero');
    expect(currentStep(adult, actor.getSnapshot())?.crisis).toBe(true);
  });

  it('at 10 on the scale asks how to stay there instead of "one step up"', () => {
    const actor = start(adult);
    const seen = walk(actor, adult, { scale_now: 10 }, 'life_area');
    expect(seen).toContain('stay_high');
    expect(seen).not.toContain('step_up');
  });

  it('below 7 confidence makes the step smaller, at most twice, then moves on kindly', () => {
    const actor = start(adult);
    walk(actor, adult, {}, 'confidence');
    answer(actor, 6);
    expect(at(actor)).toBe('make_smaller');
    next(actor);
    expect(at(actor)).toBe('plan');
    answer(actor, { ...PLAN, what: 'Text my sister one word' });
    answer(actor, 4);
    expect(at(actor)).toBe('make_smaller');
    next(actor);
    answer(actor, { ...PLAN, what: 'Open the chat with my sister' });
    answer(actor, 3);
    expect(at(actor)).toBe('still_unsure');
    next(actor);
    expect(at(actor)).toBe('summary');
    expect(actor.getSnapshot().context.answers.plan).toMatchObject({ what: 'Open the chat with my sister' });
  });

  it('at 7 or more confidence goes straight to the summary', () => {
    const actor = start(adult);
    walk(actor, adult, {}, 'confidence');
    answer(actor, 7);
    expect(at(actor)).toBe('summary');
  });

  it('"No, I did not get what I came for" gets a word about talking to a person', () => {
    const actor = start(adult);
    const seen = walk(actor, adult, { got_what_came_for: 'no' });
    expect(seen).toContain('not_quite');
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('moves under-18s to the youth flow only where the service enables it', () => {
    const withYouth = start(adult, ['default', 'youth']);
    answer(withYouth, 'start');
    answer(withYouth, '13_to_17');
    expect(withYouth.getSnapshot().status).toBe('done');
    expect(withYouth.getSnapshot().output).toEqual({ completed: false, switchTo: 'youth' });

    const adultOnly = start(adult, ['default']);
    answer(adultOnly, 'start');
    answer(adultOnly, '13_to_17');
    expect(at(adultOnly)).toBe('rating_before');
  });

  it('ignores answers that do not fit the step', () => {
    const actor = start(adult);
    answer(actor, 'not-an-option');
    expect(at(actor)).toBe('welcome');
    walk(actor, adult, {}, 'rating_before');
    for (const bad of [11, -1, 2.5, '5']) answer(actor, bad as AnswerValue);
    expect(at(actor)).toBe('rating_before');
    answer(actor, 5);
    answer(actor, '   ');
    expect(at(actor)).toBe('best_hopes');
    walk(actor, adult, {}, 'plan');
    answer(actor, { ...PLAN, what: ' ' });
    answer(actor, { ...PLAN, time: '6pm' });
    expect(at(actor)).toBe('plan');
  });

  it('keeps a "something else" strength with the chosen ones', () => {
    const actor = start(adult);
    walk(actor, adult, {}, 'strengths');
    answer(actor, ['music', 'pet'], 'my garden');
    const said = actor.getSnapshot().context.transcript.filter((e) => e.from === 'person').at(-1)!;
    expect(said.text).toBe('Music, a pet and my garden');
    expect(actor.getSnapshot().context.answers).toMatchObject({ strengths: ['music', 'pet'], strengths_other: 'my garden' });
  });

  it('resumes from a persisted snapshot at the same step with the same transcript', () => {
    const machine = compileFlow(adult);
    const first = createActor(machine, { input: { enabledFlows: ['default'] } }).start();
    walk(first, adult, { best_hopes: 'Worry less' }, 'preferred_future');
    const persisted = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();
    const second = createActor(machine, { snapshot: persisted, input: { enabledFlows: ['default'] } }).start();
    expect(at(second)).toBe('preferred_future');
    expect(second.getSnapshot().context.transcript).toEqual(first.getSnapshot().context.transcript);
    answer(second, 'I would get up on time');
    expect(at(second)).not.toBe('preferred_future');
  });
});

describe('youth flow', () => {
  it('runs from start to end with ordinary answers and captures the shared answer names', () => {
    const actor = start(youth);
    walk(actor, youth);
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    expect(snap.output?.completed).toBe(true);
    for (const name of ['goal', 'before', 'after', 'plan', 'confidence']) expect(snap.context.answers).toHaveProperty(name);
  });

  it('asks for advice to another young person before the summary', () => {
    const actor = start(youth);
    const seen = walk(actor, youth);
    expect(seen.indexOf('advice')).toBeGreaterThan(-1);
    expect(seen.indexOf('advice')).toBeLessThan(seen.indexOf('summary'));
  });
});
