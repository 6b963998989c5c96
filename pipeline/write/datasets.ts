/**
 * Writes the public datasets from the DuckDB tables: each resource as CSV, JSON and Parquet (the Parquet files are
 * what the site's SQL page queries in the browser),
 * one wide table per index as CSV and Excel, in a stable row order so the same input gives the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { queryRows } from '../load/duckdb.js';
import type { IndexDefinition, IndexId } from '../read/index-definitions.js';
import { csvType, toCsv, type CsvValue } from './csv.js';
import { writeWorkbook } from './workbook.js';

const quote = (path: string) => `'${path.replaceAll("'", "''")}'`;

/** The SQL that selects each public resource, in its published column order. */
export const RESOURCE_QUERIES: Record<string, string> = {
  observations: 'SELECT * FROM observations ORDER BY index, year, unit_id, measure',
  units: `SELECT unit_id, era, unit_sets, name_vi, name_en, official_name_vi, type, gso_code, gso_code_vintage, iso_3166_2,
            region_id, region_vi, region_en, valid_from, valid_to, successor_id, aliases
          FROM stg_units ORDER BY era DESC, gso_code NULLS LAST, unit_id`,
  measures: `SELECT m.index, m.measure, m.name_vi, m.name_en, m.unit, m.direction, m.from_year, m.to_year, m.scale_min, m.scale_max,
               (i.headline = m.measure) AS is_headline, m.note_vi, m.note_en
             FROM stg_measures m JOIN stg_indices i USING (index) ORDER BY m.index, m.position, m.from_year`,
  editions: 'SELECT * FROM editions ORDER BY index, year',
  regional_averages: 'SELECT * FROM regional_averages ORDER BY index, year, measure, area_id',
  source_values: 'SELECT * FROM source_values',
  quality: 'SELECT * FROM quality',
};

/** Writes the query's rows as CSV with the project's one writer (csv.ts), which makes text spreadsheet-safe. */
async function writeCsv(db: DuckDBConnection, query: string, path: string): Promise<void> {
  const described = await queryRows<{ column_name: string; column_type: string }>(db, `DESCRIBE ${query}`);
  const columns = described.map((c) => ({ name: c.column_name, type: csvType(c.column_type) }));
  const reader = await db.runAndReadAll(query);
  writeFileSync(path, toCsv(columns, reader.getRowsJS() as CsvValue[][]));
}

async function copy(
  db: DuckDBConnection,
  query: string,
  path: string,
  format: 'csv' | 'json' | 'parquet',
): Promise<void> {
  if (format === 'csv') return writeCsv(db, query, path);
  const options = { json: '(FORMAT json, ARRAY true)', parquet: '(FORMAT parquet, COMPRESSION zstd)' }[format];
  await db.run(`COPY (${query}) TO ${quote(path)} ${options}`);
}

export async function writeResources(db: DuckDBConnection, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const [name, query] of Object.entries(RESOURCE_QUERIES)) {
    for (const format of ['csv', 'json', 'parquet'] as const) {
      await copy(db, query, join(dir, `${name}.${format}`), format);
      files.push(`${name}.${format}`);
    }
  }
  return files;
}

/** One row per (year, unit), one column per measure value, then the headline's rank, change and group. */
export function wideTableQuery(definition: IndexDefinition): string {
  const valueColumns = definition.measures
    .map((m) => `max(value) FILTER (WHERE measure = '${m.id}') AS "${m.id}"`)
    .join(', ');
  const h = `measure = '${definition.headline}'`;
  return `
    SELECT year, unit_set, unit_id, any_value(unit_name_vi) AS unit_name_vi, any_value(unit_name_en) AS unit_name_en, ${valueColumns},
      max(rank) FILTER (WHERE ${h}) AS rank, max(rank_of) FILTER (WHERE ${h}) AS rank_of,
      max(rank_source) FILTER (WHERE ${h}) AS rank_source, max(rank_change) FILTER (WHERE ${h}) AS rank_change,
      max("group") FILTER (WHERE ${h}) AS "group"
    FROM observations WHERE index = '${definition.id}'
    GROUP BY year, unit_set, unit_id ORDER BY year, rank NULLS LAST, unit_id`;
}

export async function writeWideTables(
  db: DuckDBConnection,
  dir: string,
  definitions: Map<IndexId, IndexDefinition>,
): Promise<string[]> {
  const files: string[] = [];
  for (const definition of definitions.values()) {
    const query = wideTableQuery(definition);
    await copy(db, query, join(dir, `${definition.id}-wide.csv`), 'csv');
    files.push(`${definition.id}-wide.csv`);
    const rows = await queryRows(db, query);
    const headers = [
      ['year', 'Năm'],
      ['unit_set', 'Bộ đơn vị'],
      ['unit_id', 'Mã đơn vị (chiso)'],
      ['unit_name_vi', 'Tỉnh, thành phố'],
      ['unit_name_en', 'Tên tiếng Anh'],
      ...definition.measures.map((m) => [m.id, m.name.vi]),
      ['rank', `Xếp hạng ${definition.name.vi}`],
      ['rank_of', 'Trên tổng số'],
      ['rank_source', 'Nguồn xếp hạng'],
      ['rank_change', 'Thay đổi thứ hạng (bậc)'],
      ['group', 'Nhóm'],
    ] as [string, string][];
    const file = `${definition.id}.xlsx`;
    writeWorkbook(join(dir, file), definition.name.vi, headers, rows);
    files.push(file);
  }
  return files;
}
