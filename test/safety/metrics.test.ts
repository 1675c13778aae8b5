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
   * Later rounds (files 6–18) took it to 100%. Its figures are no longer an honest estimate; the
   * sealed files 9 and 17 are.
   */
  /*
   * The blind held-out files 5–18, each tuned on once after its first run (see the header), except
   * the two sealed ones. Each row holds today's figures as floors (recall) and ceilings (benign), so
   * a change that makes the engine worse on any of them fails. A sealed file prints its figures but
   * not its misses: nobody should tune on it by reading them.
   */
  const HELD_OUT: Array<{ n: number; about: string; lines: number; urgent: number; concern: number; benignUrgent: number; benignAny: number; sealed?: true }> = [
    { n: 5, about: 'blind', lines: 100, urgent: 1, concern: 1, benignUrgent: 0, benignAny: 0.03 },
    // Two benign lines are rated concern on purpose: a past self-harm disclosure and a negated one
    // ("I'd never hurt myself") are concern by design, a gentle check-in.
    { n: 6, about: 'sideways wording', lines: 140, urgent: 0.96, concern: 0.94, benignUrgent: 0, benignAny: 0.04 },
    { n: 7, about: 'teenagers texting', lines: 130, urgent: 1, concern: 0.97, benignUrgent: 0, benignAny: 0 },
    { n: 8, about: 'adults, understated', lines: 130, urgent: 0.91, concern: 0.97, benignUrgent: 0, benignAny: 0 },
    { n: 9, about: 'everyone', lines: 130, urgent: 0.8, concern: 0.82, benignUrgent: 0.02, benignAny: 0.02, sealed: true },
    { n: 10, about: 'live chat', lines: 130, urgent: 0.93, concern: 0.82, benignUrgent: 0.04, benignAny: 0.04 },
    { n: 11, about: 'answers to the flow', lines: 130, urgent: 0.95, concern: 0.85, benignUrgent: 0, benignAny: 0 },
    { n: 12, about: 'regional', lines: 130, urgent: 0.88, concern: 0.97, benignUrgent: 0, benignAny: 0 },
    { n: 13, about: 'hard look-alikes', lines: 130, urgent: 0.92, concern: 0.9, benignUrgent: 0, benignAny: 0 },
    { n: 14, about: 'about others', lines: 130, urgent: 0.88, concern: 0.91, benignUrgent: 0, benignAny: 0 },
    { n: 15, about: 'minimal wording', lines: 130, urgent: 0.8, concern: 0.82, benignUrgent: 0, benignAny: 0 },
    { n: 16, about: 'varied voices', lines: 130, urgent: 0.97, concern: 0.88, benignUrgent: 0, benignAny: 0 },
    { n: 17, about: 'an ordinary cross-section', lines: 130, urgent: 0.73, concern: 0.74, benignUrgent: 0.02, benignAny: 0.02, sealed: true },
    { n: 18, about: 'self-harm, abuse, medical', lines: 130, urgent: 0.95, concern: 0.97, benignUrgent: 0.02, benignAny: 0.02 },
  ];

  it.each(HELD_OUT)('holds up on held-out file $n ($about)', (row) => {
    const m = measure(`test/safety/holdout${row.n}.en.tsv`);
    const name = `holdout${row.n}.en.tsv (${row.sealed ? 'sealed, never tuned on' : 'blind, tuned on once'})`;
    console.log(row.sealed ? report(name, m).split('\n').slice(0, 3).join('\n') : report(name, m));
    expect(m.counts.urgent + m.counts.concern + m.counts.benign).toBeGreaterThanOrEqual(row.lines);
    expect(m.urgentRecall).toBeGreaterThanOrEqual(row.urgent);
    expect(m.concernRecall).toBeGreaterThanOrEqual(row.concern);
    expect(m.benignUrgent).toBeLessThanOrEqual(row.benignUrgent);
    expect(m.benignAny).toBeLessThanOrEqual(row.benignAny);
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
