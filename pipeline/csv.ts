import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Reads a small UTF-8 CSV with a header row into objects (for the project's own reference tables). */
export function readCsvObjects(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) throw new Error(`${path}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}
