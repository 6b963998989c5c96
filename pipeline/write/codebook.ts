/**
 * The codebook: every published table and what each of its columns means, read from the definition file beside
 * the table's SQL model (pipeline/sql/3_marts/<nn>_<table>.yml; columns shared by several tables are written once,
 * in _columns.yml). The data package, the dataset JSON Schemas and the site's types are generated from it, and
 * the pipeline checks every model's columns against its definition.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { DuckDBConnection } from '@duckdb/node-api';
import YAML from 'yaml';
import { queryRows } from '../load/duckdb.js';
import type { IndexDefinition } from '../read/index-definitions.js';
import { CACHE, RELEASE_MODELS, ROOT, SQL_MODELS } from '../paths.js';

export interface Text {
  en: string;
  vi: string;
}
/** Table Schema's types; an array is a JSON list (only in JSON files: the changelog's lists). */
export type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'array';

export interface ColumnDefinition {
  name: string;
  type: FieldType;
  description: Text;
  /** Never empty (null). */
  required: boolean;
  enum?: string[];
  /** A regular expression that the whole value matches (as in Table Schema). */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** The column's header in the Excel workbook (wide tables). */
  header_vi?: string;
}

export interface ForeignKey {
  fields: string | string[];
  references: { resource: string; fields: string | string[] };
}

export interface TableDefinition {
  /** The published name: observations, papi-wide. */
  name: string;
  /** The DuckDB table the model creates: observations, papi_wide. */
  table: string;
  /** The definition file, as shown in messages: pipeline/sql/3_marts/09_observations.yml. */
  file: string;
  title: Text;
  /** The TypeScript name of one row (site/src/lib/dataset-types.ts). */
  row_type?: string;
  primary_key?: string[];
  foreign_keys?: ForeignKey[];
  columns: ColumnDefinition[];
}

const MARTS = join(SQL_MODELS, '3_marts');
const SHARED = '_columns.yml';
const WIDE = '16_wide';
const CHANGELOG = '21_changelog.yml';
const TYPES: FieldType[] = ['string', 'number', 'integer', 'boolean', 'array'];
const TABLE_KEYS = ['title', 'row_type', 'primary_key', 'foreign_keys', 'columns'];
const COLUMN_KEYS = ['name', 'type', 'description', 'required', 'enum', 'pattern', 'minimum', 'maximum', 'header_vi'];

const shown = (file: string, dir = MARTS) => relative(ROOT, join(dir, file));

/** Definitions parsed so far, by path and version: every pipeline run reads the same few, some several times. */
const parsedYaml = new Map<string, Record<string, unknown>>();

/**
 * Parsing the definitions with the yaml package takes some 50 ms, on every run. So each file's parse is also kept as
 * JSON in node_modules/.cache/chiso/definitions/, under the digest of its text and the package's version (and only
 * when JSON holds it exactly), and read from there while those are unchanged.
 */
const YAML_CACHE = join(CACHE, 'definitions');
const YAML_VERSION = (createRequire(join(YAML_CACHE, 'index.cjs'))('yaml/package.json') as { version: string }).version;

function parseYaml(file: string, text: string): Record<string, unknown> {
  const digest = createHash('sha256').update(`${YAML_VERSION}\0${text}`).digest('hex').slice(0, 16);
  const cached = join(YAML_CACHE, `${file}.${digest}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as Record<string, unknown>;
  const parsed = YAML.parse(text) as Record<string, unknown>;
  const json = JSON.stringify(parsed);
  if (isDeepStrictEqual(JSON.parse(json), parsed)) {
    mkdirSync(YAML_CACHE, { recursive: true });
    writeFileSync(`${cached}.${process.pid}.tmp`, json);
    renameSync(`${cached}.${process.pid}.tmp`, cached);
  }
  return parsed;
}

function readYaml(file: string, dir = MARTS): Record<string, unknown> {
  const path = join(dir, file);
  const { mtimeMs, size } = statSync(path, { throwIfNoEntry: false }) ?? {};
  const key = `${path}\u0000${mtimeMs}\u0000${size}`;
  let parsed = parsedYaml.get(key);
  if (!parsed) {
    try {
      parsed = parseYaml(file, readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${shown(file, dir)}: ${(error as Error).message}`);
    }
    parsedYaml.set(key, parsed);
  }
  return structuredClone(parsed);
}

function unknownKeys(object: object, allowed: string[], where: string) {
  const unknown = Object.keys(object).filter((k) => !allowed.includes(k));
  if (unknown.length)
    throw new Error(`${where}: unknown key(s) ${unknown.join(', ')} (allowed: ${allowed.join(', ')})`);
}

/** The shared columns, each written once and used by name in the tables (a table may override any key). */
function readSharedColumns(): Record<string, Partial<ColumnDefinition>> {
  const shared = readYaml(SHARED) as Record<string, Partial<ColumnDefinition>>;
  for (const [name, column] of Object.entries(shared)) unknownKeys(column, COLUMN_KEYS, `${shown(SHARED)}: ${name}`);
  return shared;
}

