/** A small wrapper over @duckdb/node-api: open a database, load rows, run SQL files. */
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ROOT } from '../paths.js';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'JSON';
export type Columns = Record<string, ColumnType>;
type Value = string | number | boolean | null | undefined;

/** The spill folders of large databases and the staging files' folders, removed when the process exits. */
const databaseDirs: string[] = [];
const stagingDirs: string[] = [];
process.once('exit', () =>
  [...databaseDirs, ...stagingDirs].forEach((dir) => rmSync(dir, { recursive: true, force: true })),
);

/**
 * A database on one thread (the same input gives the same bytes), in memory. With `path` it is that file, made
 * afresh and kept (`npm run pipeline -- --db FILE`: every table stays for a researcher to open). With `large` its
 * memory is capped and DuckDB spills what does not fit to a temporary folder: a large input then stays within
 * bounded memory instead of growing with it (a database file instead would write every table to disk, three times
 * slower).
 */
export async function openDatabase({
  large = false,
  path,
}: { large?: boolean; path?: string } = {}): Promise<DuckDBConnection> {
  if (path) {
    for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
    return (await DuckDBInstance.create(path, { threads: '1', memory_limit: '768MB' })).connect();
  }
  if (!large) return (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
  const dir = mkdtempSync(join(tmpdir(), 'chiso-duckdb-'));
  databaseDirs.push(dir);
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '1',
    memory_limit: '768MB',
    temp_directory: dir,
  });
  return instance.connect();
}

const csvField = (v: Value, type: ColumnType): string => {
  if (v === null || v === undefined) return '';
  if (type === 'VARCHAR' || type === 'JSON') return `"${String(v).replaceAll('"', '""')}"`;
  if (type === 'BOOLEAN') return String(Boolean(v));
  return String(Number(v));
};

/**
 * A table loaded through a staging CSV file: rows (objects keyed by column name) are appended one at a time, as they
 * are produced, and DuckDB reads the file in one COPY: far faster than appending value by value, and a large input
 * is never held in memory. Text is always quoted, so an empty text stays empty and only a missing value becomes NULL.
 */
export class StagingFile {
  private readonly dir = mkdtempSync(join(tmpdir(), 'chiso-stage-'));
  private readonly file = join(this.dir, 'rows.csv');
  private readonly fd = openSync(this.file, 'w');
  private readonly names: string[];
  private chunk = '';
  rows = 0;

  constructor(
    readonly table: string,
    private readonly columns: Columns,
  ) {
    this.names = Object.keys(columns);
    stagingDirs.push(this.dir);
  }

  append(row: Record<string, Value>): void {
    this.chunk += this.names.map((n) => csvField(row[n], this.columns[n])).join(',') + '\n';
    this.rows++;
    if (this.chunk.length > 1 << 20) {
      writeSync(this.fd, this.chunk);
      this.chunk = '';
    }
  }

  /** Removes the file without loading it (the input had problems). */
  discard(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Creates the table from the rows appended, and removes the file. */
  async load(db: DuckDBConnection): Promise<void> {
    writeSync(this.fd, this.chunk);
    this.chunk = '';
    closeSync(this.fd);
    try {
      const columns = this.names.map((n) => `"${n}" ${this.columns[n]}`).join(', ');
      await db.run(`CREATE TABLE ${this.table} (${columns})`);
      await db.run(
        `COPY ${this.table} FROM '${this.file.replaceAll("'", "''")}' (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"', ALLOW_QUOTED_NULLS false, AUTO_DETECT false)`,
      );
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * Runs the SQL models of one stage (a folder of pipeline/sql/): every .sql file under `dir`, in name order; each
 * file is one step that creates one table.
 */
export async function runSqlSteps(db: DuckDBConnection, dir: string): Promise<string[]> {
  const steps = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const step of steps) {
    try {
      await db.run(readFileSync(join(dir, step), 'utf8'));
    } catch (error) {
      throw new Error(`${relative(ROOT, join(dir, step))}: ${(error as Error).message}`);
    }
  }
  return steps;
}

export async function queryRows<T = Record<string, unknown>>(db: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS() as T[];
}
