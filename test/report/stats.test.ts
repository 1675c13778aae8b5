import { describe, expect, it } from 'vitest';
import type { OutcomeRecord } from '../../server/outcomes/record.js';
import { buildReport, nearestRank, summariseChange } from '../../server/report/stats.js';
import { normalQuantile, studentTQuantile } from '../../server/report/student-t.js';
import type { HandoffStat } from '../../server/store/store.js';
import { record } from './outcome-record.js';

/** Within 0.005: the report shows two decimals. */
const near = (actual: number | null | undefined, expected: number) => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThan(0.005);
};


describe('quantiles', () => {
  it('gives the textbook two-sided 95% t values', () => {
    const table: Array<[number, number]> = [[1, 12.706], [2, 4.303], [3, 3.182], [4, 2.776], [5, 2.571], [10, 2.228], [20, 2.086], [30, 2.042], [60, 2.0], [100, 1.984]];
    for (const [df, t] of table) expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 3);
  });

  it('gives other tail probabilities and is symmetric', () => {
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.032, 3);
    expect(studentTQuantile(0.9, 10)).toBeCloseTo(1.372, 3);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.571, 3);
    expect(studentTQuantile(0.5, 7)).toBe(0);
    // Large df approaches the normal.
    expect(studentTQuantile(0.975, 100_000)).toBeCloseTo(1.96, 3);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });

  it('refuses impossible arguments', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe('nearest-rank percentiles', () => {
  it('picks the ceil(p·n)-th smallest value, never an average', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([42], 0.9)).toBe(42);
    expect(nearestRank([40, 10, 30, 20], 0.5)).toBe(20); // ceil(2) = 2nd, not 25
    expect(nearestRank([5, 1, 4, 2, 3], 0.5)).toBe(3);
    expect(nearestRank([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 0.9)).toBe(9); // ceil(9) = 9th
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10); // ceil(9.9) = 10th
  });
});