function resolveColumn(
  file: string,
  entry: Partial<ColumnDefinition>,
  shared: Record<string, Partial<ColumnDefinition>>,
  dir = MARTS,
): ColumnDefinition {
  const where = `${shown(file, dir)}: column ${entry.name ?? '(no name)'}`;
  unknownKeys(entry, COLUMN_KEYS, where);
  const column = { ...shared[entry.name!], ...entry, required: entry.required ?? false } as ColumnDefinition;
  if (!column.name) throw new Error(`${where}: every column needs a "name"`);
  if (!TYPES.includes(column.type))
    throw new Error(`${where}: "type" must be one of ${TYPES.join(', ')} (or the column be defined in ${SHARED})`);
  if (!column.description?.en || !column.description?.vi)
    throw new Error(`${where}: "description" needs "en" and "vi"`);
  return column;
}

function readTable(
  file: string,
  shared: Record<string, Partial<ColumnDefinition>>,
  name: string,
  table: string,
  dir = MARTS,
): TableDefinition {
  const raw = readYaml(file, dir);
  unknownKeys(raw, TABLE_KEYS, shown(file, dir));
  const columns = (raw.columns as Partial<ColumnDefinition>[] | undefined) ?? [];
  return {
    ...(raw as Omit<TableDefinition, 'name' | 'table' | 'file' | 'columns'>),
    name,
    table,
    file: shown(file, dir),
    columns: columns.map((c) => resolveColumn(file, c, shared, dir)),
  };
}

/** changelog.json, the release step's published table (4_release/21_changelog.sql and .yml); a JSON file only. */
export function changelogDefinition(): TableDefinition {
  return readTable(CHANGELOG, readSharedColumns(), 'changelog', 'changelog', RELEASE_MODELS);
}

/** Every table model of 3_marts with a definition beside it (<nn>_<table>.sql and .yml), in file order. */
export function readTableDefinitions(): TableDefinition[] {
  const shared = readSharedColumns();
  return readdirSync(MARTS)
    .filter((f) => f.endsWith('.yml') && f !== SHARED && existsSync(join(MARTS, f.replace(/\.yml$/, '.sql'))))
    .sort()
    .map((file) => {
      const table = file.replace(/^\d+_/, '').replace(/\.yml$/, '');
      return readTable(file, shared, table, table);
    });
}

/**
 * The wide table of one index (16_wide.yml over the template 16_wide.sql.template): its fixed columns, and where
 * the definition lists `- measures: …`, one number column per measure of raw/<index>/index.json, described by the
 * measure's names. `{name}` in a text is the index's name.
 */
export function wideTableDefinition(index: IndexDefinition): TableDefinition {
  const shared = readSharedColumns();
  const file = `${WIDE}.yml`;
  const fill = (text: Text): Text => ({
    en: text.en.replace('{name}', index.name.en),
    vi: text.vi.replace('{name}', index.name.vi),
  });
  const raw = readYaml(file);
  const entries = raw.columns as (Partial<ColumnDefinition> & { measures?: unknown })[];
  const columns = entries.flatMap((entry) =>
    'measures' in entry
      ? index.measures.map((m) => ({
          name: m.id,
          type: 'number' as const,
          required: false,
          description: m.name,
          header_vi: m.name.vi,
        }))
      : [resolveColumn(file, entry, shared)],
  );
  unknownKeys(raw, TABLE_KEYS, shown(file));
  return {
    name: `${index.id}-wide`,
    table: wideTableName(index.id),
    file: shown(file),
    title: fill(raw.title as Text),
    primary_key: raw.primary_key as string[],
    columns: columns.map((c) => (c.header_vi ? { ...c, header_vi: c.header_vi.replace('{name}', index.name.vi) } : c)),
  };
}

export const wideTableName = (indexId: string) => `${indexId.replaceAll('-', '_')}_wide`;

/** The SQL that creates the wide table of one index. */
export function wideTableSql(indexId: string): string {
  return readFileSync(join(MARTS, `${WIDE}.sql.template`), 'utf8')
    .replaceAll('{index}', indexId)
    .replaceAll('{table}', wideTableName(indexId));
}

const fieldTypeOf = (duckdbType: string): FieldType | undefined =>
  (
    ({
      VARCHAR: 'string',
      DOUBLE: 'number',
      INTEGER: 'integer',
      BIGINT: 'integer',
      HUGEINT: 'integer',
      BOOLEAN: 'boolean',
      JSON: 'array',
    }) as Record<string, FieldType>
  )[duckdbType];

/** Throws unless the table the model created has exactly the definition's columns, in its order and types. */
export async function checkModel(db: DuckDBConnection, definition: TableDefinition): Promise<void> {
  const described = await queryRows<{ column_name: string; column_type: string }>(db, `DESCRIBE ${definition.table}`);
  const model = described.map((c) => `${c.column_name} ${fieldTypeOf(c.column_type) ?? c.column_type}`);
  const defined = definition.columns.map((c) => `${c.name} ${c.type}`);
  const first = model.findIndex((c, i) => c !== defined[i]);
  if (first === -1 && model.length === defined.length) return;
  const at = first === -1 ? model.length : first;
  throw new Error(
    `${definition.file}: column ${at + 1} is "${defined[at] ?? '(none)'}" in the definition but "${model[at] ?? '(none)'}" ` +
      `in the table ${definition.table} the SQL model creates; the definition and the model must list the same columns, in the same order and types`,
  );
}
