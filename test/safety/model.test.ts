import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessRisk, tokenise } from '../../flows/safety/assess.js';
import { LEXICON_ONLY, fromStored, modelFeatures, type RiskModel, type StoredModel } from '../../flows/safety/model.js';
import { trainRiskModel } from '../../flows/safety/train.js';
import { MODEL_PATH, modelFileText, trainFromFiles, trainingFiles } from '../../scripts/train-risk-model.js';

const stored = fromStored(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as StoredModel);
const level = (text: string) => assessRisk(text).level;

describe('risk models', () => {
  it('is up to date with the labelled files and the lexicon (else: npm run risk:train)', () => {
    expect(stored.about.trainedOn).toEqual(trainingFiles());
    // Training is deterministic: the stored file is exactly what a fresh training writes.
    expect(readFileSync(MODEL_PATH, 'utf8')).toBe(modelFileText(trainFromFiles()));
  }, 60_000); // training takes a few seconds

  it('trains the same weights from the same examples', () => {
    const examples = [
      { label: 'urgent' as const, message: 'the rope is in the shed and tonight is the night' },
      { label: 'benign' as const, message: 'tied the boat up with a rope tonight' },
      { label: 'concern' as const, message: 'I feel like a burden lately' },
    ];
    expect(trainRiskModel(examples, [])).toEqual(trainRiskModel(examples, []));
  });

  it('raises wording the lexicon never listed to urgent, and says which words weighed', () => {
    const text = "I've put the dog's lead and my letters on the table for mum, she'll find them in the morning";
    expect(assessRisk(text, 'en', LEXICON_ONLY).level).toBe('none');
    const rated = assessRisk(text);
    expect(rated.level).toBe('urgent');
    expect(rated.categories).toEqual(['model']);
    expect(rated.matches[0]?.phrase).toMatch(/letter|lead|find|morning|mum/);
  });

  it('raises a worrying message in words nobody listed to concern, so the check-in asks', () => {
    const text = 'some mornings I lie there wishing the day just would not start';
    expect(assessRisk(text, 'en', LEXICON_ONLY).level).toBe('none');
    expect(assessRisk(text)).toMatchObject({ level: 'concern', categories: ['model'] });
  });

  it('never lowers what the lexicon rated', () => {
    // A concern head that fires on everything must not pull an urgent message down to concern.
    const alwaysConcern: RiskModel = { ...LEXICON_ONLY, anyRisk: { bias: 50, weights: {} } };
    expect(assessRisk('I am going to kill myself', 'en', alwaysConcern).level).toBe('urgent');
    expect(assessRisk('the weather is nice', 'en', alwaysConcern).level).toBe('concern');
    expect(level('my friend wants to die')).not.toBe('none');
  });

  it('does not see words the lexicon read as negated, an idiom or the past', () => {
    // A model that calls these words urgent wherever it sees them: only the unguarded ones count.
    const keys = [...modelFeatures(tokenise('pills. kill. overdosed.')), 'all_my'];
    const eager: RiskModel = { ...LEXICON_ONLY, urgent: { bias: -4, weights: Object.fromEntries(keys.map((k) => [k, 6])) } };
    expect(assessRisk("I'm not going to take all my pills, I just feel flat", 'en', eager).level).toBe('concern');
    expect(assessRisk("sometimes I think about killing myself but I wouldn't", 'en', eager).level).toBe('concern');
    expect(assessRisk('you killed it', 'en', eager).level).toBe('none');
    expect(assessRisk('i overdosed when i was 15', 'en', eager).level).toBe('concern');
    // Unguarded: no rule read these words at all, or a denial stands in another sentence.
    expect(assessRisk('bought pills for my headache', 'en', eager).level).toBe('urgent');
    expect(assessRisk('no plans this weekend. took all my pills', 'en', eager).level).toBe('urgent');
  });

  it('reads only its own weights ("constructor" is a word, not a property)', () => {
    expect(level('my dad works as a constructor')).toBe('none');
    // As its own feature it counts like any word.
    const head = (tenths: number[]) => ({ bias: -4, tenths });
    const own = fromStored({ about: LEXICON_ONLY.about, features: 'constructor hello', urgent: head([60, 0]), anyRisk: head([0, 0]) });
    expect(assessRisk('constructor', 'en', own).level).toBe('urgent');
    const other = fromStored({ about: LEXICON_ONLY.about, features: 'hello', urgent: head([60]), anyRisk: head([0]) });
    expect(assessRisk('constructor', 'en', other).level).toBe('none');
  });

  it('leaves help-seeking and repair alone: the answers a flow hopes for', () => {
    for (const answer of [
      "I'm going to ask my nan if I can stay with her",
      'I will talk to the school counsellor on Tuesday',
      "I'm going to say thank you to my coach",
      'I am going to tell my older brother how I feel',
      'going to ring my aunty after dinner',
    ]) {
      expect(level(answer), answer).toBe('none');
    }
  });

  it('leaves ordinary plans with a time in them alone', () => {
    for (const answer of ['Tomorrow at 7, I will put it in my calendar now', 'going to bed early tonight', 'I need to head off to pick up the kids, thanks for this']) {
      expect(level(answer)).toBe('none');
    }
  });
});