describe('the report for a hand-computed fixture', () => {
  // Range Wed 2026-03-04 to Mon 2026-03-16: weeks starting Mondays 03-02, 03-09 and 03-16 (empty).
  const range = { from: '2026-03-04', to: '2026-03-16', flow: 'all' };
  const records: OutcomeRecord[] = [
    record({ startedHour: '2026-03-04T09:00:00.000Z', before: 3, after: 6, gotWhatCameFor: 'yes', helpful: 'very' }), // +3
    record({ startedHour: '2026-03-05T10:00:00.000Z', before: 4, after: 5, gotWhatCameFor: 'yes', helpful: 'quite', nextStep: 'quite' }), // +1
    record({ startedHour: '2026-03-08T23:00:00.000Z', before: 2, after: 7, gotWhatCameFor: 'partly', helpful: 'very', nextStep: 'very' }), // +5 (Sunday: week 1)
    record({ startedHour: '2026-03-09T00:00:00.000Z', before: 5, after: 5, completed: false, gotWhatCameFor: 'no', helpful: 'a_little' }), // 0 (Monday: week 2)
    record({ startedHour: '2026-03-11T14:00:00.000Z', before: 6, after: 4, risk: 'concern', gotWhatCameFor: 'partly', helpful: 'not_at_all' }), // −2
    record({ startedHour: '2026-03-12T08:00:00.000Z', before: 3, after: 7, handoff: true, gotWhatCameFor: 'yes', helpful: 'quite' }), // +4
    record({ startedHour: '2026-03-12T20:00:00.000Z', before: 5, completed: false, risk: 'urgent' }), // no "after": no change
    record({ startedHour: '2026-03-13T11:00:00.000Z', completed: false }), // no ratings
  ];
  const handoff = (queuedHour: string, waitSeconds: number | null, risk: HandoffStat['risk'] = 'none'): HandoffStat => ({ flow: 'default', queuedHour, waitSeconds, risk });
  const handoffs: HandoffStat[] = [
    handoff('2026-03-04T09:00:00.000Z', 120),
    handoff('2026-03-05T09:00:00.000Z', 30),
    handoff('2026-03-06T09:00:00.000Z', 600, 'urgent'),
    handoff('2026-03-07T09:00:00.000Z', null), // nobody answered
    handoff('2026-03-10T09:00:00.000Z', 45, 'concern'),
    handoff('2026-03-11T09:00:00.000Z', 90),
    handoff('2026-03-12T09:00:00.000Z', 60),
  ];
  const report = buildReport(range, records, handoffs);

  it('counts sessions and the completion rate', () => {
    // 8 started; completed: records 1, 2, 3, 5, 6 = 5. Rate 5 / 8 = 0.625.
    expect(report.sessions).toEqual({ started: 8, completed: 5, completionRate: 0.625 });
  });

  it('computes the mean change, SD, 95% CI and effect size', () => {
    // Changes of the 6 records with both ratings: +3, +1, +5, 0, −2, +4.
    // mean = 11 / 6 = 1.8333.
    // Σx² = 9 + 1 + 25 + 0 + 4 + 16 = 55; SS = 55 − 11²/6 = 55 − 20.1667 = 34.8333;
    // variance = SS / 5 = 6.9667; sd = √6.9667 = 2.6394.
    // SE = 2.6394 / √6 = 2.6394 / 2.4495 = 1.0775; t(0.975, 5) = 2.5706; half-width = 2.7699.
    // CI = 1.8333 ∓ 2.7699 = [−0.94, 4.60]. d_z = 1.8333 / 2.6394 = 0.69.
    // Before (paired only): (3+4+2+5+6+3)/6 = 23/6 = 3.83; after: (6+5+7+5+4+7)/6 = 34/6 = 5.67.
    const { change } = report;
    expect(change.n).toBe(6);
    near(change.mean, 1.83);
    near(change.sd, 2.64);
    near(change.ci95?.[0], -0.94);
    near(change.ci95?.[1], 4.6);
    near(change.effectSize, 0.69);
    near(change.meanBefore, 3.83);
    near(change.meanAfter, 5.67);
  });

  it('spreads the changes from −10 to +10', () => {
    expect(report.change.distribution.map((d) => d.change)).toEqual(Array.from({ length: 21 }, (_, i) => i - 10));
    const counts = Object.fromEntries(report.change.distribution.filter((d) => d.count > 0).map((d) => [d.change, d.count]));
    expect(counts).toEqual({ '-2': 1, '0': 1, '1': 1, '3': 1, '4': 1, '5': 1 });
  });

  it('gives nearest-rank wait percentiles over answered chats', () => {
    // Answered waits, sorted: 30, 45, 60, 90, 120, 600 (n = 6).
    // Median: ceil(0.5 × 6) = 3rd = 60 (interpolation would say 75).
    // 90th: ceil(0.9 × 6) = ceil(5.4) = 6th = 600 (interpolation would say 360).
    expect(report.handoffs).toEqual({ count: 7, answered: 6, waitMedianSeconds: 60, waitP90Seconds: 600, urgent: 1 });
  });

  it('counts feedback and urgent escalations', () => {
    expect(report.feedback.gotWhatCameFor).toEqual({ yes: 3, partly: 2, no: 1 });
    expect(report.feedback.helpful).toEqual({ not_at_all: 1, a_little: 1, quite: 2, very: 2 });
    expect(report.feedback.nextStep).toEqual({ not_at_all: 0, a_little: 0, quite: 1, very: 1 });
    expect(report.urgentEscalations).toBe(1);
  });

  it('has one row per ISO week overlapping the range, the empty one included', () => {
    // Week of 03-02: records 1–3 (all completed), changes +3, +1, +5 → mean 3; handoffs 4.
    // Week of 03-09: records 4–8, completed 5 and 6, changes 0, −2, +4 → mean 0.67; handoffs 3.
    expect(report.weeks).toHaveLength(3);
    expect(report.weeks[0]).toEqual({ weekStart: '2026-03-02', started: 3, completed: 3, meanChange: 3, handoffs: 4 });
    expect(report.weeks[1]).toMatchObject({ weekStart: '2026-03-09', started: 5, completed: 2, handoffs: 3 });
    near(report.weeks[1]?.meanChange, 0.67);
    expect(report.weeks[2]).toEqual({ weekStart: '2026-03-16', started: 0, completed: 0, meanChange: null, handoffs: 0 });
    expect(report.range).toEqual(range);
  });
});

describe('edge cases', () => {
  it('reports nothing as nulls and zeros', () => {
    const report = buildReport({ from: '2026-03-02', to: '2026-03-02', flow: 'youth' }, [], []);
    expect(report.sessions).toEqual({ started: 0, completed: 0, completionRate: null });
    expect(report.change).toMatchObject({ n: 0, mean: null, sd: null, ci95: null, effectSize: null, meanBefore: null, meanAfter: null });
    expect(report.change.distribution.every((d) => d.count === 0)).toBe(true);
    expect(report.handoffs).toEqual({ count: 0, answered: 0, waitMedianSeconds: null, waitP90Seconds: null, urgent: 0 });
    expect(report.weeks).toEqual([{ weekStart: '2026-03-02', started: 0, completed: 0, meanChange: null, handoffs: 0 }]);
    expect(report.feedback.gotWhatCameFor).toEqual({ yes: 0, partly: 0, no: 0 });
  });

  it('gives a mean but no spread, interval or effect size for one change', () => {
    expect(summariseChange([4])).toEqual({ n: 1, mean: 4, sd: null, ci95: null, effectSize: null });
  });

  it('gives a zero-width interval and no effect size when every change is the same', () => {
    expect(summariseChange([2, 2, 2])).toEqual({ n: 3, mean: 2, sd: 0, ci95: [2, 2], effectSize: null });
  });

  it('counts the whole −10 and +10 extremes', () => {
    const report = buildReport({ from: '2026-03-02', to: '2026-03-08', flow: 'all' }, [record({ before: 10, after: 0 }), record({ before: 0, after: 10 })], []);
    expect(report.change.distribution[0]).toEqual({ change: -10, count: 1 });
    expect(report.change.distribution[20]).toEqual({ change: 10, count: 1 });
    expect(report.weeks).toHaveLength(1);
  });
});
