/**
 * `npm run risk:crossval`: leave-one-file-out cross-validation of the risk engine, the figures the
 * models' settings were chosen by (flows/safety/train.ts). Each blind held-out file that the models
 * are trained on is left out in turn, scored by models trained on all the other training files, and
 * the counts are summed. The sealed files are never read. Takes a few minutes (one training per file).
 */
import { assessRisk } from '../flows/safety/assess.js';
import { LEXICON_ONLY } from '../flows/safety/model.js';
import { trainRiskModel, type Example } from '../flows/safety/train.js';
import { readExamples, trainingFiles } from './train-risk-model.js';

const files = trainingFiles();
// The blind held-out files; fixtures.en.tsv and training-*.en.tsv are always trained on.
const folds = files.filter((name) => /^holdout\d+\.en\.tsv$/.test(name) && Number(/\d+/.exec(name)![0]) >= 5);
const data = new Map(files.map((name) => [name, readExamples(name)] as const));
const tally = { urgent: 0, concern: 0, benign: 0, lexUrgent: 0, lexBenign: 0, lexConcern: 0, lexBenignAny: 0, urgentFound: 0, benignUrgent: 0, concernFound: 0, benignAny: 0 };

for (const fold of folds) {
  const training: Example[] = files.filter((name) => name !== fold).flatMap((name) => data.get(name)!);
  const model = trainRiskModel(training, []);
  for (const { label, message } of data.get(fold)!) {
    const lexicon = assessRisk(message, 'en', LEXICON_ONLY).level;
    const level = assessRisk(message, 'en', model).level;
    tally[label]++;
    if (label === 'urgent') {
      if (lexicon === 'urgent') tally.lexUrgent++;
      if (level === 'urgent') tally.urgentFound++;
    } else if (label === 'concern') {
      if (lexicon !== 'none') tally.lexConcern++;
      if (level !== 'none') tally.concernFound++;
    } else {
      if (lexicon === 'urgent') tally.lexBenign++;
      if (lexicon !== 'none') tally.lexBenignAny++;
      if (level === 'urgent') tally.benignUrgent++;
      if (level !== 'none') tally.benignAny++;
    }
  }
  process.stderr.write(`${fold} done\n`);
}

const pct = (n: number, of: number) => `${((n / of) * 100).toFixed(1)}%`;
console.log(`Leave-one-file-out over ${folds.length} files (${tally.urgent} urgent, ${tally.concern} concern, ${tally.benign} benign), in test/safety:`);
console.log(`  with the models: urgent recall ${pct(tally.urgentFound, tally.urgent)}, concern recall ${pct(tally.concernFound, tally.concern)}, benign rated urgent ${pct(tally.benignUrgent, tally.benign)}, benign rated anything ${pct(tally.benignAny, tally.benign)}`);
console.log(`  lexicon alone (tuned on these files): urgent recall ${pct(tally.lexUrgent, tally.urgent)}, concern recall ${pct(tally.lexConcern, tally.concern)}, benign rated urgent ${pct(tally.lexBenign, tally.benign)}, benign rated anything ${pct(tally.lexBenignAny, tally.benign)}`);
