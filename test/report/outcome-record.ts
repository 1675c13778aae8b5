/** An outcome record for the report tests: a completed session with nothing answered, plus changes. */
import type { OutcomeRecord } from '../../server/outcomes/record.js';

export const record = (over: Partial<OutcomeRecord>): OutcomeRecord => ({
  flow: 'default',
  locale: 'en',
  startedHour: '2026-03-04T09:00:00.000Z',
  completed: true,
  handoff: false,
  risk: 'none',
  before: null,
  after: null,
  gotWhatCameFor: null,
  helpful: null,
  nextStep: null,
  ...over,
});
