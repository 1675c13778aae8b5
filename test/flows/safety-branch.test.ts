/**
 * The safety branch every compiled flow has: an urgent answer pauses on the safety screen until the
 * person chooses to carry on; an answer of concern gets the check-in first. The risk itself comes
 * from the widget (flows/safety/), so here it is given with the answer.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compileFlow, type SessionActor } from '../../flows/compile.js';
import { parseFlowFile } from '../../flows/load.js';
import type { AnswerValue, SafetyPlan } from '../../flows/schema.js';
import type { RiskLevel } from '../../flows/safety/assess.js';

const adult = parseFlowFile('flows/default.flow.yaml');
const youth = parseFlowFile('flows/youth.flow.yaml');

const SAFETY_PLAN: SafetyPlan = {
  warningSigns: 'Not sleeping',
  whatHelps: 'A walk with the dog',
  people: 'My sister',
  professionals: 'My GP',
  safeSpace: 'Ask my sister to keep the pills',
};

const at = (actor: SessionActor) => String(actor.getSnapshot().value);
const say = (actor: SessionActor, value: AnswerValue, risk?: RiskLevel) =>
  actor.send(risk ? { type: 'answer.submitted', value, risk } : { type: 'answer.submitted', value });
const next = (actor: SessionActor) => actor.send({ type: 'step.continued' });

/** The default flow up to its first free-text step, best_hopes. */
function atBestHopes(): SessionActor {
  const actor = createActor(compileFlow(adult), { input: { enabledFlows: ['default'] } }).start();
  say(actor, 'start');
  say(actor, '18_or_over');
  say(actor, 4);
  expect(at(actor)).toBe('best_hopes');
  return actor;
}

describe('an urgent answer', () => {
  it('is recorded, then the flow pauses on the safety screen, remembering where it was going', () => {
    const actor = atBestHopes();
    say(actor, 'I want to end my life tonight', 'urgent');
    const snap = actor.getSnapshot();
    expect(at(actor)).toBe('safety');
    expect(snap.context.answers.goal).toBe('I want to end my life tonight');
    expect(snap.context.transcript.at(-1)).toMatchObject({ from: 'person', text: 'I want to end my life tonight' });
    expect(snap.context.resumeTo).toBe('confirm_goal');
    expect(snap.context.risk).toBe('urgent');
  });

  it('is never left by continuing, another answer or "I\'m fine": only by safety.resumed', () => {
    const actor = atBestHopes();
    say(actor, 'I want to end my life tonight', 'urgent');
    next(actor);
    say(actor, "I'm fine");
    say(actor, "I'm fine", 'none');
    expect(at(actor)).toBe('safety');
    actor.send({ type: 'safety.resumed' });
    expect(at(actor)).toBe('confirm_goal');
    expect(actor.getSnapshot().context.resumeTo).toBeNull();
    // The step it would have gone to starts as usual, with the answer filled in.
    expect(actor.getSnapshot().context.transcript.at(-1)?.text).toContain('I want to end my life tonight');
  });

  it('follows the rules of the step it came from (the branch the answer would have taken)', () => {
    const actor = atBestHopes();
    say(actor, 'Feel less stuck');
    say(actor, 'yes');
    say(actor, 'I would get up early');
    say(actor, 0); // scale_now 0 goes to at_zero
    expect(at(actor)).toBe('at_zero');
    say(actor, 'I have the pills ready', 'urgent');
    expect(at(actor)).toBe('safety');
    actor.send({ type: 'safety.resumed' });
    expect(at(actor)).toBe('exceptions');
  });

  it('keeps the safety plan, and adds it to the plan card at the summary', () => {
    const actor = atBestHopes();
    say(actor, 'I want to end my life tonight', 'urgent');
    actor.send({ type: 'safety.planned', plan: { ...SAFETY_PLAN, professionals: '' } });
    actor.send({ type: 'safety.planned', plan: SAFETY_PLAN });
    expect(at(actor)).toBe('safety');
    expect(actor.getSnapshot().context.safetyPlan).toEqual(SAFETY_PLAN);
    actor.send({ type: 'safety.resumed' });
    // On through the flow to the summary.
    const script: Record<string, AnswerValue | 'continue'> = {
      confirm_goal: 'yes',
      preferred_future: 'Up early',
      scale_now: 5,
      what_puts_you: 'My dog',
      exceptions: 'Sunday',
      strengths: ['people'],
      supports: 'My sister',
      action_mood: 'continue',
      step_up: 'A walk',
      life_area: 'people',
      plan: { what: 'Walk the dog', day: 1, time: '09:00', where: 'The park', obstacle: 'Rain', ifThen: 'Take a coat' },
      confidence: 9,
    };
    for (let i = 0; i < 20 && at(actor) !== 'summary'; i++) {
      const a = script[at(actor)];
      if (a === undefined) throw new Error(`no answer for ${at(actor)}`);
      if (a === 'continue') next(actor);
      else say(actor, a);
    }
    expect(at(actor)).toBe('summary');
    const cards = actor.getSnapshot().context.transcript.filter((e) => e.style === 'card');
    expect(cards.map((c) => c.title)).toEqual(['Your plan', 'My safety plan']);
    expect(cards[1]!.lines).toContainEqual({ label: 'People I can contact', value: 'My sister' });
    expect(cards[1]!.lines).toHaveLength(5);
  });

  it('applies to the "Something else" box and the plan too, and in the youth flow', () => {
    const actor = createActor(compileFlow(youth), { input: { enabledFlows: ['youth'] } }).start();
    for (let i = 0; i < 30 && at(actor) !== 'safety'; i++) {
      const step = youth.steps.find((s) => s.id === at(actor))!;
      if (step.kind === 'text') say(actor, 'I am going to kill myself', 'urgent');
      else if (step.kind === 'rating') say(actor, 5);
      else if (step.kind === 'choice') say(actor, step.multiple ? [step.options[0]!.value] : step.options.find((o) => !o.flow && !o.goto)!.value);
      else next(actor);
    }
    expect(at(actor)).toBe('safety');
    expect(actor.getSnapshot().context.risk).toBe('urgent');
  });
});

