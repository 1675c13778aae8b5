import { describe, expect, it } from 'vitest';
import { OUTCOME_FIELDS, type OutcomeRecord } from '../../server/outcomes/record.js';
import { csvField, outcomesCsv } from '../../server/report/csv.js';

describe('CSV fields', () => {
  it('writes plain values as they are and null as empty', () => {
    expect(csvField('default')).toBe('default');
    expect(csvField(7)).toBe('7');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
  });

  it('quotes a field holding a comma, quote or line break, doubling quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  it('keeps a spreadsheet from running a value as a formula', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvField(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });
});

describe('outcomesCsv', () => {
  it('writes the header of OUTCOME_FIELDS and one row per record in that order', () => {
    const record: OutcomeRecord = {
      flow: 'youth', locale: 'en', startedHour: '2026-03-02T10:00:00.000Z', completed: false, handoff: true,
      risk: 'concern', before: 0, after: null, gotWhatCameFor: 'no', helpful: null, nextStep: 'a_little',
    };
    expect(outcomesCsv([record])).toBe(
      'flow,locale,startedHour,completed,handoff,risk,before,after,gotWhatCameFor,helpful,nextStep\r\n' +
        'youth,en,2026-03-02T10:00:00.000Z,false,true,concern,0,,no,,a_little\r\n',
    );
    expect(outcomesCsv([])).toBe(`${OUTCOME_FIELDS.join(',')}\r\n`);
  });
});
