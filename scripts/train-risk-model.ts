/**
 * `npm run risk:train`: retrain the risk models (flows/safety/model.ts) from the labelled files in
 * test/safety and write flows/safety/model.en.json. Run it after adding labelled examples or
 * changing the lexicon's spelling lists (the model reads the tokenised words), then `npm test`.
 *
 * It reads every `*.tsv` in test/safety except the SEALED ones (their first line says so): those
 * measure how the engine does on wording it has never seen, so they must never be learnt from.
 * `--check` writes nothing and exits 1 if the stored model differs from a fresh training.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromStored, toStored, type RiskModel, type StoredModel } from '../flows/safety/model.js';
import { trainRiskModel, type Example } from '../flows/safety/train.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const LABELLED_DIR = join(ROOT, 'test/safety');
export const MODEL_PATH = join(ROOT, 'flows/safety/model.en.json');

export function isSealed(path: string): boolean {
  return /\bSEALED\b/.test(readFileSync(path, 'utf8').split('\n', 1)[0] ?? '');
}

export function trainingFiles(): string[] {
  return readdirSync(LABELLED_DIR)
    .filter((name) => name.endsWith('.en.tsv') && !isSealed(join(LABELLED_DIR, name)))
    .sort();
}

function readExamples(name: string): Example[] {
  return readFileSync(join(LABELLED_DIR, name), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [label, message] = line.split('\t');
      if ((label !== 'urgent' && label !== 'concern' && label !== 'benign') || !message) throw new Error(`${name}: a line is not label<TAB>message: ${line}`);
      return { label, message };
    });
}

export function trainFromFiles(): RiskModel {
  const files = trainingFiles();
  return trainRiskModel(files.flatMap(readExamples), files);
}

/** Largest difference between two models' weights, over both heads (a missing weight counts as 0). */
export function modelDistance(a: RiskModel, b: RiskModel): number {
  let most = 0;
  for (const head of ['urgent', 'anyRisk'] as const) {
    const [x, y] = [a[head], b[head]];
    most = Math.max(most, Math.abs(x.bias - y.bias));
    for (const key of new Set([...Object.keys(x.weights), ...Object.keys(y.weights)])) {
      most = Math.max(most, Math.abs((x.weights[key] ?? 0) - (y.weights[key] ?? 0)));
    }
  }
  return most;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const model = trainFromFiles();
  const size = Object.keys(model.urgent.weights).length + Object.keys(model.anyRisk.weights).length;
  if (process.argv.includes('--check')) {
    const stored = fromStored(JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as StoredModel);
    const distance = modelDistance(stored, model);
    // Weights are stored in tenths; anything more than rounding means it is out of date.
    if (distance > 0.11) {
      process.stderr.write(`flows/safety/model.en.json is out of date (a weight differs by ${distance.toFixed(2)}). Run: npm run risk:train\n`);
      process.exit(1);
    }
    process.stdout.write(`model.en.json is up to date (${size} weights).\n`);
  } else {
    const stored = toStored(model);
    const line = (key: keyof StoredModel, end = ',') => `${JSON.stringify(key)}: ${JSON.stringify(stored[key])}${end}\n`;
    writeFileSync(MODEL_PATH, `{\n${line('about')}${line('features')}${line('urgent')}${line('anyRisk', '')}}\n`);
    const { urgent, concern, benign } = model.about.examples;
    process.stdout.write(`Trained on ${model.about.trainedOn.length} files (${urgent} urgent, ${concern} concern, ${benign} benign): ${size} weights written to flows/safety/model.en.json\n`);
  }
}
