/**
 * Builds datapackage.json (Frictionless Data Package v1) describing every file written: a Table Schema per
 * tabular resource with English and Vietnamese descriptions, keys, and the sha256 of each file.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileSha256 } from '../sha256.js';
import type { IndexDefinition, IndexId } from '../read/index-definitions.js';
import type { Release } from '../release/releases.js';
import { changelogDefinition, type ColumnDefinition, type TableDefinition, type Text } from './codebook.js';
import { GEO_FOLDER, INDICES_FILE, SOURCES_FILE } from './reference.js';
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
];

/** The folder of the files written, and the sha256 of those already computed (by file, relative to `dir`). */
export interface WrittenFiles {
  dir: string;
  checksums: ReadonlyMap<string, string>;
}

function fileEntry({ dir, checksums }: WrittenFiles, path: string) {
  const full = join(dir, path);
  return { path, bytes: statSync(full).size, hash: `sha256:${checksums.get(path) ?? fileSha256(full)}` };
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

const csvResource = (written: WrittenFiles, table: TableDefinition) => ({
  name: table.name,
  title: table.title.en,
  'x-title-vi': table.title.vi,
  profile: 'tabular-data-resource',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  ...fileEntry(written, `${table.name}.csv`),
  schema: tableSchema(table),
});

/** The reference files (write/reference.ts): index definitions, sources, boundaries. */
function referenceResources(written: WrittenFiles, files: string[]) {
  const described = (path: string) => {
    if (path === INDICES_FILE)
      return {
        name: 'indices',
        title: 'The four indices: measures, scales by year, groups, comparability breaks and checks',
        'x-title-vi': 'Bốn chỉ số: chỉ tiêu, thang điểm theo năm, nhóm, các lần thay đổi phương pháp và các kiểm tra',
        format: 'json',
        mediatype: 'application/json',
      };
    if (path === SOURCES_FILE)
      return {
        name: 'sources',
        title: 'The sources of every edition: title, publisher, date and address',
        'x-title-vi': 'Nguồn của từng kỳ công bố: tiêu đề, cơ quan, ngày và địa chỉ',
        format: 'json',
        mediatype: 'application/json',
      };
    const file = path.slice(GEO_FOLDER.length + 1);
    if (path.endsWith('.geojson'))
      return {
        name: `geo-${file
          .replace(/\.geojson$/, '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')}`,
        title: `Province boundaries (${file}), as used by the maps`,
        'x-title-vi': `Ranh giới tỉnh (${file}), dùng cho bản đồ`,
        format: 'geojson',
        mediatype: 'application/geo+json',
      };
    return {
      name: 'geo-licenses',
      title: 'Origin and licences of the boundary files',
      'x-title-vi': 'Nguồn gốc và giấy phép của các tệp ranh giới',
      format: 'md',
      mediatype: 'text/markdown',
    };
  };
  return files
    .filter((path) => path === INDICES_FILE || path === SOURCES_FILE || path.startsWith(`${GEO_FOLDER}/`))
    .map((path) => ({ ...described(path), profile: 'data-resource', ...fileEntry(written, path) }));
}

export function buildDataPackage(
  written: WrittenFiles,
  tables: TableDefinition[],
  wideTables: TableDefinition[],
  definitions: Map<IndexId, IndexDefinition>,
  release: Release,
  /** Every file written so far (the reference files among them are listed after the datasets). */
  files: string[] = [],
) {
  const resources: object[] = [];
  for (const table of tables) {
    resources.push(csvResource(written, table));
    resources.push({
      name: `${table.name}-json`,
      title: `${table.title.en} (JSON)`,
      profile: 'data-resource',
      format: 'json',
      mediatype: 'application/json',
      ...fileEntry(written, `${table.name}.json`),
    });
    resources.push({
      name: `${table.name}-parquet`,
      title: `${table.title.en} (Parquet)`,
      profile: 'data-resource',
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...fileEntry(written, `${table.name}.parquet`),
    });
  }
  for (const table of wideTables) {
    const index = table.name.replace(/-wide$/, '');
    resources.push(csvResource(written, table));
    resources.push({
      name: `${index}-xlsx`,
      title: `${table.title.en} (Excel, Vietnamese headers)`,
      profile: 'data-resource',
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ...fileEntry(written, `${index}.xlsx`),
    });
  }
  const changelog = changelogDefinition();
  const changelogFile = {
    name: changelog.name,
    path: `${changelog.name}.json`,
    title: changelog.title,
    format: 'json',
    mediatype: 'application/json',
  };
  for (const file of [...FILES, changelogFile]) {
    resources.push({
      name: file.name,
      title: file.title.en,
      'x-title-vi': file.title.vi,
      profile: 'data-resource',
      format: file.format,
      mediatype: file.mediatype,
      ...fileEntry(written, file.path),
    });
  }
  resources.push(...referenceResources(written, files));
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
