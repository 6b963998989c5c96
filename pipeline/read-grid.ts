/**
 * Reads a published table (xlsx worksheet or CSV) into a grid of cells addressed like a spreadsheet (row 1 = first
 * line; column A = first column), so every error can name the cell a person would look at.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Cell } from './numbers.js';

export interface Grid {
  rows: Cell[][];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnIndex(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export class GridError extends Error {}

/** The value a person sees in an exceljs cell: formula results, rich text, hyperlinks, errors as their text. */
function excelCellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('result' in value) return excelCellValue(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

async function readXlsx(path: string, sheet: string | undefined): Promise<Grid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new GridError(`cannot be read as an xlsx workbook (${(error as Error).message})`);
  }
  if (!sheet) throw new GridError('a workbook table must name its "sheet"');
  const worksheet = workbook.getWorksheet(sheet);
  if (!worksheet) {
    const names = workbook.worksheets.map((w) => `"${w.name}"`).join(', ');
    throw new GridError(`has no sheet "${sheet}"; its sheets are ${names}`);
  }
  const rows: Cell[][] = [];
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      cells[colNumber - 1] = excelCellValue(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? null);
  });
  return { rows: Array.from(rows, (r) => r ?? []) };
}

function readCsv(path: string): Grid {
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new GridError('is empty');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\ufffd')) throw new GridError('is not valid UTF-8 (save it as UTF-8)');
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ',', skipEmptyLines: false });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new GridError(`row ${(e.row ?? 0) + 1}: ${e.message}`);
  }
  const rows = parsed.data.map((r) => r.map((c) => (c === '' ? null : c)));
  const header = parsed.data[0] ?? [];
  if (header.length === 1 && /[;\t|]/.test(header[0])) {
    throw new GridError(`row 1: expected comma-separated values, but the header "${header[0].slice(0, 60)}" looks separated by another character`);
  }
  return { rows };
}

export async function readGrid(path: string, sheet?: string): Promise<Grid> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return readXlsx(path, sheet);
  if (ext === '.csv') {
    if (sheet) throw new GridError('a CSV table has no "sheet"');
    return readCsv(path);
  }
  throw new GridError(`has an unsupported type "${ext}" (tables are .xlsx or .csv)`);
}
