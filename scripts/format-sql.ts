/**
 * npm run format / npm run lint: the SQL models of pipeline/sql/ in one style (sql-formatter's DuckDB dialect).
 * With --check, lists the files that differ and exits non-zero instead of rewriting them.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format } from 'sql-formatter';
import { ROOT, SQL_MODELS } from '../pipeline/paths.js';

const check = process.argv.includes('--check');
const files = readdirSync(SQL_MODELS, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.sql') || f.endsWith('.sql.template'))
  .sort()
  .map((f) => join(SQL_MODELS, f));

const differ: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const formatted =
    format(text, {
      language: 'duckdb',
      keywordCase: 'upper',
      tabWidth: 2,
      expressionWidth: 80,
      // {index} in the wide-table template is filled in per index before the SQL runs.
      paramTypes: { custom: [{ regex: String.raw`\{[a-z_]+\}` }] },
    }).trimEnd() + '\n';
  if (formatted === text) continue;
  differ.push(relative(ROOT, file));
  if (!check) writeFileSync(file, formatted);
}
if (check && differ.length) {
  console.error(`These SQL files are not formatted (npm run format rewrites them):\n  ${differ.join('\n  ')}`);
  process.exit(1);
}
