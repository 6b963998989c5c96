/**
 * chiso.sql: the script that makes the published tables one DuckDB database, from the Parquet files beside it
 * (`duckdb chiso.duckdb < chiso.sql`, in the folder of the downloaded files). A DuckDB file itself is not published:
 * DuckDB 1.5 does not write the same bytes for the same tables (compressed segments, and the unused bytes of its
 * blocks, differ from run to run), and every published file must be the same for the same input.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TableDefinition } from './codebook.js';

export const DATABASE_SCRIPT = 'chiso.sql';

export function writeDatabaseScript(dir: string, tables: TableDefinition[]): string {
  const lines = [
    '-- chiso: every published table in one DuckDB database, made from the Parquet files of this folder.',
    '-- In this folder: duckdb chiso.duckdb < chiso.sql',
    ...tables.map(({ name }) => `CREATE TABLE "${name}" AS FROM '${name}.parquet';`),
  ];
  writeFileSync(join(dir, DATABASE_SCRIPT), lines.join('\n') + '\n');
  return DATABASE_SCRIPT;
}
