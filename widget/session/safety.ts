/**
 * What the panel needs to keep a person safe, loaded just after the flow (off the opening bundle):
 * the risk engine (flows/safety/) applied to the free text in an answer, and the flow's safety
 * wording (a chunk of its own per flow: the check-in, the safety screen, the safety plan's labels).
 */
import { assessRisk, type RiskLevel } from '../../flows/safety/assess.js';
import type { AnswerValue, Safety, StepKind } from '../../flows/schema.js';
import { isPlan } from '../../flows/text.js';

const SAFETY: Record<string, () => Promise<{ default: Safety | undefined }>> = {
  default: () => import('../../flows/default.flow.yaml?safety'),
  youth: () => import('../../flows/youth.flow.yaml?safety'),
};

export async function loadSafety(id: string): Promise<Safety | undefined> {
  return (await (SAFETY[id] ?? SAFETY.default!)()).default;
}

/** The risk in the free text of an answer: a text answer, the plan's fields, the "Something else" box (never option values). */
export function answerRisk(kind: StepKind | undefined, answer: { value: AnswerValue; other?: string }, locale?: string): RiskLevel {
  const v = answer.value;
  const text = [kind === 'text' ? v : '', isPlan(v) ? [v.what, v.where, v.obstacle, v.ifThen].join('\n') : '', answer.other ?? '']
    .join('\n')
    .trim();
  return text ? assessRisk(text, locale).level : 'none';
}
