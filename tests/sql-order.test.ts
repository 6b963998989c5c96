/**
 * The SQL models give the same rows, in the same order, whatever order DuckDB's threads read the rows in: an input
 * larger than one of DuckDB's row groups runs each model on every core (pipeline/run-pipeline.ts), and the same input
 * must still give the same bytes.
 * So sums are exact (over DECIMAL: a sum of doubles depends on the order of its terms), lists are ordered, a value
 * the same throughout its group is taken with min() (any_value takes whichever row comes first), and each published
 * table is ordered by a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAW, ROOT, SQL_MODELS } from '../pipeline/paths.js';
import { readTableDefinitions, wideTableDefinition, wideTableSql } from '../pipeline/write/codebook.js';
import { loadIndexDefinitions } from '../pipeline/read/index-definitions.js';

/** The text of a model without its comments and string literals, which may mention anything. */
const code = (sql: string) => sql.replace(/'(?:[^']|'')*'|--.*$/gm, (m) => (m.startsWith('-') ? '' : "''"));

const models = readdirSync(SQL_MODELS, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.sql(\.template)?$/.test(f))
  .sort()
  .map((file) => ({ file, sql: code(readFileSync(join(SQL_MODELS, file), 'utf8')) }));

interface Call {
  file: string;
  name: string;
  args: string;
  before: string;
}

/** Every call of the functions `names` (case-insensitive), with what is between its parentheses. */
function callsOf(names: string[]): Call[] {
  const pattern = new RegExp(`\\b(${names.join('|')})\\s*\\(`, 'gi');
  return models.flatMap(({ file, sql }) =>
    [...sql.matchAll(pattern)].map((match) => {
      const start = match.index + match[0].length;
      let depth = 1;
      let end = start;
      while (depth > 0 && end < sql.length) depth += { '(': 1, ')': -1 }[sql[end++]] ?? 0;
      return { file, name: match[1].toLowerCase(), args: sql.slice(start, end - 1), before: sql.slice(0, match.index) };
    }),
  );
}

const shown = ({ file, name, args }: Call) => `${file}: ${name}(${args.replace(/\s+/g, ' ').trim()})`;

/** The column names of a statement's last ORDER BY, without table prefixes, quotes or NULLS LAST. */
function orderByColumns(sql: string): string[] {
  const clause = sql.slice(sql.lastIndexOf('ORDER BY') + 'ORDER BY'.length).replace(/;[\s\S]*$/, '');
  return clause.split(',').map((term) =>
    term
      .trim()
      .replace(/\s+(ASC|DESC|NULLS\s+(FIRST|LAST))\b.*$/i, '')
      .replace(/^\w+\./, '')
      .replace(/^"(.*)"$/, '$1'),
  );
}

describe('the SQL models', () => {
  it('are all read here', () => {
    expect(models.map((m) => m.file)).toContain('3_marts/09_observations.sql');
    expect(models.length).toBeGreaterThan(40);
  });

  it('sum and average only exact numbers (DECIMAL or integers)', () => {
    const calls = callsOf(['sum', 'avg', 'mean']);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !/::\s*(DECIMAL\s*\(|INTEGER\b|BIGINT\b|HUGEINT\b)/i.test(c.args)).map(shown)).toEqual(
      [],
    );
  });

  it('use no aggregate whose floating-point result depends on the order of the rows', () => {
    const calls = callsOf(['stddev\\w*', 'var_\\w+', 'variance', 'corr', 'covar_\\w+', 'fsum', 'kahan_sum', 'sumk']);
    expect(calls.map(shown)).toEqual([]);
  });

  it('order every list they aggregate', () => {
    const calls = callsOf(['list', 'array_agg', 'string_agg', 'group_concat', 'listagg']);
    expect(calls.length).toBeGreaterThan(0);
    const unordered = calls.filter((c) => !/\bORDER\s+BY\b/i.test(c.args) && !/\blist_sort\s*\(\s*$/i.test(c.before));
    expect(unordered.map(shown)).toEqual([]);
  });

  it('take no value from whichever row comes first', () => {
    const calls = callsOf(['any_value', 'arbitrary', 'first', 'last', 'arg_min', 'arg_max', 'min_by', 'max_by']);
    const windows = callsOf(['row_number', 'first_value', 'last_value', 'nth_value']);
    expect([...calls, ...windows].map(shown)).toEqual([]);
  });

  it('order each published table by its primary key, or by every column where it has none', () => {
    const papi = loadIndexDefinitions(RAW).get('papi')!;
    const tables = [
      ...readTableDefinitions().map((t) => ({
        t,
        sql: code(readFileSync(join(ROOT, t.file.replace(/\.yml$/, '.sql')), 'utf8')),
      })),
      { t: wideTableDefinition(papi), sql: code(wideTableSql(papi.id)) },
    ];
    expect(tables.length).toBe(8);
    for (const { t, sql } of tables) {
      const ordered = orderByColumns(sql);
      const key = t.primary_key ?? t.columns.map((c) => c.name);
      expect(
        key.filter((name) => !ordered.includes(name)),
        `${t.file}: ORDER BY ${ordered.join(', ')}`,
      ).toEqual([]);
    }
  });
});
