/**
 * The second net under the lexicon: a small logistic-regression model over the words of a message.
 *
 * Why: the lexicon only finds wording somebody listed. On sets written blind by people who never
 * saw it, it found about three in four urgent messages — the ones it missed describe a situation
 * ("rope's in the ute", "heading up to level 8 of the car park now") rather than name it. A model
 * trained on a few thousand labelled messages weighs every word and pair of words, so it generalises
 * to wording nobody listed. It is trained by `npm run risk:train` from the labelled files in
 * test/safety (never from the sealed ones) and stored as plain weights in `model.en.json`.
 *
 * How the engine uses it (assess.ts): it only ever raises a level, never lowers one, and it does
 * not overrule the lexicon where the lexicon has read a risk word as negated ("I'm not going to
 * hurt myself") or as an idiom ("this traffic is killing me"). Its matches say which words weighed
 * most, so a clinician can see why: `npm run risk` shows them as category `model`.
 *
 * Features are the words of the tokenised message (assess.ts's `tokenise`, so slang and spelling
 * are already mended), lightly stemmed, without a few very common words, plus each pair of
 * neighbouring words. Training and scoring both use `modelFeatures`, so they cannot drift apart.
 */
export interface RiskModel {
  /** What it was trained on, and how: written by the training script, read by people. */
  about: { trainedOn: string[]; examples: Record<string, number>; settings: Record<string, number> };
  bias: number;
  weights: Record<string, number>;
}

/**
 * At or above this probability of "urgent", a message the lexicon rated none or concern becomes
 * urgent. There is no lower tier raising none to concern: on ordinary answers to the flow's
 * questions it fired on plans with a time in them ("Tomorrow at 7") and found no more concern.
 */
export const URGENT_AT = 0.8;

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

/** Words, and pairs of neighbouring words within a sentence, of a tokenised message. */
export function modelFeatures(tokens: string[]): string[] {
  const words = tokens.filter((t) => t !== ',').map((t) => (/^\d+$/.test(t) ? '#num' : t === '.' ? t : stem(t)));
  const out = new Set<string>();
  for (const w of words) if (w !== '.' && !STOP_WORDS.has(w)) out.add(w);
  for (let i = 0; i + 1 < words.length; i++) if (words[i] !== '.' && words[i + 1] !== '.') out.add(`${words[i]}_${words[i + 1]}`);
  return [...out];
}

export interface ModelScore {
  probability: number;
  /** The features that pushed hardest towards urgent, strongest first. */
  strongest: string[];
}

export function scoreFeatures(model: RiskModel, features: string[]): ModelScore {
  let z = model.bias;
  const pushes: Array<[string, number]> = [];
  for (const f of features) {
    const w = model.weights[f];
    if (w === undefined) continue;
    z += w;
    if (w > 0) pushes.push([f, w]);
  }
  pushes.sort((a, b) => b[1] - a[1]);
  return { probability: 1 / (1 + Math.exp(-z)), strongest: pushes.slice(0, 3).map(([f]) => f.replace('_', ' ')) };
}
