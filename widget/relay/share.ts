/**
 * What the person may share with a therapist, built from their answers in the self-guided flow.
 * Nothing leaves the browser until they press "Ask for a person", and only what they ticked.
 */
import type { TranscriptEntry } from '../../flows/compile.js';
import type { Answers, Flow } from '../../flows/schema.js';
import { englishFormat, isPlan, readAnswer } from '../../flows/text.js';
import type { SharedSummary } from '../../server/protocol.js';

export type ShareKey = 'goal' | 'ratings' | 'strengths' | 'plan' | 'transcript';

/** The parts there is something to share for, each with its preview text. */
export function shareable(flow: Flow, answers: Answers, locale: string): Partial<Record<ShareKey, string>> {
  const ctx = { flow, locale, answers, format: englishFormat };
  const out: Partial<Record<ShareKey, string>> = {};
  if (typeof answers.goal === 'string' && answers.goal) out.goal = answers.goal;
  const ratings = [answers.before, answers.scale_now].filter((r) => typeof r === 'number');
  if (ratings.length) out.ratings = ratings.map((r) => `${r}/10`).join(', ');
  const strengths = [readAnswer(ctx, 'strengths'), readAnswer(ctx, 'supports')].filter(Boolean).join('; ');
  if (strengths) out.strengths = strengths;
  const plan = Object.values(answers).find(isPlan);
  if (plan) out.plan = plan.what;
  return out;
}

export function buildSummary(flow: Flow, answers: Answers, locale: string, transcript: TranscriptEntry[], chosen: Set<ShareKey>): SharedSummary {
  const ctx = { flow, locale, answers, format: englishFormat };
  const shared: SharedSummary = { flow: flow.id };
  if (chosen.has('goal') && typeof answers.goal === 'string') shared.goal = answers.goal;
  if (chosen.has('ratings')) {
    if (typeof answers.before === 'number') shared.before = answers.before;
    if (typeof answers.scale_now === 'number') shared.scaleNow = answers.scale_now;
  }
  if (chosen.has('strengths')) {
    const text = [readAnswer(ctx, 'strengths'), readAnswer(ctx, 'supports')].filter(Boolean).join('; ');
    if (text) shared.strengths = text.slice(0, 2000);
  }
  const plan = Object.values(answers).find(isPlan);
  if (chosen.has('plan') && plan) {
    shared.plan = { what: plan.what, when: englishFormat.when(plan.day, plan.time), where: plan.where, obstacle: plan.obstacle, ifThen: plan.ifThen };
  }
  if (chosen.has('transcript')) {
    shared.transcript = transcript
      .filter((e) => e.style !== 'card' && e.text)
      .map((e) => ({ from: e.from, text: e.text.slice(0, 2000) }))
      .slice(-200);
  }
  return shared;
}
