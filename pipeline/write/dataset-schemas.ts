/**
 * Files generated from the table definitions (codebook.ts) and checked in: the JSON Schema of each dataset's JSON
 * file (schemas/datasets/<table>.schema.json) and the site's row types (site/src/lib/dataset-types.ts).
 * `npm run definitions` writes them; tests/table-definitions.test.ts fails when one is not current.
 */
import { join } from 'node:path';
import { ROOT, SCHEMAS } from '../paths.js';
import { changelogDefinition, readTableDefinitions, type ColumnDefinition, type TableDefinition } from './codebook.js';

const JSON_TYPES = {
  string: 'string',
  number: 'number',
  integer: 'integer',
  boolean: 'boolean',
  array: 'array',
} as const;
const TS_TYPES = {
  string: 'string',
  number: 'number',
  integer: 'number',
  boolean: 'boolean',
  array: 'unknown[]',
} as const;

function jsonProperty(column: ColumnDefinition) {
  const type = JSON_TYPES[column.type];
  return {
    type: column.required ? type : [type, 'null'],
    ...(column.enum ? { enum: column.required ? column.enum : [...column.enum, null] } : {}),
    ...(column.pattern !== undefined ? { pattern: `^(?:${column.pattern})$` } : {}), // JSON Schema's pattern matches anywhere
    ...(column.minimum !== undefined ? { minimum: column.minimum } : {}),
    ...(column.maximum !== undefined ? { maximum: column.maximum } : {}),
    description: column.description.en,
  };
}

/** The JSON Schema of dist/data/<table>.json: an array of rows with exactly the table's columns. */
export function jsonSchema(table: TableDefinition): object {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://chiso.vn/schemas/datasets/${table.name}.schema.json`,
    title: `dist/data/${table.name}.json`,
    description: `${table.title.en}. Generated from ${table.file} by npm run definitions: edit that file, not this one.`,
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: table.columns.map((c) => c.name),
      properties: Object.fromEntries(table.columns.map((c) => [c.name, jsonProperty(c)])),
    },
  };
}

function tsType(column: ColumnDefinition): string {
  const type = column.enum ? column.enum.map((v) => `'${v}'`).join(' | ') : TS_TYPES[column.type];
  return column.required ? type : `${type} | null`;
}

/** The row types of the site, one interface per table with a row_type. */
export function siteTypes(tables: TableDefinition[]): string {
  const interfaces = tables
    .filter((t) => t.row_type)
    .map(
      (t) =>
        `/** ${t.title.en} (dist/data/${t.name}.json). */\nexport interface ${t.row_type} {\n` +
        t.columns.map((c) => `  ${c.name}: ${tsType(c)};\n`).join('') +
        '}\n',
    );
  return (
    '// Generated from pipeline/sql/3_marts/*.yml by `npm run definitions`: edit the definitions, not this file.\n\n' +
    interfaces.join('\n')
  );
}

/** Every generated file, by path from the repository root, with its content (TypeScript formatted by Prettier). */
export async function generatedFiles(): Promise<Record<string, string>> {
  const prettier = await import('prettier');
  const tables = readTableDefinitions();
  const typesPath = 'site/src/lib/dataset-types.ts';
  const options = (await prettier.resolveConfig(join(ROOT, typesPath))) ?? {};
  const files: Record<string, string> = {
    [typesPath]: await prettier.format(siteTypes(tables), { ...options, parser: 'typescript' }),
  };
  for (const table of [...tables, changelogDefinition()]) {
    const path = join(SCHEMAS, 'datasets', `${table.name}.schema.json`).slice(ROOT.length + 1);
    files[path] = JSON.stringify(jsonSchema(table), null, 2) + '\n';
  }
  return files;
}
