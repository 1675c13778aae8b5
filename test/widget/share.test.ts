/** What the person shares with a therapist: only what they ticked, built from their own answers. */
import { describe, expect, it } from 'vitest';
import flow from '../../flows/default.flow.yaml';
import type { Answers } from '../../flows/schema.js';
import { buildSummary, shareable } from '../../widget/relay/share.js';

const answers: Answers = {
  goal: 'Sleep better',
  before: 3,
  scale_now: 4,
  strengths: ['music'],
  strengths_other: 'my dog',
  supports: 'My sister',
  plan: { what: 'Walk after dinner', day: 1, time: '19:00', where: 'Park', obstacle: 'Rain', ifThen: 'Walk inside' },
};
const transcript = [
  { id: 0, from: 'bot' as const, text: 'Hi' },
  { id: 1, from: 'person' as const, text: 'Sleep better' },
];

describe('sharing with a person', () => {
  it('offers each part there is something to share for, with a preview', () => {
    expect(shareable(flow, answers, 'en')).toEqual({
      goal: 'Sleep better',
      ratings: '3/10, 4/10',
      strengths: 'music and my dog; My sister',
      plan: 'Walk after dinner',
    });
    expect(shareable(flow, {}, 'en')).toEqual({});
  });

  it('sends only what was ticked; the conversation only when ticked', () => {
    expect(buildSummary(flow, answers, 'en', transcript, new Set(['goal']))).toEqual({ flow: 'default', goal: 'Sleep better' });
    const all = buildSummary(flow, answers, 'en', transcript, new Set(['goal', 'ratings', 'strengths', 'plan', 'transcript']));
    expect(all).toMatchObject({
      before: 3,
      scaleNow: 4,
      plan: { what: 'Walk after dinner', when: 'Tomorrow at 19:00', where: 'Park', obstacle: 'Rain', ifThen: 'Walk inside' },
      transcript: [{ from: 'bot', text: 'Hi' }, { from: 'person', text: 'Sleep better' }],
    });
    expect(buildSummary(flow, answers, 'en', transcript, new Set(['plan']))).not.toHaveProperty('transcript');
  });
});
