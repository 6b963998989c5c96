/**
 * The project's one CSV writer. Every CSV chiso writes (the datasets in dist/data, the edition tables
 * and chart data offered on the pages) goes through toCsv: comma-separated, quoted only where needed, numbers in
 * DuckDB's format (a DOUBLE always has a decimal point: 92.0), and text made spreadsheet-safe by the one rule
 * of spreadsheet-safety.ts. Files for people get a UTF-8 byte-order mark so that Excel reads the diacritics.
 * It imports nothing of Node's, so the compare page's script in the browser bundles it too.
 */
import { neutraliseText } from './spreadsheet-safety.js';

export type CsvType = 'text' | 'integer' | 'double' | 'boolean';
export interface CsvColumn {
  name: string;
  type: CsvType;
}
export type CsvValue = string | number | bigint | boolean | null | undefined;

/**
 * A DOUBLE as DuckDB writes it: the shortest digits that read back to the same number, in fixed notation from
 * 1e-4 up to 1e16 (with ".0" on whole numbers: 92.0) and in scientific notation outside (-3.4e-05, 1e+16).
 */
export function formatDouble(value: number): string {
  if (!Number.isFinite(value)) return String(value).replace('Infinity', 'inf');
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponent] = value.toExponential().split('e');
  const e = Number(exponent);
  if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  const fixed = String(value);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

function field(value: CsvValue, type: CsvType): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (type === 'double' && typeof value === 'number') text = formatDouble(value);
  else if (type === 'text') text = neutraliseText(String(value));
  else text = String(value);
  return /[",\n\r]/.test(text) || (type === 'text' && text === '') ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  columns: CsvColumn[],
  rows: CsvValue[][],
  options: { bom?: boolean; headers?: string[] } = {},
): string {
  const header = (options.headers ?? columns.map((c) => c.name)).map((h) => field(h, 'text')).join(',');
  const lines = rows.map((row) => columns.map((c, i) => field(row[i], c.type)).join(','));
  return (options.bom ? '\ufeff' : '') + [header, ...lines].join('\n') + '\n';
}
