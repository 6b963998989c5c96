/** A small wrapper over @duckdb/node-api: open a database, load rows, run SQL files. */
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
export type Columns = Record<string, ColumnType>;
type Value = string | number | boolean | null | undefined;

/** The on-disk databases' folders, removed when the process exits. */
const databaseDirs: string[] = [];
process.once('exit', () => databaseDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A database on one thread (the same input gives the same bytes), in memory by default. With `onDisk` it lives in a
 * temporary folder with capped memory, so that DuckDB keeps on disk what does not fit: a large input then stays
 * within bounded memory instead of growing with it (at the cost of writing its tables to disk).
 */
export async function openDatabase({ onDisk = false } = {}): Promise<DuckDBConnection> {
  if (!onDisk) return (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
  const dir = mkdtempSync(join(tmpdir(), 'chiso-duckdb-'));
  databaseDirs.push(dir);
  const instance = await DuckDBInstance.create(join(dir, 'pipeline.duckdb'), { threads: '1', memory_limit: '768MB' });
  return instance.connect();
}

const csvField = (v: Value, type: ColumnType): string => {
  if (v === null || v === undefined) return '';
  if (type === 'VARCHAR') return `"${String(v).replaceAll('"', '""')}"`;
  if (type === 'BOOLEAN') return String(Boolean(v));
  return String(Number(v));
};

/**
 * Creates `table` with the given columns and loads the rows (objects keyed by column name). The rows go through a
 * staging CSV file that DuckDB reads in one COPY: far faster than appending value by value, and the rows can be
 * produced one at a time (any iterable), so a large input is never held twice. Text is always quoted, so an
 * empty text stays empty and only a missing value becomes NULL.
 */
export async function loadTable(
  db: DuckDBConnection,
  table: string,
  columns: Columns,
  rows: Iterable<Record<string, Value>>,
): Promise<void> {
  const names = Object.keys(columns);
  await db.run(`CREATE TABLE ${table} (${names.map((n) => `"${n}" ${columns[n]}`).join(', ')})`);
  const dir = mkdtempSync(join(tmpdir(), 'chiso-stage-'));
  const file = join(dir, `${table}.csv`);
  try {
    const fd = openSync(file, 'w');
    try {
      let chunk = '';
      for (const row of rows) {
        chunk += names.map((n) => csvField(row[n], columns[n])).join(',') + '\n';
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    await db.run(
      `COPY ${table} FROM '${file.replaceAll("'", "''")}' (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"', ALLOW_QUOTED_NULLS false, AUTO_DETECT false)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the SQL models: every .sql file under `dir` (1_staging, 2_intermediate, 3_marts), folders and files in name
 * order; each file is one step that creates one table.
 */
export async function runSqlSteps(db: DuckDBConnection, dir: string): Promise<string[]> {
  const steps = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql'))
    .sort();
  for (const step of steps) {
    try {
      await db.run(readFileSync(join(dir, step), 'utf8'));
    } catch (error) {
      throw new Error(`pipeline/sql/${step}: ${(error as Error).message}`);
    }
  }
  return steps;
}

export async function queryRows<T = Record<string, unknown>>(db: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS() as T[];
}
