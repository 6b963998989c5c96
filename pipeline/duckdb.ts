/** A small wrapper over @duckdb/node-api: open an in-memory database, load rows, run SQL files. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
export type Columns = Record<string, ColumnType>;
type Value = string | number | boolean | null | undefined;

export async function openDatabase(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  return instance.connect();
}

/** Creates `table` with the given columns and appends the rows (objects keyed by column name). */
export async function loadTable(db: DuckDBConnection, table: string, columns: Columns, rows: Record<string, Value>[]): Promise<void> {
  const names = Object.keys(columns);
  await db.run(`CREATE TABLE ${table} (${names.map((n) => `"${n}" ${columns[n]}`).join(', ')})`);
  const appender = await db.createAppender(table);
  for (const row of rows) {
    for (const name of names) {
      const v = row[name];
      if (v === null || v === undefined) appender.appendNull();
      else if (columns[name] === 'VARCHAR') appender.appendVarchar(String(v));
      else if (columns[name] === 'DOUBLE') appender.appendDouble(Number(v));
      else if (columns[name] === 'INTEGER') appender.appendInteger(Number(v));
      else appender.appendBoolean(Boolean(v));
    }
    appender.endRow();
  }
  appender.closeSync();
}

/** Runs every .sql file of a folder in name order; each file is one step that creates one table. */
export async function runSqlSteps(db: DuckDBConnection, dir: string): Promise<string[]> {
  const steps = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
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
