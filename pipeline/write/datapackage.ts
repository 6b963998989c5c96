/**
 * Builds datapackage.json (Frictionless Data Package v1) describing every file written: a Table Schema per
 * tabular resource with English and Vietnamese descriptions, keys, and the sha256 of each file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexDefinition, IndexId } from '../read/index-definitions.js';
import type { Release } from '../release/releases.js';
import type { ColumnDefinition, TableDefinition, Text } from './codebook.js';
import { DATABASE_SCRIPT } from './database.js';

/** Files published beside the tables, listed in the data package as they are. */
const FILES: { name: string; path: string; title: Text; format: string; mediatype: string }[] = [
  {
    name: 'database',
    path: DATABASE_SCRIPT,
    title: {
      en: 'DuckDB script making every published table one database: duckdb chiso.duckdb < chiso.sql',
      vi: 'Tập lệnh DuckDB tạo một cơ sở dữ liệu gồm tất cả các bảng đã công bố: duckdb chiso.duckdb < chiso.sql',
    },
    format: 'sql',
    mediatype: 'application/sql',
  },
  {
    name: 'changelog',
    path: 'changelog.json',
    title: { en: 'Changelog of data releases and corrections', vi: 'Nhật ký các lần phát hành dữ liệu và đính chính' },
    format: 'json',
    mediatype: 'application/json',
  },
];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function fileEntry(dir: string, path: string) {
  const full = join(dir, path);
  return { path, bytes: statSync(full).size, hash: `sha256:${sha256(full)}` };
}

/** A column as a Table Schema field: type, descriptions in English and Vietnamese, constraints. */
function field(column: ColumnDefinition) {
  const constraints = Object.fromEntries(
    Object.entries({
      required: column.required || undefined,
      enum: column.enum,
      minimum: column.minimum,
      maximum: column.maximum,
      pattern: column.pattern,
    }).filter(([, v]) => v !== undefined),
  );
  return {
    name: column.name,
    type: column.type,
    description: column.description.en,
    'x-description-vi': column.description.vi,
    ...(Object.keys(constraints).length ? { constraints } : {}),
  };
}

export function tableSchema(table: TableDefinition) {
  return {
    fields: table.columns.map(field),
    missingValues: [''],
    ...(table.primary_key ? { primaryKey: table.primary_key } : {}),
    ...(table.foreign_keys
      ? { foreignKeys: table.foreign_keys.map((k) => ({ fields: k.fields, reference: k.references })) }
      : {}),
  };
}

const csvResource = (dir: string, table: TableDefinition) => ({
  name: table.name,
  title: table.title.en,
  'x-title-vi': table.title.vi,
  profile: 'tabular-data-resource',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  ...fileEntry(dir, `${table.name}.csv`),
  schema: tableSchema(table),
});

export function buildDataPackage(
  dir: string,
  tables: TableDefinition[],
  wideTables: TableDefinition[],
  definitions: Map<IndexId, IndexDefinition>,
  release: Release,
) {
  const resources: object[] = [];
  for (const table of tables) {
    resources.push(csvResource(dir, table));
    resources.push({
      name: `${table.name}-json`,
      title: `${table.title.en} (JSON)`,
      profile: 'data-resource',
      format: 'json',
      mediatype: 'application/json',
      ...fileEntry(dir, `${table.name}.json`),
    });
    resources.push({
      name: `${table.name}-parquet`,
      title: `${table.title.en} (Parquet)`,
      profile: 'data-resource',
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...fileEntry(dir, `${table.name}.parquet`),
    });
  }
  for (const table of wideTables) {
    const index = table.name.replace(/-wide$/, '');
    resources.push(csvResource(dir, table));
    resources.push({
      name: `${index}-xlsx`,
      title: `${table.title.en} (Excel, Vietnamese headers)`,
      profile: 'data-resource',
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ...fileEntry(dir, `${index}.xlsx`),
    });
  }
  for (const file of FILES) {
    resources.push({
      name: file.name,
      title: file.title.en,
      'x-title-vi': file.title.vi,
      profile: 'data-resource',
      format: file.format,
      mediatype: file.mediatype,
      ...fileEntry(dir, file.path),
    });
  }
  return {
    profile: 'data-package',
    name: 'chiso',
    title: 'chiso: Viet Nam provincial governance indices (PAR INDEX, SIPAS, PAPI, PCI)',
    'x-title-vi': 'chiso: các chỉ số quản trị cấp tỉnh của Việt Nam (PAR INDEX, SIPAS, PAPI, PCI)',
    description:
      "Province rankings and scores of four Vietnamese governance indices, read from the publishers' workbooks and from official and press publications, validated, with ranks, rank changes, groups and averages computed where the publication is complete. Every value carries its source and raw cell.",
    version: release.version,
    created: `${release.date}T00:00:00Z`,
    homepage: 'https://chiso.vn',
    licenses: [
      {
        name: 'CC-BY-4.0',
        title:
          "Creative Commons Attribution 4.0 (the compilation); the figures remain those of their publishers, see each edition's license",
        path: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ],
    sources: [...definitions.values()].map((d) => ({ title: `${d.full_name.en} (${d.publisher.en})`, path: d.url })),
    contributors: [{ title: 'chiso contributors', role: 'author' }],
    keywords: ['Viet Nam', 'governance', 'PAPI', 'PCI', 'PAR INDEX', 'SIPAS', 'provinces'],
    resources,
  };
}
