import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../flows/safety/assess.js';
import { trainingFiles } from '../../scripts/train-risk-model.js';
import { LEXICON_ONLY } from '../../flows/safety/model.js';
import { measure, readFixtures, report, type Metrics } from './fixtures.js';

/**
 * Recall and false-positive rates of the risk engine: the lexicon, and the model trained on top of it.
 *
 * TWO KINDS OF FILE
 * - Training files: every *.tsv here whose first line does not say SEALED (fixtures.en.tsv, the
 *   held-out files that were measured first and learnt from afterwards, and training-*.en.tsv).
 *   The model is trained on them (`npm run risk:train`), so their figures show what it has learnt,
 *   not how it generalises. They still guard against a change that unlearns something.
 * - SEALED files: holdout9, 17, 22, 23, 24, 25 and benign-answers. Written blind (by people who
 *   never saw the lexicon, the model or any example), never trained or tuned on. Their figures are
 *   the honest estimate on wording nobody has listed. A sealed file prints its figures but not its
 *   misses: read them if you must, but fix the engine with examples of your own.
 *
 * HISTORY OF FIRST RUNS (each blind file measured before anything was learnt from it)
 * - Lexicon alone, files 5–18: urgent recall 32–71% on each first run (the figures are in the git
 *   history of this file). Tuning the lexicon on 5–8, 10–16 and 18 took the sealed holdout9 to
 *   80.0% and holdout17 to 73.3%; further rules added nothing.
 * - Fresh blind files 19–21, lexicon alone: 66.7% (19: 75.6%, 20: 51.1%, 21: 73.3%), benign rated
 *   urgent 5.3%. With the first model (trained on files up to 18): 90.4%, 8.0%. Then learnt from.
 * - Fresh sealed files 22 and 23, lexicon alone: 61.1%, benign rated urgent 3.0%; with the first
 *   model 91.1%, 4.0%.
 * - Fresh sealed files 24 and 25, first measured with the urgent model trained on 35 files (7,200
 *   messages): lexicon alone 77.8%, benign rated urgent 3.0%; with the model 96.7% (87 of 90),
 *   benign rated urgent 4.0% (4 of 100). All six sealed files then: 95.2% (257 of 270), 3.0%.
 * - Then seven more blind training files (p–v), the second head (`anyRisk`, raising none to
 *   concern), and fixes from a review (the models now see matches the rules softened only for a
 *   denial in another sentence or a "thing" subject; "day" and "week" are no longer things), all
 *   decided without the sealed files. All six sealed files together now: urgent recall 96.7% (261
 *   of 270; lexicon alone 71.9%), concern recall 93.8% (lexicon alone about 73%), benign rated
 *   urgent 3.0% (9 of 300: 8 by the lexicon, 1 by the model), rated anything 3.3% (lexicon alone
 *   2.7%); of the 200 ordinary answers none is rated urgent and 2 get a check-in. With 270 urgent
 *   messages the 95% confidence interval for recall is roughly 94–98%: above the target, though
 *   not by much.
 * - Leave-one-file-out cross-validation (`npm run risk:crossval`) over the 15 blind held-out files
 *   now trained on, each scored by models trained without it: urgent recall 97.8%, concern recall
 *   96.3%, benign rated urgent 1.7%, rated anything 3.1% (the lexicon alone, which was tuned on
 *   these files: 87.9%, 85.3%, 1.5%, 1.9%).
 * The assertions hold today's figures, so a change that makes the engine worse fails.
 */
