/**
 * What the panel needs to keep a person safe, loaded just after the flow (off the opening bundle):
 * the risk engine (flows/safety/) applied to the free text in an answer, and the flow's safety
 * wording (a chunk of its own per flow: the check-in, the safety screen, the safety plan's labels).
 */
import { assessRisk, type RiskLevel } from '../../flows/safety/assess.js';
import { LEXICON_ONLY } from '../../flows/safety/model.js';
import type { AnswerValue, Safety, StepKind } from '../../flows/schema.js';
import { isPlan } from '../../flows/text.js';

const SAFETY: Record<string, () => Promise<{ default: Safety | undefined }>> = {
  default: () => import('../../flows/default.flow.yaml?safety'),
  youth: () => import('../../flows/youth.flow.yaml?safety'),
};

export async function loadSafety(id: string): Promise<Safety | undefined> {
  return (await (SAFETY[id] ?? SAFETY.default!)()).default;
}

const RANK: Record<RiskLevel, number> = { none: 0, concern: 1, urgent: 2 };

/**
 * The risk in the free text of an answer: a text answer, each of the plan's fields, the "Something
 * else" box (never option values). Each is assessed on its own, as the person wrote it; the models
 * learnt from whole messages, and joined, a plan's short fields ("Open my notes" / "At home" / "My
 * phone") read to them as one odd message. The lexicon also reads them together, so that cues
 * spread over fields ("I've decided" / "then I'll do it") still count together.
 */
export function answerRisk(kind: StepKind | undefined, answer: { value: AnswerValue; other?: string }, locale?: string): RiskLevel {
  const v = answer.value;
  const texts = [kind === 'text' ? v : '', ...(isPlan(v) ? [v.what, v.where, v.obstacle, v.ifThen] : []), answer.other ?? '']
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  const levels = texts.map((t) => assessRisk(t, locale).level);
  if (texts.length > 1) levels.push(assessRisk(texts.join('\n'), locale, LEXICON_ONLY).level);
  return levels.reduce<RiskLevel>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
}