describe('an answer of concern', () => {
  it('gets the check-in (the flow\'s own words), then the flow goes on where it was going', () => {
    const actor = atBestHopes();
    say(actor, 'Honestly it all feels hopeless', 'concern');
    expect(at(actor)).toBe('check_in');
    const bot = actor.getSnapshot().context.transcript.filter((e) => e.from === 'bot').map((e) => e.text);
    expect(bot.slice(-3)).toEqual([...adult.safety!.checkIn.say.map((l) => l.en), adult.safety!.checkIn.ask!.question.en]);
    say(actor, 'something'); // an answer is not a way out of the check-in
    expect(at(actor)).toBe('check_in');
    next(actor);
    expect(at(actor)).toBe('confirm_goal');
    expect(actor.getSnapshot().context.risk).toBe('concern');
  });

  it('asks directly; "Yes" opens the safety screen as an urgent answer would, "No" carries on', () => {
    const yes = atBestHopes();
    say(yes, 'Honestly it all feels hopeless', 'concern');
    yes.send({ type: 'check_in.yes' });
    expect(at(yes)).toBe('safety');
    expect(yes.getSnapshot().context.risk).toBe('urgent');
    expect(yes.getSnapshot().context.transcript.at(-1)).toMatchObject({ from: 'person', text: 'Yes, I am' });
    yes.send({ type: 'safety.resumed' });
    expect(at(yes)).toBe('confirm_goal');

    const no = atBestHopes();
    say(no, 'Honestly it all feels hopeless', 'concern');
    next(no);
    expect(at(no)).toBe('confirm_goal');
    expect(no.getSnapshot().context.risk).toBe('concern');
    expect(no.getSnapshot().context.transcript.filter((e) => e.from === 'person').at(-1)).toMatchObject({ text: 'No, carry on with the session' });
  });

  it('the highest level is kept: concern after urgent stays urgent, and none never lowers it', () => {
    const actor = atBestHopes();
    say(actor, 'I want to end my life tonight', 'urgent');
    actor.send({ type: 'safety.resumed' });
    say(actor, 'yes');
    say(actor, 'It feels hopeless', 'concern');
    expect(at(actor)).toBe('check_in');
    expect(actor.getSnapshot().context.risk).toBe('urgent');
    next(actor);
    say(actor, 3);
    expect(actor.getSnapshot().context.risk).toBe('urgent');
  });

  it('no risk: the flow goes straight on', () => {
    const actor = atBestHopes();
    say(actor, 'Feel less stuck', 'none');
    expect(at(actor)).toBe('confirm_goal');
    expect(actor.getSnapshot().context.risk).toBe('none');
  });
});

describe('a paused session', () => {
  it('resumes on the safety screen from a persisted snapshot', () => {
    const actor = atBestHopes();
    say(actor, 'I want to end my life tonight', 'urgent');
    const persisted = actor.getPersistedSnapshot();
    const again = createActor(compileFlow(adult), { snapshot: persisted, input: { enabledFlows: ['default'] } }).start();
    expect(at(again)).toBe('safety');
    again.send({ type: 'safety.resumed' });
    expect(at(again)).toBe('confirm_goal');
  });
});

describe('flows:check', () => {
  it('asks a flow with free text for its safety wording, and keeps the screens\' ids free', async () => {
    const { checkFlow } = await import('../../flows/check.js');
    const { parseFlowText } = await import('../../flows/load.js');
    const text = `id: t\nversion: 1\ntitle: { en: T }\nlocales: [en]\nsteps:\n  - { id: safety, kind: text, capture: a, label: { en: A } }\n  - { id: done, kind: end }\n`;
    const problems = checkFlow(parseFlowText(text, 'flows/t.flow.yaml'), 'flows/t.flow.yaml', { requireSafety: true });
    expect(problems).toEqual([
      expect.stringContaining('the id "safety" is kept for the widget\'s own screens'),
      expect.stringContaining('needs a "safety" section'),
    ]);
    expect(checkFlow(adult, 'flows/default.flow.yaml', { requireSafety: true })).toEqual([]);
  });
});