describe('risk metrics', () => {
  const TARGETS = { urgentRecall: 0.95, benignUrgent: 0.03, benignAny: 0.1 };

  it('trains on every file but the sealed ones', () => {
    const files = trainingFiles();
    for (const sealed of ['holdout9', 'holdout17', 'holdout22', 'holdout23', 'holdout24', 'holdout25', 'benign-answers']) {
      expect(files).not.toContain(`${sealed}.en.tsv`);
    }
    expect(files).toEqual(expect.arrayContaining(['fixtures.en.tsv', 'holdout5.en.tsv', 'holdout21.en.tsv', 'training-c.en.tsv']));
  });

  it('meets the targets on the main fixtures (written with the lexicon)', () => {
    const m = measure('test/safety/fixtures.en.tsv');
    console.log(report('fixtures.en.tsv (trained on)', m));
    expect(m.counts.urgent).toBeGreaterThanOrEqual(180);
    expect(m.counts.benign).toBeGreaterThanOrEqual(280);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(TARGETS.urgentRecall);
    expect(m.benignUrgent).toBeLessThanOrEqual(TARGETS.benignUrgent);
    expect(m.benignAny).toBeLessThanOrEqual(TARGETS.benignAny);
  });

  /*
   * The lexicon alone, held to its own figures: the model learns the training files by heart, so
   * with it their figures say nothing about a change to the rules. Floors (recall) and ceilings
   * (benign) as the lexicon stood when the model was added.
   */
  const LEXICON_FLOORS: Array<{ file: string; urgent: number; concern: number; benignUrgent: number; benignAny: number }> = [
    { file: 'fixtures', urgent: 0.95, concern: 0.95, benignUrgent: 0.03, benignAny: 0.1 },
    { file: 'holdout5', urgent: 1, concern: 1, benignUrgent: 0, benignAny: 0.03 },
    // Two benign lines are rated concern on purpose: a past self-harm disclosure and a negated one
    // ("I'd never hurt myself") are concern by design, a gentle check-in.
    { file: 'holdout6', urgent: 0.96, concern: 0.94, benignUrgent: 0, benignAny: 0.04 },
    { file: 'holdout7', urgent: 1, concern: 0.97, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout8', urgent: 0.91, concern: 0.97, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout10', urgent: 0.93, concern: 0.82, benignUrgent: 0.04, benignAny: 0.04 },
    { file: 'holdout11', urgent: 0.95, concern: 0.85, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout12', urgent: 0.88, concern: 0.97, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout13', urgent: 0.92, concern: 0.9, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout14', urgent: 0.88, concern: 0.91, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout15', urgent: 0.8, concern: 0.82, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout16', urgent: 0.97, concern: 0.88, benignUrgent: 0, benignAny: 0 },
    { file: 'holdout18', urgent: 0.95, concern: 0.97, benignUrgent: 0.02, benignAny: 0.02 },
  ];

  it.each(LEXICON_FLOORS)('the lexicon alone holds its figures on $file', (row) => {
    const m = measure(`test/safety/${row.file}.en.tsv`, LEXICON_ONLY);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(row.urgent);
    expect(m.concernRecall).toBeGreaterThanOrEqual(row.concern);
    expect(m.benignUrgent).toBeLessThanOrEqual(row.benignUrgent);
    expect(m.benignAny).toBeLessThanOrEqual(row.benignAny);
  });

  it.each(trainingFiles().filter((file) => file !== 'fixtures.en.tsv'))('keeps what it learnt from training file %s', (file) => {
    const m = measure(`test/safety/${file}`);
    console.log(report(`${file} (trained on)`, m));
    expect(m.urgentRecall).toBeGreaterThanOrEqual(TARGETS.urgentRecall);
    // The training files were asked for hard look-alikes (a will written after a baby, a goodbye at
    // work, a nurse's shift of overdoses). The lexicon still rates up to 8% of those urgent, and the
    // model only ever raises a level, so it cannot take them back: a false alarm costs a check-in
    // or a safety screen the person can leave; a missed crisis costs far more.
    expect(m.benignUrgent).toBeLessThanOrEqual(0.08);
    expect(m.benignAny).toBeLessThanOrEqual(TARGETS.benignAny);
  });

  /*
   * Today's figures on the sealed files, each allowed to slip by one message (retraining on a few
   * more lines moves a message or two across the threshold either way); the test of the sealed
   * files together below holds the targets. `lexicon` is the lexicon alone, so the models' share
   * can be seen.
   */
  const SEALED: Array<{ n: number; about: string; urgent: number; concern: number; benignUrgent: number; benignAny: number; lexicon: number }> = [
    { n: 9, about: 'everyone', urgent: 44, concern: 31, benignUrgent: 1, benignAny: 1, lexicon: 36 },
    { n: 17, about: 'an ordinary cross-section', urgent: 42, concern: 34, benignUrgent: 1, benignAny: 2, lexicon: 33 },
    { n: 22, about: 'flow answers and live chat', urgent: 43, concern: 32, benignUrgent: 2, benignAny: 2, lexicon: 26 },
    { n: 23, about: 'varied, some deflecting', urgent: 44, concern: 34, benignUrgent: 1, benignAny: 1, lexicon: 29 },
    { n: 24, about: 'a cross-section', urgent: 45, concern: 33, benignUrgent: 3, benignAny: 3, lexicon: 38 },
    { n: 25, about: 'as people type', urgent: 43, concern: 33, benignUrgent: 1, benignAny: 1, lexicon: 32 },
  ];

  it.each(SEALED)('holds up on sealed file $n ($about), never trained or tuned on', (row) => {
    const m = measure(`test/safety/holdout${row.n}.en.tsv`);
    const lexicon = measure(`test/safety/holdout${row.n}.en.tsv`, LEXICON_ONLY);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(`${report(`holdout${row.n}.en.tsv (sealed)`, m).split('\n').slice(0, 3).join('\n')}\n  lexicon alone: urgent recall ${pct(lexicon.urgentRecall)}, concern recall ${pct(lexicon.concernRecall)}`);
    expect(m.counts).toEqual({ urgent: 45, concern: 35, benign: 50 });
    const count = (share: number, of: number) => Math.round(share * of);
    expect(count(m.urgentRecall, 45)).toBeGreaterThanOrEqual(row.urgent - 1);
    expect(count(m.concernRecall, 35)).toBeGreaterThanOrEqual(row.concern - 1);
    expect(count(m.benignUrgent, 50)).toBeLessThanOrEqual(row.benignUrgent + 1);
    expect(count(m.benignAny, 50)).toBeLessThanOrEqual(row.benignAny + 1);
    // The lexicon alone is deterministic: no slack.
    expect(count(lexicon.urgentRecall, 45)).toBeGreaterThanOrEqual(row.lexicon);
  });

  it('prints the sealed files together: the estimate on wording nobody listed', () => {
    const all = SEALED.map((row) => measure(`test/safety/holdout${row.n}.en.tsv`));
    const sum = (pick: (m: Metrics) => number, label: 'urgent' | 'benign') => all.reduce((n, m) => n + pick(m) * m.counts[label], 0);
    const urgent = all.reduce((n, m) => n + m.counts.urgent, 0);
    const benign = all.reduce((n, m) => n + m.counts.benign, 0);
    const found = Math.round(sum((m) => m.urgentRecall, 'urgent'));
    const concern = all.reduce((n, m) => n + m.counts.concern, 0);
    const noticed = Math.round(all.reduce((n, m) => n + m.concernRecall * m.counts.concern, 0));
    const alarms = Math.round(sum((m) => m.benignUrgent, 'benign'));
    const flagged = Math.round(sum((m) => m.benignAny, 'benign'));
    const pct = (n: number, of: number) => `${n}/${of} (${((n / of) * 100).toFixed(1)}%)`;
    console.log(
      `sealed files together: urgent recall ${pct(found, urgent)}, concern recall ${pct(noticed, concern)}, benign rated urgent ${pct(alarms, benign)}, benign rated anything ${pct(flagged, benign)}`,
    );
    expect(found / urgent).toBeGreaterThanOrEqual(TARGETS.urgentRecall);
    expect(noticed / concern).toBeGreaterThanOrEqual(0.9);
    expect(alarms / benign).toBeLessThanOrEqual(TARGETS.benignUrgent);
    expect(flagged / benign).toBeLessThanOrEqual(TARGETS.benignAny);
  });

  it('raises no urgent alarm, and rarely a check-in, on ordinary answers to the flow’s questions (sealed)', () => {
    const rows = readFixtures('test/safety/benign-answers.en.tsv');
    const levels = rows.map((row) => assessRisk(row.message).level);
    const checkIns = levels.filter((level) => level === 'concern').length;
    console.log(`benign-answers.en.tsv: ${rows.length} ordinary answers, ${levels.filter((l) => l === 'urgent').length} rated urgent, ${checkIns} rated concern`);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.every((row) => row.label === 'benign')).toBe(true);
    expect(levels).not.toContain('urgent');
    // The lexicon alone flags none; the concern model flags 2 (1%), each met by one check-in.
    expect(checkIns).toBeLessThanOrEqual(3);
  });
});
