/**
 * The second net under the lexicon: two small logistic-regression models over the words of a message.
 *
 * Why: the lexicon only finds wording somebody listed. On sets written blind by people who never
 * saw it, it found about three in four urgent messages — the ones it missed describe a situation
 * ("I've put the dog's lead and my letters on the table for mum") rather than name it. A model
 * trained on thousands of labelled messages weighs every word and pair of words, so it generalises
 * to wording nobody listed. Both are trained by `npm run risk:train` from the labelled files in
 * test/safety (never from the sealed ones) and stored as plain weights in `model.en.json`:
 *   - `urgent` tells urgent messages from all others;
 *   - `anyRisk` tells messages of concern or urgent from benign ones, so that passive ideation in
 *     words nobody listed ("some mornings I lie there wishing the day just would not start") gets
 *     the check-in.
 *
 * How the engine uses them (assess.ts): they only ever raise a level, never lower one, and they do
 * not see the words the lexicon read as an idiom ("you killed it"), as negated or denied in their
 * sentence ("I'm not going to hurt myself", "...but I wouldn't") or as past ("when I was 15").
 * Their matches say which words weighed most, so a clinician can see why: `npm run risk -- --why`
 * shows them under category `model`.
 *
 * Features are the words of the tokenised message (assess.ts's `tokenise`, so slang and spelling
 * are already mended), lightly stemmed, without a few very common words, plus each pair of
 * neighbouring words in a clause. Training and scoring both use `modelFeatures`, so they cannot
 * drift apart.
 */
export interface BinaryModel {
  bias: number;
  weights: Record<string, number>;
}

export interface RiskModel {
  /** What it was trained on, and how: written by the training script, read by people. */
  about: { trainedOn: string[]; examples: Record<string, number>; settings: Record<string, number> };
  urgent: BinaryModel;
  anyRisk: BinaryModel;
}

/** Models that never fire: the lexicon alone (for a plan read as a whole, and to measure). */
export const LEXICON_ONLY: RiskModel = {
  about: { trainedOn: [], examples: {}, settings: {} },
  urgent: { bias: -Infinity, weights: {} },
  anyRisk: { bias: -Infinity, weights: {} },
};

/**
 * How `model.en.json` holds the weights, to keep the file the browser loads small: every feature
 * once (space-separated, sorted), and for each head its weights in tenths, in the same order (0
 * where a head has none).
 */
export interface StoredModel {
  about: RiskModel['about'];
  features: string;
  urgent: { bias: number; tenths: number[] };
  anyRisk: { bias: number; tenths: number[] };
}

export function toStored(model: RiskModel): StoredModel {
  const features = [...new Set([...Object.keys(model.urgent.weights), ...Object.keys(model.anyRisk.weights)])].sort();
  const weightOf = (m: BinaryModel, f: string) => (Object.hasOwn(m.weights, f) ? m.weights[f]! : 0);
  const head = (m: BinaryModel) => ({ bias: m.bias, tenths: features.map((f) => Math.round(weightOf(m, f) * 10)) });
  return { about: model.about, features: features.join(' '), urgent: head(model.urgent), anyRisk: head(model.anyRisk) };
}

export function fromStored(stored: StoredModel): RiskModel {
  const features = stored.features.split(' ');
  const head = (h: StoredModel['urgent']): BinaryModel => {
    // No prototype: a feature may be any word, "__proto__" and "constructor" included.
    const weights = Object.create(null) as Record<string, number>;
    h.tenths.forEach((t, i) => {
      if (t) weights[features[i]!] = t / 10;
    });
    return { bias: h.bias, weights };
  };
  return { about: stored.about, urgent: head(stored.urgent), anyRisk: head(stored.anyRisk) };
}

/**
 * At or above URGENT_AT probability of "urgent", a message the lexicon rated none or concern
 * becomes urgent; at or above CONCERN_AT probability of "concern or urgent", a message it rated
 * none becomes concern. Chosen by cross-validation (see train.ts). CONCERN_AT is the stricter: a
 * false concern puts a check-in into an ordinary session, and at 0.8 the concern head flagged 3.6%
 * of benign messages (3.1% at 0.9) to find 1% more of the concern ones.
 */
export const URGENT_AT = 0.8;
export const CONCERN_AT = 0.9;

// Words so common they say nothing about risk; dropping them keeps the model small.
const STOP_WORDS = new Set(
  'the a an to and of i my me it is am are was be in on at for this that with so just have has but or you your its do'.split(' '),
);

/** Fold plural and tense endings ("pills" → "pill", "jumping" → "jump", "notes" → "note", never "not"). */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Words, and pairs of neighbouring words within a clause, of a tokenised message. */
export function modelFeatures(tokens: string[]): string[] {
  const BREAK = '';
  const words = tokens.map((t) => (t === '.' || t === ',' ? BREAK : /^\d+$/.test(t) ? '#num' : stem(t)));
  const out = new Set<string>();
  for (const w of words) if (w !== BREAK && !STOP_WORDS.has(w)) out.add(w);
  for (let i = 0; i + 1 < words.length; i++) if (words[i] !== BREAK && words[i + 1] !== BREAK) out.add(`${words[i]}_${words[i + 1]}`);
  return [...out];
}

export interface ModelScore {
  probability: number;
  /** The features that pushed hardest towards the head's class, strongest first. */
  strongest: string[];
}

export function scoreFeatures(model: BinaryModel, features: string[]): ModelScore {
  let z = model.bias;
  const pushes: Array<[string, number]> = [];
  for (const f of features) {
    // Own keys only: a word like "constructor" must not find Object.prototype's.
    const w = Object.hasOwn(model.weights, f) ? model.weights[f] : undefined;
    if (typeof w !== 'number' || !Number.isFinite(w)) continue;
    z += w;
    if (w > 0) pushes.push([f, w]);
  }
  pushes.sort((a, b) => b[1] - a[1]);
  return { probability: 1 / (1 + Math.exp(-z)), strongest: pushes.slice(0, 3).map(([f]) => f.replace('_', ' ')) };
}
