import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../flows/safety/assess.js';
import { trainingFiles } from '../../scripts/train-risk-model.js';
import { NO_MODEL, measure, readFixtures, report, type Metrics } from './fixtures.js';

/**
 * Recall and false-positive rates of the risk engine: the lexicon, and the model trained on top of it.
 *
 * TWO KINDS OF FILE
 * - Training files: every *.tsv here whose first line does not say SEALED. The model is trained on
 *   them (`npm run risk:train`), so their figures show what it has learnt, not how it generalises.
 *   They still guard against a change that unlearns something: each must meet the targets.
 * - SEALED files: holdout9, holdout17, holdout22, holdout23 and benign-answers. Written blind (by
 *   people who never saw the lexicon, the model or any example), never trained or tuned on. Their
 *   figures are the honest estimate on wording nobody has listed. A sealed file prints its figures
 *   but not its misses: read them if you must, but fix the engine with examples of your own.
 *
 * HISTORY OF FIRST RUNS (each blind file measured before anything was learnt from it)
 *   Lexicon alone, files 5–18: urgent recall 32–71% on the first run of each (see git history for
 *   each file's figures); after tuning the lexicon on 5–8 and 10–16, 18, the sealed holdout9 reached
 *   80.0% and holdout17 73.3%, and more rules added nothing.
 *   Then three fresh blind files (19–21) measured the lexicon at 66.7% urgent recall (19: 75.6%,
 *   20: 51.1%, 21: 73.3%), benign rated urgent 5.3%. With the first model (trained on files up to
 *   18): 90.4%, benign rated urgent 8.0%. They were then added to the training files.
 *   Two more fresh blind files, sealed from the start: holdout22 and holdout23. Lexicon alone:
 *   urgent recall 61.1%, benign rated urgent 3.0%. With the model (trained on everything but the
 *   sealed files): see the sealed test below, which prints today's figures.
 *   Leave-one-file-out cross-validation of the whole engine over the blind training files (each
 *   file scored by a model trained without it): urgent recall 96.1%, benign rated urgent 2.3%
 *   (lexicon alone on the same files, which it was tuned on: 87.9%, 1.5%).
 * The assertions hold today's figures, so a change that makes the engine worse fails.
 */
describe('risk metrics', () => {
  const TARGETS = { urgentRecall: 0.95, benignUrgent: 0.03, benignAny: 0.1 };

  it('trains on every file but the sealed ones', () => {
    const files = trainingFiles();
    for (const sealed of ['holdout9', 'holdout17', 'holdout22', 'holdout23', 'benign-answers']) {
      expect(files).not.toContain(`${sealed}.en.tsv`);
    }
    expect(files).toEqual(expect.arrayContaining(['fixtures.en.tsv', 'holdout5.en.tsv', 'holdout21.en.tsv', 'training-c.en.tsv']));
  });

  it.each(trainingFiles())('meets the targets on training file %s', (file) => {
    const m = measure(`test/safety/${file}`);
    console.log(report(`${file} (trained on)`, m));
    expect(m.urgentRecall).toBeGreaterThanOrEqual(TARGETS.urgentRecall);
    // A few files were written as hard look-alikes: the lexicon's own false alarms there (a will
    // written after a baby, a goodbye at work) are kept visible rather than hidden by the model.
    const lookAlikes = /^(holdout19|holdout21|training-a|training-b)\./.test(file);
    expect(m.benignUrgent).toBeLessThanOrEqual(lookAlikes ? 0.08 : 0.04);
    expect(m.benignAny).toBeLessThanOrEqual(TARGETS.benignAny);
  });

  /*
   * Today's figures on the sealed files, as floors (recall) and ceilings (benign). `lexicon` is the
   * lexicon alone, so the model's share can be seen.
   */
  const SEALED: Array<{ n: number; about: string; urgent: number; concern: number; benignUrgent: number; benignAny: number; lexicon: number }> = [
    { n: 9, about: 'everyone', urgent: 0.93, concern: 0.82, benignUrgent: 0.02, benignAny: 0.02, lexicon: 0.8 },
    { n: 17, about: 'an ordinary cross-section', urgent: 0.88, concern: 0.74, benignUrgent: 0.02, benignAny: 0.02, lexicon: 0.73 },
    { n: 22, about: 'flow answers and live chat', urgent: 0.93, concern: 0.68, benignUrgent: 0.04, benignAny: 0.04, lexicon: 0.57 },
    { n: 23, about: 'varied, some deflecting', urgent: 0.95, concern: 0.65, benignUrgent: 0.02, benignAny: 0.02, lexicon: 0.64 },
  ];

  it.each(SEALED)('holds up on sealed file $n ($about), never trained or tuned on', (row) => {
    const m = measure(`test/safety/holdout${row.n}.en.tsv`);
    const lexicon = measure(`test/safety/holdout${row.n}.en.tsv`, NO_MODEL);
    console.log(`${report(`holdout${row.n}.en.tsv (sealed)`, m).split('\n').slice(0, 3).join('\n')}\n  lexicon alone: urgent recall ${(lexicon.urgentRecall * 100).toFixed(1)}%`);
    expect(m.counts).toEqual({ urgent: 45, concern: 35, benign: 50 });
    expect(m.urgentRecall).toBeGreaterThanOrEqual(row.urgent);
    expect(m.concernRecall).toBeGreaterThanOrEqual(row.concern);
    expect(m.benignUrgent).toBeLessThanOrEqual(row.benignUrgent);
    expect(m.benignAny).toBeLessThanOrEqual(row.benignAny);
    expect(lexicon.urgentRecall).toBeGreaterThanOrEqual(row.lexicon);
  });

  it('prints the sealed files together: the estimate on wording nobody listed', () => {
    const all = SEALED.map((row) => measure(`test/safety/holdout${row.n}.en.tsv`));
    const sum = (pick: (m: Metrics) => number, label: 'urgent' | 'benign') => all.reduce((n, m) => n + pick(m) * m.counts[label], 0);
    const urgent = all.reduce((n, m) => n + m.counts.urgent, 0);
    const benign = all.reduce((n, m) => n + m.counts.benign, 0);
    const found = Math.round(sum((m) => m.urgentRecall, 'urgent'));
    const alarms = Math.round(sum((m) => m.benignUrgent, 'benign'));
    console.log(`sealed files together: urgent recall ${found}/${urgent} (${((found / urgent) * 100).toFixed(1)}%), benign rated urgent ${alarms}/${benign} (${((alarms / benign) * 100).toFixed(1)}%)`);
    expect(found / urgent).toBeGreaterThanOrEqual(0.92);
    expect(alarms / benign).toBeLessThanOrEqual(TARGETS.benignUrgent);
  });

  it('raises no false alarm on ordinary answers to the flow’s questions (sealed)', () => {
    const rows = readFixtures('test/safety/benign-answers.en.tsv');
    const flagged = rows.filter((row) => assessRisk(row.message).level !== 'none');
    console.log(`benign-answers.en.tsv: ${rows.length} ordinary answers, ${flagged.length} flagged`);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.every((row) => row.label === 'benign')).toBe(true);
    expect(flagged.map((row) => row.message)).toEqual([]);
  });
});
