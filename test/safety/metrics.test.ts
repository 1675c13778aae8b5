import { describe, expect, it } from 'vitest';
import { assessRisk } from '../../flows/safety/assess.js';
import { measure, readFixtures, report } from './fixtures.js';

/**
 * Recall and false-positive rates on the labelled fixtures.
 *
 * fixtures.en.tsv was written alongside the lexicon: it shows what the lexicon covers, not how it
 * generalises. The holdout files were each written after the engine, in phrasings unlike the
 * lexicon, measured first, then tuned on once. Their first, untuned figures (in the file headers)
 * are the honest estimate of how the engine does on phrasings nobody has listed:
 *   holdout.en.tsv  urgent recall 50.0%, benign rated urgent 4.0% (first run)
 *   holdout2.en.tsv urgent recall 36.4%, benign rated urgent 8.0% (first run)
 *   holdout3.en.tsv urgent recall 72.2%, benign rated urgent 0.0% (first run)
 *   holdout4.en.tsv urgent recall 62.2%, concern recall 70.0%, benign rated urgent 0.0%, benign
 *                   rated anything 0.0% (first run)
 *   holdout5.en.tsv urgent recall 60.0%, concern recall 56.0%, benign rated urgent 5.7% (first run,
 *                   blind: written by someone who had not seen the lexicon)
 *   holdout6.en.tsv urgent recall 32.0%, concern recall 57.1%, benign rated urgent 3.6%, benign
 *                   rated anything 7.3% (first run, blind, and asked for sideways wording)
 *   holdout7.en.tsv urgent recall 62.2%, concern recall 77.1%, benign rated urgent 0.0%, benign
 *                   rated anything 0.0% (first run, blind, teenagers texting)
 *   holdout8.en.tsv urgent recall 42.2%, concern recall 45.7%, benign rated urgent 4.0%, benign
 *                   rated anything 6.0% (first run, blind, adults, understated)
 *   holdout9.en.tsv urgent recall 68.9%, concern recall 77.1%, benign rated urgent 2.0%, benign
 *                   rated anything 2.0% (first run, blind, everyone; measured after tuning on 6–8)
 *   holdout10.en.tsv urgent recall 37.8%, concern recall 54.3%, benign rated urgent 6.0% (first
 *                   run, blind, live chat); holdout11.en.tsv urgent recall 64.4%, concern recall
 *                   62.9%, benign rated urgent 2.0% (first run, blind, answers to the flow's questions)
 *   holdout12.en.tsv urgent recall 53.3%, concern recall 54.3%, benign rated urgent 0.0% (first
 *                   run, blind, regional); holdout13.en.tsv urgent recall 47.5%, concern recall
 *                   60.0%, benign rated urgent 6.7%, benign rated anything 10.0% (first run, blind,
 *                   hard look-alikes)
 *   holdout14.en.tsv urgent recall 68.9%, concern recall 68.6%, benign rated urgent 4.0% (first
 *                   run, blind, about others); holdout15.en.tsv urgent recall 33.3%, concern recall
 *                   40.0%, benign rated urgent 2.0% (first run, blind, minimal and indirect)
 *   holdout18.en.tsv urgent recall 68.9%, concern recall 65.7%, benign rated urgent 0.0% (first
 *                   run, blind, self-harm, abuse and medical); holdout16.en.tsv urgent recall 71.1%,
 *                   concern recall 60.0%, benign rated urgent 4.0% (first run after tuning on 18,
 *                   blind, varied voices)
 *   holdout9 (sealed) after tuning on 10: urgent recall 73.3%; on 11 as well: 75.6%; on 12 and 13:
 *                   77.8%; on 14 and 15: 80.0%; on 16 and 18: 80.0% (no further gain).
 *   benign-answers.en.tsv: 200 ordinary answers to the flow's questions, written blind: none rated
 *                   anything on the first run (0% false alarms).
 *   holdout17.en.tsv (SEALED, an ordinary cross-section) first run, after tuning on 6–15 and 18:
 *                   urgent recall 73.3%, concern recall 74.3%, benign rated urgent 2.0%, benign
 *                   rated anything 2.0%. Unchanged by tuning on 16.
 * holdout9 is SEALED: it is never tuned on, so it keeps measuring how well each later change
 * generalises. Read its misses if you must, but fix the engine with new words of your own.
 * Do not tune on them again: write a new holdout file when you want a fresh estimate.
 * The assertions below hold today's figures, so a change that makes the engine worse fails.
 */
