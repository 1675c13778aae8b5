/**
 * Training the risk models (see model.ts): two logistic regressions, urgent against everything
 * else and any risk against benign, fitted by stochastic gradient descent with L2 regularisation.
 * Deterministic (a seeded shuffle), so the same examples always give the same weights and a test
 * can check the stored model is up to date. Node-only: the browser gets just the weights.
 *
 * The settings were chosen by leave-one-file-out cross-validation over the non-sealed held-out
 * files (each file in turn left out of training and scored; `npm run risk:crossval`): with pairs of words and L2 = 0.003,
 * the urgent head at URGENT_AT = 0.8 added the most urgent recall for the fewest benign messages
 * rated urgent. Stronger or weaker L2, words alone, hashed features, word-family features from the
 * lexicon and a lower threshold for messages the lexicon rated concern all did no better. Weights
 * smaller than 0.3 are dropped and the rest kept to a tenth: the file the browser loads is a third
 * of the size, for a fraction of a point of cross-validated recall (97.8% to 97.5% when measured).
 * The figures for the models as they stand are in test/safety/metrics.test.ts.
 */
import { modelTokens } from './assess.js';
import { modelFeatures, type BinaryModel, type RiskModel } from './model.js';

export interface Example {
  label: 'urgent' | 'concern' | 'benign';
  message: string;
}

/** `label<TAB>message` lines; blank lines and # comments skipped; anything else is an error naming `source`. */
export function parseExamples(text: string, source: string): Example[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [label, message] = line.split('\t');
      if ((label !== 'urgent' && label !== 'concern' && label !== 'benign') || !message) throw new Error(`${source}: a line is not label<TAB>message: ${line}`);
      return { label, message };
    });
}

export const SETTINGS = { epochs: 40, l2: 0.003, rate: 0.3, seed: 42, keepAbove: 0.3 };

/** mulberry32: a small seeded generator, so the shuffle is the same on every machine. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One head: logistic regression of `y` (1 or 0) on each message's features. */
function fit(rows: Array<{ features: string[]; y: number }>): BinaryModel {
  const positives = rows.filter((r) => r.y).length;
  // The positive class is the rarer: weigh both classes equally so recall is not traded away.
  const classWeight = [rows.length / (2 * (rows.length - positives)), rows.length / (2 * positives)];
  const weights = new Map<string, number>();
  let bias = 0;
  const random = seeded(SETTINGS.seed);
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < SETTINGS.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = SETTINGS.rate / (1 + epoch * 0.1);
    for (const index of order) {
      const row = rows[index]!;
      let z = bias;
      for (const f of row.features) z += weights.get(f) ?? 0;
      const gradient = (1 / (1 + Math.exp(-z)) - row.y) * classWeight[row.y]!;
      bias -= rate * gradient;
      for (const f of row.features) {
        const w = weights.get(f) ?? 0;
        weights.set(f, w - rate * (gradient + SETTINGS.l2 * w));
      }
    }
  }
  // Stored in tenths (model.ts, StoredModel): rounding here keeps a fresh training comparable.
  const round = (x: number) => Math.round(x * 10) / 10;
  const kept = [...weights.entries()].filter(([, w]) => Math.abs(w) >= SETTINGS.keepAbove).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { bias: Math.round(bias * 100) / 100, weights: Object.fromEntries(kept.map(([f, w]) => [f, round(w)]).filter(([, w]) => w !== 0)) };
}

export function trainRiskModel(examples: Example[], trainedOn: string[]): RiskModel {
  const read = examples.map((e) => ({ label: e.label, features: modelFeatures(modelTokens(e.message)) }));
  const counts = { urgent: 0, concern: 0, benign: 0 };
  for (const e of examples) counts[e.label]++;
  return {
    about: { trainedOn, examples: counts, settings: { ...SETTINGS } },
    urgent: fit(read.map((r) => ({ features: r.features, y: r.label === 'urgent' ? 1 : 0 }))),
    anyRisk: fit(read.map((r) => ({ features: r.features, y: r.label === 'benign' ? 0 : 1 }))),
  };
}
