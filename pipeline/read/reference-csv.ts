/** The project's own reference tables (raw/<folder>/<file>.csv), read with papaparse. */
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Papa from 'papaparse';
import { InvalidInputError } from '../validate/problems.js';

/** Reads a small UTF-8 CSV with a header row into objects (for the project's own reference tables, raw/<folder>/<file>). */
export function readCsvObjects(path: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new InvalidInputError([
      { file: `raw/${basename(dirname(path))}/${basename(path)}`, row: (e.row ?? 0) + 2, message: e.message },
    ]);
  }
  return parsed.data;
}
