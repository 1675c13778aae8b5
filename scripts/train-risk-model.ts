/**
 * `npm run risk:train`: retrain the risk models (flows/safety/model.ts) from the labelled files in
 * test/safety and write flows/safety/model.en.json. Run it after adding labelled examples or
 * changing the lexicon's spelling lists (the model reads the tokenised words), then `npm test`.
 *
 * It reads every `*.tsv` in test/safety except the SEALED ones (their header says so): those
 * measure how the engine does on wording it has never seen, so they must never be learnt from.
 * `--check` writes nothing and exits 1 if the stored model differs in any way from a fresh training.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toStored, type RiskModel, type StoredModel } from '../flows/safety/model.js';
import { parseExamples, trainRiskModel, type Example } from '../flows/safety/train.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LABELLED_DIR = join(ROOT, 'test/safety');
export const MODEL_PATH = join(ROOT, 'flows/safety/model.en.json');

/** SEALED in any of the comment lines at the top of the file. */
function isSealed(path: string): boolean {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines.slice(0, Math.max(1, lines.findIndex((line) => !line.startsWith('#'))));
  return header.some((line) => /\bSEALED\b/.test(line));
}

export function trainingFiles(): string[] {
  return readdirSync(LABELLED_DIR)
    .filter((name) => name.endsWith('.en.tsv') && !isSealed(join(LABELLED_DIR, name)))
    .sort();
}

export function readExamples(name: string): Example[] {
  return parseExamples(readFileSync(join(LABELLED_DIR, name), 'utf8'), name);
}

export function trainFromFiles(): RiskModel {
  const files = trainingFiles();
  return trainRiskModel(files.flatMap(readExamples), files);
}

/** The file's text for a model: what `npm run risk:train` writes, and what --check compares. */
export function modelFileText(model: RiskModel): string {
  const stored = toStored(model);
  const line = (key: keyof StoredModel, end = ',') => `${JSON.stringify(key)}: ${JSON.stringify(stored[key])}${end}\n`;
  return `{\n${line('about')}${line('features')}${line('urgent')}${line('anyRisk', '')}}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const model = trainFromFiles();
  const size = Object.keys(model.urgent.weights).length + Object.keys(model.anyRisk.weights).length;
  if (process.argv.includes('--check')) {
    // Training is deterministic, so a stored model that differs at all is out of date.
    if (readFileSync(MODEL_PATH, 'utf8') !== modelFileText(model)) {
      process.stderr.write('flows/safety/model.en.json is out of date. Run: npm run risk:train\n');
      process.exit(1);
    }
    process.stdout.write(`model.en.json is up to date (${size} weights).\n`);
  } else {
    writeFileSync(MODEL_PATH, modelFileText(model));
    const { urgent, concern, benign } = model.about.examples;
    process.stdout.write(`Trained on ${model.about.trainedOn.length} files (${urgent} urgent, ${concern} concern, ${benign} benign): ${size} weights written to flows/safety/model.en.json\n`);
  }
}