describe('risk metrics', () => {
  it('meets the targets on the main fixtures', () => {
    const m = measure('test/safety/fixtures.en.tsv');
    console.log(report('fixtures.en.tsv', m));
    expect(m.counts.urgent).toBeGreaterThanOrEqual(80);
    expect(m.counts.concern).toBeGreaterThanOrEqual(60);
    expect(m.counts.benign).toBeGreaterThanOrEqual(100);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(0.95);
    expect(m.benignUrgent).toBeLessThanOrEqual(0.03);
    expect(m.benignAny).toBeLessThanOrEqual(0.1);
  });

  it('holds up on the first held-out file (tuned on once)', () => {
    const m = measure('test/safety/holdout.en.tsv');
    console.log(report('holdout.en.tsv', m));
    expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(60);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(0.95);
    // One benign message in 25 ("he always beats me", about a video game) is rated urgent: 4%.
    expect(m.benignUrgent).toBeLessThanOrEqual(0.04);
    expect(m.benignAny).toBeLessThanOrEqual(0.1);
  });

  it('holds up on the second and third held-out files (tuned on once)', () => {
    const two = measure('test/safety/holdout2.en.tsv');
    const three = measure('test/safety/holdout3.en.tsv');
    console.log(report('holdout2.en.tsv', two));
    console.log(report('holdout3.en.tsv', three));
    // holdout2: 20 of 22 urgent found (90.9%), below the 95% target.
    expect(two.urgentRecall).toBeGreaterThanOrEqual(0.9);
    expect(two.benignUrgent).toBeLessThanOrEqual(0.03);
    expect(two.benignAny).toBeLessThanOrEqual(0.1);
    expect(three.urgentRecall).toBeGreaterThanOrEqual(0.95);
    expect(three.benignUrgent).toBeLessThanOrEqual(0.03);
    expect(three.benignAny).toBeLessThanOrEqual(0.1);
  });

  it('holds up on the fourth held-out file (tuned on once)', () => {
    const m = measure('test/safety/holdout4.en.tsv');
    console.log(report('holdout4.en.tsv', m));
    // First run: urgent 62.2%, concern 70.0%, benign urgent 0.0%, benign any 0.0%. It was tuned on
    // once with word families and cues that count only together (`ifAlone`), not its sentences.
    expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(120);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(1);
    expect(m.concernRecall).toBeGreaterThanOrEqual(1);
    expect(m.benignUrgent).toBeLessThanOrEqual(0.03);
    expect(m.benignAny).toBeLessThanOrEqual(0.1);
  });

  /*
   * holdout5.en.tsv was written blind (by someone who saw neither the engine nor any example) after
   * the fourth tuning round. Its first run, untuned, was the honest estimate on new wording, and it
   * was well short of the targets (urgent recall >= 95%, benign rated urgent <= 3%):
   *   urgent recall 60.0%, concern recall 56.0%, benign rated urgent 5.7%, benign rated anything 8.6%.
   * It was tuned on once afterwards (principled fixes): an ingestion minutes or hours ago is not
   * softened as past; method questions in the second or generic person count as method seeking;
   * classic passive-ideation wordings; means with a place or a time, and cues that count only
   * together (preparing means, "decided" + a day); laughter or a trivial trigger after a threat at
   * someone else is hyperbole. It was fixed by mechanism, with new fixture lines in other words, not
   * by copying its sentences. Afterwards:
   *   urgent recall 85.0%, concern recall 76.0%, benign rated urgent 0.0%, benign rated anything 2.9%.
   * Still short of the urgent target. Its figures are no longer an honest estimate: write a new blind
   * file to measure with. The assertions hold today's figures.
   */
  it('holds up on the fifth held-out file (blind, tuned on once): today’s figures, short of the targets', () => {
    const m = measure('test/safety/holdout5.en.tsv');
    console.log(report('holdout5.en.tsv (blind, tuned on once)', m));
    expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(100);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(0.97);
    expect(m.concernRecall).toBeGreaterThanOrEqual(1);
    expect(m.benignUrgent).toBeLessThanOrEqual(0);
    expect(m.benignAny).toBeLessThanOrEqual(0.03);
  });

  it('holds up on the sixth held-out file (blind, sideways wording, tuned on once)', () => {
    const m = measure('test/safety/holdout6.en.tsv');
    console.log(report('holdout6.en.tsv (blind, tuned on once)', m));
    expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(140);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(0.94);
    expect(m.concernRecall).toBeGreaterThanOrEqual(0.94);
    expect(m.benignUrgent).toBeLessThanOrEqual(0);
    // Two benign lines are rated concern on purpose: a past self-harm disclosure and a negated one
    // ("I'd never hurt myself") are concern by design, a gentle check-in.
    expect(m.benignAny).toBeLessThanOrEqual(0.04);
  });

  it('holds up on the seventh and eighth held-out files (blind, tuned on once)', () => {
    const seventh = measure('test/safety/holdout7.en.tsv');
    const eighth = measure('test/safety/holdout8.en.tsv');
    console.log(report('holdout7.en.tsv (blind, tuned on once)', seventh));
    console.log(report('holdout8.en.tsv (blind, tuned on once)', eighth));
    for (const m of [seventh, eighth]) {
      expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(130);
      expect(m.benignUrgent).toBeLessThanOrEqual(0);
      expect(m.benignAny).toBeLessThanOrEqual(0);
    }
    expect(seventh.urgentRecall).toBeGreaterThanOrEqual(0.97);
    expect(seventh.concernRecall).toBeGreaterThanOrEqual(0.97);
    expect(eighth.urgentRecall).toBeGreaterThanOrEqual(0.91);
    expect(eighth.concernRecall).toBeGreaterThanOrEqual(0.88);
  });

  it('on the sealed ninth held-out file (never tuned on): today’s figures, short of the targets', () => {
    const m = measure('test/safety/holdout9.en.tsv');
    console.log(report('holdout9.en.tsv (sealed)', m).split('\n').slice(0, 3).join('\n'));
    expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(130);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(0.8);
    expect(m.concernRecall).toBeGreaterThanOrEqual(0.82);
    expect(m.benignUrgent).toBeLessThanOrEqual(0.02);
    expect(m.benignAny).toBeLessThanOrEqual(0.02);
  });

  it('holds up on the tenth and eleventh held-out files (blind, tuned on once)', () => {
    const tenth = measure('test/safety/holdout10.en.tsv');
    const eleventh = measure('test/safety/holdout11.en.tsv');
    console.log(report('holdout10.en.tsv (blind, tuned on once)', tenth));
    console.log(report('holdout11.en.tsv (blind, tuned on once)', eleventh));
    expect(tenth.urgentRecall).toBeGreaterThanOrEqual(0.86);
    expect(tenth.concernRecall).toBeGreaterThanOrEqual(0.82);
    expect(tenth.benignUrgent).toBeLessThanOrEqual(0.04);
    expect(eleventh.urgentRecall).toBeGreaterThanOrEqual(0.93);
    expect(eleventh.concernRecall).toBeGreaterThanOrEqual(0.85);
    expect(eleventh.benignAny).toBeLessThanOrEqual(0);
  });

  it('holds up on the twelfth and thirteenth held-out files (blind, tuned on once)', () => {
    const twelfth = measure('test/safety/holdout12.en.tsv');
    const thirteenth = measure('test/safety/holdout13.en.tsv');
    console.log(report('holdout12.en.tsv (blind, tuned on once)', twelfth));
    console.log(report('holdout13.en.tsv (blind, hard look-alikes, tuned on once)', thirteenth));
    expect(twelfth.urgentRecall).toBeGreaterThanOrEqual(0.88);
    expect(twelfth.concernRecall).toBeGreaterThanOrEqual(0.97);
    expect(twelfth.benignAny).toBeLessThanOrEqual(0);
    expect(thirteenth.urgentRecall).toBeGreaterThanOrEqual(0.92);
    expect(thirteenth.concernRecall).toBeGreaterThanOrEqual(0.9);
    expect(thirteenth.benignUrgent).toBeLessThanOrEqual(0);
    expect(thirteenth.benignAny).toBeLessThanOrEqual(0.02);
  });

  it('holds up on the fourteenth and fifteenth held-out files (blind, tuned on once)', () => {
    const fourteenth = measure('test/safety/holdout14.en.tsv');
    const fifteenth = measure('test/safety/holdout15.en.tsv');
    console.log(report('holdout14.en.tsv (blind, tuned on once)', fourteenth));
    console.log(report('holdout15.en.tsv (blind, minimal wording, tuned on once)', fifteenth));
    expect(fourteenth.urgentRecall).toBeGreaterThanOrEqual(0.88);
    expect(fourteenth.concernRecall).toBeGreaterThanOrEqual(0.91);
    expect(fourteenth.benignAny).toBeLessThanOrEqual(0);
    expect(fifteenth.urgentRecall).toBeGreaterThanOrEqual(0.8);
    expect(fifteenth.concernRecall).toBeGreaterThanOrEqual(0.82);
    expect(fifteenth.benignUrgent).toBeLessThanOrEqual(0.02);
  });

  it('holds up on the sixteenth and eighteenth held-out files (blind, tuned on once)', () => {
    const sixteenth = measure('test/safety/holdout16.en.tsv');
    const eighteenth = measure('test/safety/holdout18.en.tsv');
    console.log(report('holdout16.en.tsv (blind, varied voices, tuned on once)', sixteenth));
    console.log(report('holdout18.en.tsv (blind, self-harm, abuse, medical, tuned on once)', eighteenth));
    expect(sixteenth.urgentRecall).toBeGreaterThanOrEqual(0.97);
    expect(sixteenth.concernRecall).toBeGreaterThanOrEqual(0.88);
    expect(sixteenth.benignAny).toBeLessThanOrEqual(0);
    expect(eighteenth.urgentRecall).toBeGreaterThanOrEqual(0.95);
    expect(eighteenth.concernRecall).toBeGreaterThanOrEqual(0.97);
    expect(eighteenth.benignUrgent).toBeLessThanOrEqual(0.02);
  });

  it('on the second sealed file (never tuned on, an ordinary cross-section): today’s figures, short of the targets', () => {
    const m = measure('test/safety/holdout17.en.tsv');
    console.log(report('holdout17.en.tsv (sealed)', m).split('\n').slice(0, 3).join('\n'));
    expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(130);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(0.73);
    expect(m.concernRecall).toBeGreaterThanOrEqual(0.74);
    expect(m.benignUrgent).toBeLessThanOrEqual(0.02);
    expect(m.benignAny).toBeLessThanOrEqual(0.02);
  });

  it('raises no false alarm on ordinary answers to the flow’s questions', () => {
    const rows = readFixtures('test/safety/benign-answers.en.tsv');
    const flagged = rows.filter((row) => assessRisk(row.message).level !== 'none');
    console.log(`benign-answers.en.tsv: ${rows.length} ordinary answers, ${flagged.length} flagged`);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.every((row) => row.label === 'benign')).toBe(true);
    expect(flagged.map((row) => row.message)).toEqual([]);
  });
});
