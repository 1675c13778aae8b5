/**
 * `npm run risk -- <file>` (or `-` for stdin): how the risk engine rates each line.
 *
 * One message per input line; prints `level<TAB>categories<TAB>message` per line, categories
 * comma-separated or `-`. Blank lines and lines starting with # are skipped. A line of the form
 * `label<TAB>message` (as in test/safety/fixtures.en.tsv) is rated on its message alone.
 * Lets a clinician check how phrases are classified after editing flows/safety/lexicon.en.ts.
 * `--why` adds a fourth column saying what matched: each rule's category and words, why a match was
 * softened, and for category `model` the words that weighed most with the trained model.
 */
import { existsSync, readFileSync } from 'node:fs';
import { assessRisk } from '../flows/safety/assess.js';

function readInput(arg: string | undefined): string | undefined {
  if (arg === undefined) {
    process.stderr.write('Usage: npm run risk -- [--why] <file>   (or - to read standard input)\n');
    return undefined;
  }
  if (arg === '-') return readFileSync(0, 'utf8');
  if (!existsSync(arg)) {
    process.stderr.write(`There is no file at ${arg}. Give a text file with one message per line, or - for standard input.\n`);
    return undefined;
  }
  return readFileSync(arg, 'utf8');
}

const args = process.argv.slice(2);
const why = args.includes('--why');
const text = readInput(args.find((arg) => arg !== '--why'));
if (text === undefined) process.exit(1);
const out: string[] = [];
for (const raw of text.split(/\r?\n/)) {
  if (!raw.trim() || raw.startsWith('#')) continue;
  const labelled = /^(urgent|concern|benign)\t(.*)$/.exec(raw);
  const message = labelled ? labelled[2]! : raw;
  const { level, categories, matches } = assessRisk(message);
  const line = `${level}\t${categories.length ? categories.join(',') : '-'}\t${message}`;
  const reasons = matches.map((m) => `${m.category}: ${m.phrase}${m.softenedBy ? ` (${m.softenedBy})` : ''}`).join('; ');
  out.push(why ? `${line}\t${reasons || '-'}` : line);
}
process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
