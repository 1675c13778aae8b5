// Content rules for the bundled flows: plain, short, kind words; the SST answers the widget needs;
// and every path ends. These guard against well-meant edits that drift into jargon or blame.
import { describe, expect, it } from 'vitest';
import { checkFlow, exits } from '../../flows/check.js';
import { parseFlowFile, stepTexts } from '../../flows/load.js';
import type { Flow, Step } from '../../flows/schema.js';

const flows = {
  default: { file: 'flows/default.flow.yaml', maxWords: 35, maxGrade: 6 },
  youth: { file: 'flows/youth.flow.yaml', maxWords: 30, maxGrade: 4 },
} as const;
type Name = keyof typeof flows;
const load = (name: Name) => parseFlowFile(flows[name].file);

/** Every text a person can see, as [where, text]. */
function texts(flow: Flow): Array<[string, string]> {
  return flow.steps.flatMap((step) =>
    stepTexts(step).flatMap(([field, t]) => Object.values(t).map((text) => [`${step.id}.${field}`, text] as [string, string])),
  );
}
/** Sentences of a text; a placeholder counts as one word. */
const sentences = (text: string) => text.split(/(?<=[.!?…])\s+/).filter((s) => /\w/.test(s));
const words = (sentence: string) => sentence.match(/[\p{L}\p{N}{][\p{L}\p{N}'’_.+{}-]*/gu) ?? [];

/** Rough syllable count: groups of vowels, minus a silent final e. Good enough on a whole flow. */
function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return 1;
  const groups = w.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').match(/[aeiouy]+/g)?.length ?? 0;
  return Math.max(1, groups);
}

/** Flesch-Kincaid grade level of all the texts together (US grade; reading age is about grade + 5). */
function gradeLevel(all: string[]): number {
  const ss = all.flatMap(sentences);
  const ws = ss.flatMap(words).filter((w) => !w.startsWith('{'));
  const syl = ws.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (ws.length / ss.length) + 11.8 * (syl / ws.length) - 15.59;
}

// Words that blame, pressure or sound clinical. Texts talk with the person, not about a patient.
const FORBIDDEN = /\b(fail(ure|ed|ing|s)?|must|should|wrong|lazy|weak|fault|blame|ought|have to|homework)\b/i;
const JARGON =
  /\b(intervention|therap(y|ies|ist|eutic)|psycho\w*|behaviou?ral|activation|cognitive|symptoms?|disorders?|diagnos\w*|patients?|clients?|clinical|scaling|SFBT|SST|compliance|modules?)\b/i;

describe.each(Object.keys(flows) as Name[])('%s flow', (name) => {
  const flow = load(name);
  const { maxWords, maxGrade } = flows[name];

  it('passes the checker', () => {
    expect(checkFlow(flow, flows[name].file)).toEqual([]);
  });

  it(`has no sentence over ${maxWords} words`, () => {
    const long = texts(flow).flatMap(([at, t]) => sentences(t).filter((s) => words(s).length > maxWords).map((s) => `${at}: ${s}`));
    expect(long).toEqual([]);
  });

  it(`reads at about grade ${maxGrade} or below`, () => {
    // Only running text: labels like "A pet" are not sentences and would flatter the score.
    const prose = texts(flow).filter(([at]) => /\.(say|paragraphs)\[|\.example\.quote$/.test(at));
    expect(prose.length).toBeGreaterThan(20);
    expect(gradeLevel(prose.map(([, t]) => t))).toBeLessThanOrEqual(maxGrade);
  });

  it('uses no blaming, pressuring or clinical words', () => {
    const bad = texts(flow).filter(([, t]) => FORBIDDEN.test(t) || JARGON.test(t));
    expect(bad).toEqual([]);
  });

  it('reaches its end step from the start, and the end is the last word', () => {
    const ends = flow.steps.flatMap((s, i) => (s.kind === 'end' ? [i] : []));
    expect(ends.length).toBeGreaterThan(0);
    const seen = new Set([0]);
    const todo = [0];
    while (todo.length) {
      for (const t of exits(flow, todo.pop()!).to) {
        const j = flow.steps.findIndex((s) => s.id === t.id);
        if (!seen.has(j)) (seen.add(j), todo.push(j));
      }
    }
    for (const i of ends) expect(seen.has(i), flow.steps[i]!.id).toBe(true);
    expect(flow.steps[ends[0]!]).toMatchObject({ crisis: true, links: [] });
  });

  it('captures the answers the widget and the outcome report rely on', () => {
    const kindOf = (answer: string) => flow.steps.find((s) => 'capture' in s && s.capture === answer)?.kind;
    expect(kindOf('goal')).toBe('text');
    expect(kindOf('plan')).toBe('plan');
    for (const rating of ['before', 'after', 'scale_now', 'confidence']) {
      const step = flow.steps.find((s) => 'capture' in s && s.capture === rating) as Extract<Step, { kind: 'rating' }>;
      expect(step).toMatchObject({ kind: 'rating', min: 0, max: 10 });
    }
    expect(kindOf('strengths')).toBe('choice');
    expect(kindOf('supports')).toBe('text');
  });

  it('asks before and after in the same words, so they can be compared', () => {
    const rating = (answer: string) => flow.steps.find((s) => 'capture' in s && s.capture === answer) as Extract<Step, { kind: 'rating' }>;
    const [before, after] = [rating('before'), rating('after')];
    expect([after.label, after.minLabel, after.maxLabel]).toEqual([before.label, before.minLabel, before.maxLabel]);
  });

  it('starts with consent and the crisis numbers, then a "start" choice', () => {
    const first = flow.steps[0]!;
    expect(first).toMatchObject({ kind: 'choice', crisis: true });
    expect(first.kind === 'choice' && first.options.map((o) => o.value)).toEqual(['start']);
    const consent = first.say.map((t) => t.en).join(' ');
    expect(consent).toMatch(/not (a crisis|for emergencies)/);
    expect(consent).toMatch(/name/);
    expect(consent).toMatch(/danger/);
  });

  it('makes the step smaller at most twice when confidence is below 7', () => {
    const confidence = flow.steps.find((s) => s.id === 'confidence')!;
    expect(confidence.next).toContainEqual({
      if: { all: [{ answer: 'confidence', below: 7 }, { visits: 'make_smaller', below: 2 }] },
      goto: 'make_smaller',
    });
    expect(flow.steps.find((s) => s.id === 'make_smaller')).toMatchObject({ kind: 'message', next: 'plan' });
  });
});

describe('default flow', () => {
  const flow = load('default');

  it('offers an optional age band that moves under-18s to the youth flow', () => {
    const age = flow.steps.find((s) => s.id === 'age_band');
    expect(age?.kind === 'choice' && age.capture).toBe('ageBand');
    expect(age?.kind === 'choice' && age.options.map((o) => [o.value, o.flow])).toEqual([
      ['under_13', 'youth'],
      ['13_to_17', 'youth'],
      ['18_or_over', undefined],
      ['rather_not_say', undefined],
    ]);
  });

  it('reflects the goal back and lets the person reword it', () => {
    const confirm = flow.steps.find((s) => s.id === 'confirm_goal');
    expect(confirm?.say[0]?.en).toContain('{goal}');
    expect(confirm?.kind === 'choice' && confirm.options.some((o) => o.goto === 'best_hopes')).toBe(true);
  });
});

describe('youth flow', () => {
  const flow = load('youth');

  it('asks for advice to another young person before the summary, and no age', () => {
    const ids = flow.steps.map((s) => s.id);
    expect(ids.indexOf('advice')).toBeGreaterThan(-1);
    expect(ids.indexOf('advice')).toBeLessThan(ids.indexOf('summary'));
    expect(flow.steps.find((s) => s.id === 'advice')).toMatchObject({ kind: 'text', capture: 'advice', optional: false });
    expect(flow.steps.some((s) => 'capture' in s && s.capture === 'ageBand')).toBe(false);
  });

  it('points to a trusted adult at school and to youth helplines', () => {
    const all = texts(flow).map(([, t]) => t).join(' ');
    expect(all).toMatch(/trusted adult at school/);
    expect(all).toMatch(/wellbeing lead/);
    expect(all).toMatch(/helpline for young people/);
    expect(all).not.toMatch(/(this|it) (will|is going to|can) help you/i);
  });
});
