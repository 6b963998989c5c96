/**
 * Writes the public datasets from the tables of pipeline/sql/3_marts: each as CSV, JSON and Parquet (the Parquet
 * files are what the site's SQL page queries in the browser), and each index's wide table as CSV and Excel. The
 * models set the row order, so the same input gives the same bytes.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { settled, type ConnectionPool } from '../load/duckdb.js';
import type { IndexDefinition, IndexId } from '../read/index-definitions.js';
import { checkModel, wideTableDefinition, wideTableSql, type TableDefinition } from './codebook.js';
import { RISKY_START_SQL } from './spreadsheet-safety.js';
import { writeWorkbook } from './workbook.js';

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

/**
 * Writes a table as CSV with DuckDB's writer (its number format), text made spreadsheet-safe by the rule of
 * spreadsheet-safety.ts, written here in SQL so that the rows never pass through JavaScript. The columns' types are
 * the definition's, which checkModel has found to be the model's.
 */
async function writeCsv(db: DuckDBConnection, table: TableDefinition, path: string): Promise<void> {
  const columns = table.columns.map(({ name, type }) => {
    const column = `"${name.replaceAll('"', '""')}"`;
    const text = type === 'string' || type === 'array';
    return text ? `${RISKY_START_SQL.replaceAll('{}', `${column}::VARCHAR`)} AS ${column}` : column;
  });
  await db.run(`COPY (SELECT ${columns.join(', ')} FROM ${table.table}) TO ${quote(path)} (FORMAT csv, HEADER true)`);
}

async function copy(
  db: DuckDBConnection,
  table: TableDefinition,
  path: string,
  format: 'csv' | 'json' | 'parquet',
): Promise<void> {
  if (format === 'csv') return writeCsv(db, table, path);
  const options = { json: '(FORMAT json, ARRAY true)', parquet: '(FORMAT parquet, COMPRESSION zstd)' }[format];
  await db.run(`COPY (FROM ${table.table}) TO ${quote(path)} ${options}`);
}

/**
 * Writes each table as CSV, JSON and Parquet, after checking that the model created the columns its definition
 * lists: each file on the first of the pool's connections free, so that a large table's three files are written at
 * once.
 */
export async function writeResources(
  pool: ConnectionPool,
  dir: string,
  tables: TableDefinition[],
  written: (file: string) => void,
): Promise<string[]> {
  const formats = ['csv', 'json', 'parquet'] as const;
  const checks = new Map<TableDefinition, Promise<void>>();
  const checked = (db: DuckDBConnection, table: TableDefinition) => {
    if (!checks.has(table)) checks.set(table, checkModel(db, table));
    return checks.get(table)!;
  };
  await settled(
    tables.flatMap((table) =>
      formats.map((format) =>
        pool.run(async (db) => {
          await checked(db, table);
          await copy(db, table, join(dir, `${table.name}.${format}`), format);
          written(`${table.name}.${format}`);
        }),
      ),
    ),
  );
  return tables.flatMap((table) => formats.map((format) => `${table.name}.${format}`));
}

/**
 * Creates each index's wide table (16_wide.sql.template) and writes it as CSV and as an Excel workbook. The
 * workbooks are zipped one at a time, in JavaScript, from rows streamed on the pool's main connection, so that the
 * pooled connections go on with other statements meanwhile.
 */
export async function writeWideTables(
  pool: ConnectionPool,
  dir: string,
  definitions: Map<IndexId, IndexDefinition>,
  written: (file: string) => void,
): Promise<{ files: string[]; tables: TableDefinition[] }> {
  const indices = [...definitions.values()];
  const tables = indices.map(wideTableDefinition);
  let workbooks = Promise.resolve();
  await settled(
    indices.map((index, i) => {
      const table = tables[i];
      const created = pool.run(async (db) => {
        await db.run(wideTableSql(index.id));
        await checkModel(db, table);
        await copy(db, table, join(dir, `${table.name}.csv`), 'csv');
        written(`${table.name}.csv`);
      });
      workbooks = Promise.all([created, workbooks]).then(async () => {
        const headers = table.columns.map((c) => [c.name, c.header_vi ?? c.name] as [string, string]);
        const rows = (await pool.main.stream(`FROM ${table.table}`)).yieldRowObjectJs();
        await writeWorkbook(join(dir, `${index.id}.xlsx`), [{ name: index.name.vi, headers, rows }]);
        written(`${index.id}.xlsx`);
      });
      return workbooks;
    }),
  );
  return { files: indices.flatMap((index, i) => [`${tables[i].name}.csv`, `${index.id}.xlsx`]), tables };
}
