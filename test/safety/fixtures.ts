import { readFileSync } from 'node:fs';
import { assessRisk, type RiskLevel } from '../../flows/safety/assess.js';
import type { RiskModel } from '../../flows/safety/model.js';
import { parseExamples } from '../../flows/safety/train.js';

export type Label = 'urgent' | 'concern' | 'benign';

export interface Metrics {
  counts: Record<Label, number>;
  /** Urgent messages rated urgent. */
  urgentRecall: number;
  /** Concern messages rated anything (concern or urgent): nothing worrying was missed. */
  concernRecall: number;
  /** Concern messages rated exactly concern. */
  concernExact: number;
  benignUrgent: number;
  benignAny: number;
  misses: string[];
}

/** `label<TAB>message` lines; blank lines and # comments skipped. */
export function readFixtures(path: string): Array<{ label: Label; message: string }> {
  return parseExamples(readFileSync(path, 'utf8'), path);
}

export function measure(path: string, model?: RiskModel): Metrics {
  const rows = readFixtures(path).map((row) => ({ ...row, level: assessRisk(row.message, 'en', model).level }));
  const of = (label: Label) => rows.filter((row) => row.label === label);
  const share = (label: Label, ok: (level: RiskLevel) => boolean) => of(label).filter((row) => ok(row.level)).length / of(label).length;
  const wrong = (row: { label: Label; level: RiskLevel }) =>
    (row.label === 'urgent' && row.level !== 'urgent') || (row.label === 'concern' && row.level === 'none') || (row.label === 'benign' && row.level !== 'none');
  return {
    counts: { urgent: of('urgent').length, concern: of('concern').length, benign: of('benign').length },
    urgentRecall: share('urgent', (level) => level === 'urgent'),
    concernRecall: share('concern', (level) => level !== 'none'),
    concernExact: share('concern', (level) => level === 'concern'),
    benignUrgent: share('benign', (level) => level === 'urgent'),
    benignAny: share('benign', (level) => level !== 'none'),
    misses: rows.filter(wrong).map((row) => `${row.label} rated ${row.level}: ${row.message}`),
  };
}

export function report(name: string, m: Metrics): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `${name}: ${m.counts.urgent} urgent, ${m.counts.concern} concern, ${m.counts.benign} benign`,
    `  urgent recall ${pct(m.urgentRecall)}; concern recall ${pct(m.concernRecall)} (exactly concern ${pct(m.concernExact)})`,
    `  benign rated urgent ${pct(m.benignUrgent)}; benign rated anything ${pct(m.benignAny)}`,
    ...m.misses.map((miss) => `  miss: ${miss}`),
  ].join('\n');
}
