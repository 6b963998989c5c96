/**
 * Builds datapackage.json (Frictionless Data Package v1) describing every file written: a Table Schema per
 * tabular resource with English and Vietnamese descriptions, keys, and the sha256 of each file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { COLUMNS, type ColumnDescription } from './codebook.js';
import { queryRows } from '../load/duckdb.js';
import type { IndexDefinition, IndexId } from '../read/index-definitions.js';
import type { Release } from '../release/releases.js';
import { RESOURCE_QUERIES } from './datasets.js';

const TYPES: Record<string, string> = {
  VARCHAR: 'string',
  DOUBLE: 'number',
  INTEGER: 'integer',
  BIGINT: 'integer',
  HUGEINT: 'integer',
  BOOLEAN: 'boolean',
};

const KEYS: Record<string, { primaryKey?: string[]; foreignKeys?: object[] }> = {
  observations: {
    primaryKey: ['index', 'year', 'unit_id', 'measure'],
    foreignKeys: [
      { fields: 'unit_id', reference: { resource: 'units', fields: 'unit_id' } },
      { fields: ['index', 'year'], reference: { resource: 'editions', fields: ['index', 'year'] } },
    ],
  },
  units: { primaryKey: ['unit_id'] },
  measures: { primaryKey: ['index', 'measure', 'from_year'] },
  editions: { primaryKey: ['index', 'year'] },
  regional_averages: { primaryKey: ['index', 'year', 'measure', 'area_id'] },
  source_values: {
    foreignKeys: [{ fields: ['index', 'year'], reference: { resource: 'editions', fields: ['index', 'year'] } }],
  },
  quality: {},
};

const TITLES: Record<string, ColumnDescription> = {
  observations: {
    en: 'Observations: one row per index, year, unit and measure',
    vi: 'Số liệu: mỗi dòng một chỉ số, năm, đơn vị và chỉ tiêu',
  },
  units: { en: 'Provincial units and the 2025 crosswalk', vi: 'Đơn vị hành chính cấp tỉnh và bảng chuyển đổi 2025' },
  measures: { en: 'Codebook of measures', vi: 'Danh mục chỉ tiêu' },
  editions: { en: 'Editions (publications) with coverage', vi: 'Các kỳ công bố và mức độ đầy đủ' },
  regional_averages: { en: 'Regional and national averages', vi: 'Bình quân vùng và cả nước' },
  source_values: {
    en: 'Figures printed by other sources, beside the figure chiso publishes',
    vi: 'Số liệu do các nguồn khác công bố, đặt cạnh số liệu chiso dùng',
  },
  quality: { en: 'Data-quality report', vi: 'Báo cáo chất lượng dữ liệu' },
};

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function fieldsOf(db: DuckDBConnection, query: string, extra: Record<string, ColumnDescription> = {}) {
  const columns = await queryRows<{ column_name: string; column_type: string }>(db, `DESCRIBE ${query}`);
  return columns.map(({ column_name: name, column_type: type }) => {
    const description = extra[name] ?? COLUMNS[name];
    if (!description) throw new Error(`pipeline/write/codebook.ts: no description for the column "${name}"`);
    return { name, type: TYPES[type] ?? 'string', description: description.en, 'x-description-vi': description.vi };
  });
}

function fileEntry(dir: string, path: string) {
  const full = join(dir, path);
  return { path, bytes: statSync(full).size, hash: `sha256:${sha256(full)}` };
}

export async function buildDataPackage(
  db: DuckDBConnection,
  dir: string,
  definitions: Map<IndexId, IndexDefinition>,
  release: Release,
  wideQueries: Record<IndexId, string>,
) {
  const resources: object[] = [];
  for (const [name, query] of Object.entries(RESOURCE_QUERIES)) {
    const schema = { fields: await fieldsOf(db, query), missingValues: [''], ...KEYS[name] };
    resources.push({
      name,
      title: TITLES[name].en,
      'x-title-vi': TITLES[name].vi,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...fileEntry(dir, `${name}.csv`),
      schema,
    });
    resources.push({
      name: `${name}-json`,
      title: `${TITLES[name].en} (JSON)`,
      profile: 'data-resource',
      format: 'json',
      mediatype: 'application/json',
      ...fileEntry(dir, `${name}.json`),
    });
    resources.push({
      name: `${name}-parquet`,
      title: `${TITLES[name].en} (Parquet)`,
      profile: 'data-resource',
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      ...fileEntry(dir, `${name}.parquet`),
    });
  }
  for (const definition of definitions.values()) {
    const measureDescriptions = Object.fromEntries(
      definition.measures.map((m) => [m.id, { en: m.name.en, vi: m.name.vi }]),
    );
    const schema = {
      fields: await fieldsOf(db, wideQueries[definition.id], measureDescriptions),
      missingValues: [''],
      primaryKey: ['year', 'unit_id'],
    };
    const title = {
      en: `${definition.name.en}: one row per year and unit, one column per measure`,
      vi: `${definition.name.vi}: mỗi dòng một năm và một đơn vị, mỗi cột một chỉ tiêu`,
    };
    resources.push({
      name: `${definition.id}-wide`,
      title: title.en,
      'x-title-vi': title.vi,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...fileEntry(dir, `${definition.id}-wide.csv`),
      schema,
    });
    resources.push({
      name: `${definition.id}-xlsx`,
      title: `${title.en} (Excel, Vietnamese headers)`,
      profile: 'data-resource',
      format: 'xlsx',
      mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ...fileEntry(dir, `${definition.id}.xlsx`),
    });
  }
  resources.push({
    name: 'changelog',
    title: 'Changelog of data releases and corrections',
    'x-title-vi': 'Nhật ký các lần phát hành dữ liệu và đính chính',
    profile: 'data-resource',
    format: 'json',
    mediatype: 'application/json',
    ...fileEntry(dir, 'changelog.json'),
  });
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
