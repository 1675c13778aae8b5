/**
 * The anonymous outcome records as CSV (RFC 4180): a header row of OUTCOME_FIELDS, CRLF line ends,
 * a field quoted when it holds a comma, quote, CR or LF (quotes doubled), empty for null.
 */
import { OUTCOME_FIELDS, type OutcomeRecord } from '../outcomes/record.js';

/**
 * Spreadsheets run a cell that starts with one of these as a formula. The values are closed lists
 * today, but `flow` and `locale` are strings, so a leading apostrophe (shown as text) guards them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function outcomesCsv(records: readonly OutcomeRecord[]): string {
  const rows = [OUTCOME_FIELDS.join(','), ...records.map((r) => OUTCOME_FIELDS.map((f) => csvField(r[f])).join(','))];
  return rows.map((row) => `${row}\r\n`).join('');
}
