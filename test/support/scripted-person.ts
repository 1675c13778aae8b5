/** One person's way through the default flow, for end-to-end tests and screenshots. */
import type { ScriptedAnswer } from './session-driver.js';

/** Confidence 5 first, so the step is made smaller once, then 8. */
export const DEFAULT_FLOW_ANSWERS: Record<string, ScriptedAnswer | ScriptedAnswer[]> = {
  welcome: { choose: 'start' },
  age_band: { choose: '18_or_over' },
  outcome_consent: { choose: 'yes' },
  rating_before: { rating: 4 },
  best_hopes: { text: 'Feel less stuck about my exams' },
  confirm_goal: { choose: 'yes' },
  preferred_future: { text: 'I would be at my desk with a plan' },
  scale_now: { rating: 3 },
  what_puts_you: { text: 'I started one subject last week' },
  exceptions: { text: 'Last Tuesday at the library' },
  strengths: { pick: ['people', 'music'], other: 'my dog' },
  supports: { text: 'My sister' },
  action_mood: { continue: true },
  step_up: { text: 'I would open my notes' },
  life_area: { choose: 'learning_work' },
  plan: [
    { plan: { what: 'Study for two hours', dayDown: 0, where: 'At the library', obstacle: 'Feeling tired', ifThen: 'I will start with ten minutes' } },
    { plan: { what: 'Open my maths notes for 10 minutes', where: 'At home', obstacle: 'My phone', ifThen: 'I will put it in another room' }, replace: true },
  ],
  confidence: [{ rating: 5 }, { rating: 8 }],
  make_smaller: { continue: true },
  summary: { continue: true },
  takeaway: { text: 'Small steps count' },
  rating_after: { rating: 6 },
  got_what_came_for: { choose: 'yes' },
  helpful: { choose: 'quite' },
  next_step: { choose: 'very' },
  feedback: { text: '' },
};
