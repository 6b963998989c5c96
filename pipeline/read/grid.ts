/**
 * Reads a published table (xlsx worksheet or CSV) into a grid of cells addressed like a spreadsheet (row 1 = first
 * line; column A = first column), so every error can name the cell a person would look at.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { csvShapeProblem, unicodeEncodingProblem } from './csv-diagnosis.js';
import Papa from 'papaparse';
import type { Cell } from './cells.js';
import { openWorkbook, WorkbookError, type Workbook } from './xlsx.js';
import { CACHE } from '../paths.js';

export interface Grid {
  rows: Cell[][];
}

export { columnIndex, columnLetter } from './xlsx.js';

export class GridError extends Error {
  constructor(
    message: string,
    readonly row?: number,
    readonly column?: string,
  ) {
    super(message);
  }
}

const MAX_TABLE_BYTES = 20e6;

/** The line (1-based) of the first byte sequence that is not UTF-8, or 0 when all of it is. */
function firstInvalidUtf8Line(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let line = 1; start <= bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start);
    const stop = end === -1 ? bytes.length : end;
    try {
      decoder.decode(bytes.subarray(start, stop));
    } catch {
      return line;
    }
    start = stop + 1;
  }
  return 0;
}

function readCsv(path: string): Grid {
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new GridError('is empty');
  const encoding = unicodeEncodingProblem(bytes);
  if (encoding) throw new GridError(encoding.message, encoding.row);
  const badLine = firstInvalidUtf8Line(bytes);
  if (badLine) throw new GridError('is not valid UTF-8 (save it as UTF-8)', badLine);
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\ufeff/, '');
  const shape = csvShapeProblem(text);
  if (shape) throw new GridError(shape.message, shape.row);
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new GridError(e.message, (e.row ?? 0) + 1);
  }
  const header = parsed.data[0] ?? [];
  if (header.length === 1 && /[;\t|]/.test(header[0])) {
    throw new GridError(
      `expected comma-separated values, but the header "${header[0].slice(0, 60)}" looks separated by another character`,
      1,
    );
  }
  parsed.data.forEach((fields, i) => {
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank && fields.length !== header.length) {
      throw new GridError(
        `has ${fields.length} fields where the header has ${header.length}${fields.length > header.length ? ' (an unquoted decimal comma such as 80,1 splits a number in two: quote it or use a dot)' : ''}`,
        i + 1,
      );
    }
  });
  return { rows: parsed.data.map((r) => r.map((c) => (c === '' ? null : c))) };
}

/**
 * Sheets read lately, by the workbook's content and the sheet name: one publisher workbook often serves several
 * editions (PAPI 2011–2017 share one), and is then parsed once. Editions are read in order, so a few suffice.
 */
const recentSheets = new Map<string, Grid>();
const RECENT_SHEETS = 8;

/**
 * Parsing the publishers' workbooks is most of the reading, on every run. So each sheet read is also kept as JSON
 * in node_modules/.cache/chiso/sheets/, under the sha256 of the workbook, the sheet's name and the digest of the
 * reader (xlsx.ts), and read from there while those are unchanged. Only a sheet read without a problem, and that
 * JSON holds exactly, is kept.
 */
const SHEET_CACHE = join(CACHE, 'sheets');
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
// Read when a sheet is first read, not on import: the site imports this module's helpers from a bundle of its own.
let reader: string | undefined;
const readerDigest = () => (reader ??= sha256(readFileSync(join(import.meta.dirname, 'xlsx.ts'))).slice(0, 16));

/** The sheet kept in `path`, if there is one that can be read. */
function keptSheet(path: string): Cell[][] | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Cell[][];
  } catch {
    return undefined;
  }
}

/** Keeps a sheet in `path`, unless JSON cannot hold it exactly (or the cache cannot be written: it is only a cache). */
function keepSheet(path: string, rows: Cell[][]): void {
  const json = JSON.stringify(rows);
  if (!isDeepStrictEqual(JSON.parse(json), rows)) return;
  const temporary = `${path}.${randomUUID()}.tmp`;
  try {
    mkdirSync(SHEET_CACHE, { recursive: true });
    writeFileSync(temporary, json);
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/**
 * Reads the tables of one edition folder. A workbook is opened once, and a sheet parsed once, however many
 * tables read them.
 */
export class TableFiles {
  private readonly workbooks = new Map<string, Workbook>();

  /** `checksums`: the sha256 of files already checked against it (publication.json "files"), by file name. */
  constructor(
    private readonly dir: string,
    private readonly checksums: ReadonlyMap<string, string> = new Map(),
  ) {}

  grid(file: string, sheet?: string): Grid {
    const path = join(this.dir, file);
    const size = statSync(path).size;
    if (size > MAX_TABLE_BYTES) {
      throw new GridError(
        `is ${(size / 1e6).toFixed(0)} MB; a publication's table is far smaller (the limit is ${MAX_TABLE_BYTES / 1e6} MB), so this is not the file you meant`,
      );
    }
    const ext = extname(file).toLowerCase();
    if (ext === '.csv') {
      if (sheet) throw new GridError('a CSV table has no "sheet"');
      return readCsv(path);
    }
    if (ext !== '.xlsx') throw new GridError(`has an unsupported type "${ext}" (tables are .xlsx or .csv)`);
    if (!sheet) throw new GridError('a workbook table must name its "sheet"');
    let bytes = this.checksums.has(file) ? undefined : readFileSync(path);
    const digest = this.checksums.get(file) ?? sha256(bytes!);
    const key = `${digest}\u0000${sheet}`;
    const recent = recentSheets.get(key);
    if (recent) return recent;
    const cached = join(SHEET_CACHE, `${digest}.${sha256(sheet).slice(0, 16)}.${readerDigest()}.json`);
    try {
      const kept = keptSheet(cached);
      let grid: Grid;
      if (kept) grid = { rows: kept };
      else {
        let workbook = this.workbooks.get(file);
        if (!workbook) {
          workbook = openWorkbook((bytes ??= readFileSync(path)));
          this.workbooks.set(file, workbook);
        }
        grid = { rows: workbook.sheet(sheet) };
        keepSheet(cached, grid.rows);
      }
      recentSheets.set(key, grid);
      if (recentSheets.size > RECENT_SHEETS) recentSheets.delete(recentSheets.keys().next().value!);
      return grid;
    } catch (error) {
      if (error instanceof WorkbookError) throw new GridError(error.message, error.row, error.column);
      throw error;
    }
  }
}
