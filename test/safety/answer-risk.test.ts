/**
 * The widget's reading of an answer (widget/session/safety.ts): each piece of free text on its own
 * with the whole engine, and the pieces of a plan together with the lexicon.
 */
import { describe, expect, it } from 'vitest';
import type { PlanAnswer } from '../../flows/schema.js';
import { answerRisk } from '../../widget/session/safety.js';

const plan = (fields: Partial<PlanAnswer>): PlanAnswer => ({ what: '', day: 0, time: '', where: '', obstacle: '', ifThen: '', ...fields });

describe('answerRisk', () => {
  it('leaves an ordinary plan alone, field by field', () => {
    const value = plan({ what: 'Open my maths notes for 10 minutes', where: 'At home', obstacle: 'My phone', ifThen: 'I will put it in another room' });
    expect(answerRisk('plan', { value })).toBe('none');
  });

  it('finds risk in any one field, and in cues spread over the fields', () => {
    expect(answerRisk('plan', { value: plan({ what: 'Go for a walk', ifThen: 'I want to kill myself' }) })).toBe('urgent');
    // Alone each is a concern at most; together the lexicon reads a decision with a time.
    expect(answerRisk('plan', { value: plan({ what: 'I wish I could disappear', where: 'tonight' }) })).toBe('urgent');
  });

  it('reads a written answer and the "Something else" box, never the options', () => {
    expect(answerRisk('text', { value: 'I want to kill myself' })).toBe('urgent');
    expect(answerRisk('choice', { value: 'kill', other: 'I wish I could disappear' })).toBe('concern');
    expect(answerRisk('choice', { value: 'kill' })).toBe('none');
  });
});
