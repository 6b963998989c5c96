/**
 * The table definitions (pipeline/sql/3_marts/*.yml): the files generated from them are current, their keys name
 * their own columns, every shared column is used, and the pipeline refuses a model that differs from its
 * definition (tests/verify.test.ts checks the constraints on the written files).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { openDatabase } from '../pipeline/load/duckdb.js';
import { ROOT, SQL_MODELS } from '../pipeline/paths.js';
import { checkModel, readTableDefinitions } from '../pipeline/write/codebook.js';
import { generatedFiles } from '../pipeline/write/dataset-schemas.js';

const tables = readTableDefinitions();
const generated = await generatedFiles();
const list = (x: string | string[]) => (Array.isArray(x) ? x : [x]);

describe('the table definitions', () => {
  it('define every table the data package publishes from 3_marts', () => {
    expect(tables.map((t) => t.name)).toEqual([
      'observations',
      'units',
      'measures',
      'editions',
      'regional_averages',
      'source_values',
      'quality',
    ]);
  });

  it.each(Object.keys(generated))('%s is current (npm run definitions)', (path) => {
    expect(readFileSync(join(ROOT, path), 'utf8'), `run npm run definitions to update ${path}`).toBe(generated[path]);
  });

  it('name only their own columns in keys, and only defined tables in foreign keys', () => {
    for (const table of tables) {
      const columns = table.columns.map((c) => c.name);
      for (const name of table.primary_key ?? []) expect(columns, table.file).toContain(name);
      for (const key of table.foreign_keys ?? []) {
        for (const name of list(key.fields)) expect(columns, table.file).toContain(name);
        const target = tables.find((t) => t.name === key.references.resource);
        expect(target, `${table.file}: ${key.references.resource}`).toBeDefined();
        for (const name of list(key.references.fields)) expect(target!.columns.map((c) => c.name)).toContain(name);
      }
    }
  });

  it('use every shared column of _columns.yml', () => {
    const shared = Object.keys(YAML.parse(readFileSync(join(SQL_MODELS, '3_marts', '_columns.yml'), 'utf8')));
    const used = new Set(tables.flatMap((t) => t.columns.map((c) => c.name)));
    expect(shared.filter((name) => !used.has(name))).toEqual([]);
  });

  it('give a column name one meaning per table: published is a date in editions and a figure in quality', () => {
    const published = (name: string) =>
      tables.find((t) => t.name === name)!.columns.find((c) => c.name === 'published')!;
    expect(published('editions').type).toBe('string');
    expect(published('quality').type).toBe('number');
    expect(published('editions').description.en).not.toBe(published('quality').description.en);
  });

  it('stop the pipeline when a model and its definition list different columns', async () => {
    const db = await openDatabase();
    const measures = tables.find((t) => t.name === 'measures')!;
    const columns = measures.columns.map((c) => `"${c.name}" ${c.type === 'string' ? 'VARCHAR' : 'DOUBLE'}`);
    await db.run(`CREATE TABLE measures (${columns.join(', ')})`);
    await expect(checkModel(db, measures)).rejects.toThrow(
      /11_measures\.yml: column 7 is "from_year integer" in the definition but "from_year number" in the table measures/,
    );
  });
});
