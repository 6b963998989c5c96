/**
 * Data releases: raw/release.json names the release being built; raw/releases/<version>.csv are the snapshots of
 * earlier releases (written by `npm run release`); raw/corrections.json declares every change to a released
 * figure. The build compares itself with the previous release, refuses silent edits and a version that does not
 * say what changed (major = structure, minor = new data, patch = corrections), and writes the changelog.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase, queryRows } from './duckdb.js';
import { InvalidInputError, type Problem } from './problems.js';
import { readJson, validateAgainst } from './schemas.js';
import type { Text } from './index-definitions.js';

export interface Release { version: string; date: string; changes: Text[] }
interface Correction { index: string; year: number; unit: string; measure: string; field: string; from: number | string | null; to: number | string | null; reason: string; source: string; release: string }
interface Change { index: string; year: number; unit_id: string; measure: string; field: string; before: string | null; after: string | null; change: 'added' | 'changed' | 'removed' }

export interface ChangelogEntry {
  version: string;
  date: string;
  changes: Text[];
  compared_with: string | null;
  added: number;
  changed: number;
  removed: number;
  corrections: Correction[];
}

/** Snapshot columns: what a release publishes for each observation. */
export const SNAPSHOT_QUERY = 'SELECT index, year, unit_id, measure, value, rank, "group" FROM observations ORDER BY index, year, unit_id, measure';

const parse = (v: string) => v.split('.').map(Number) as [number, number, number];
export function compareVersions(a: string, b: string): number {
  const [x, y] = [parse(a), parse(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

function readValidated<T>(rawDir: string, file: string, schema: string, problems: Problem[]): T | undefined {
  const shown = `raw/${file}`;
  const { data, problems: readProblems } = readJson(join(rawDir, file), shown);
  problems.push(...readProblems);
  if (data === undefined) return undefined;
  const invalid = validateAgainst(schema, data, shown);
  problems.push(...invalid);
  return invalid.length ? undefined : (data as T);
}

export function readRelease(rawDir: string): { release: Release; corrections: Correction[] } {
  const problems: Problem[] = [];
  const release = readValidated<Release>(rawDir, 'release.json', 'release.schema.json', problems);
  const corrections = readValidated<{ corrections: Correction[] }>(rawDir, 'corrections.json', 'corrections.schema.json', problems);
  if (problems.length || !release || !corrections) throw new InvalidInputError(problems);
  return { release, corrections: corrections.corrections };
}

function snapshotVersions(rawDir: string): string[] {
  const dir = join(rawDir, 'releases');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+\.\d+\.\d+\.csv$/.test(f))
    .map((f) => f.slice(0, -4))
    .sort(compareVersions);
}

async function loadSnapshots(db: DuckDBConnection, rawDir: string, versions: string[]) {
  await db.run('CREATE TABLE release_snapshots (version VARCHAR, index VARCHAR, year INTEGER, unit_id VARCHAR, measure VARCHAR, value DOUBLE, rank INTEGER, "group" VARCHAR)');
  for (const v of versions) {
    const path = join(rawDir, 'releases', `${v}.csv`).replaceAll("'", "''");
    await db.run(`INSERT INTO release_snapshots SELECT '${v}', * FROM read_csv('${path}', header = true,
      columns = {'index': 'VARCHAR', 'year': 'INTEGER', 'unit_id': 'VARCHAR', 'measure': 'VARCHAR', 'value': 'DOUBLE', 'rank': 'INTEGER', 'group': 'VARCHAR'})`);
  }
}

const snapshot = (version: string | null) =>
  version === null ? `SELECT * FROM (${SNAPSHOT_QUERY}) WHERE false` : `SELECT index, year, unit_id, measure, value, rank, "group" FROM release_snapshots WHERE version = '${version}'`;

interface Diff { added: number; changed: Change[]; removed: Change[] }

/** Figures added, changed or removed from `before` to `after` (each a query with the snapshot columns). */
async function diff(db: DuckDBConnection, after: string, before: string): Promise<Diff> {
  await db.run(`CREATE OR REPLACE TEMP TABLE figure_changes AS
     WITH a AS (${after}), b AS (${before}),
     fields AS (
       SELECT coalesce(a.index, b.index) AS index, coalesce(a.year, b.year) AS year, coalesce(a.unit_id, b.unit_id) AS unit_id,
         coalesce(a.measure, b.measure) AS measure, f.field, f.before, f.after
       FROM a FULL JOIN b ON a.index = b.index AND a.year = b.year AND a.unit_id = b.unit_id AND a.measure = b.measure,
       LATERAL (VALUES ('value', b.value::VARCHAR, a.value::VARCHAR), ('rank', b.rank::VARCHAR, a.rank::VARCHAR), ('group', b."group", a."group")) f(field, before, after)
     )
     SELECT *, CASE WHEN before IS NULL THEN 'added' WHEN after IS NULL THEN 'removed' ELSE 'changed' END AS change
     FROM fields WHERE before IS DISTINCT FROM after`);
  const [{ added }] = await queryRows<{ added: number }>(db, "SELECT count(*)::INTEGER AS added FROM figure_changes WHERE change = 'added' AND field = 'value'");
  const others = await queryRows<Change>(db, "SELECT * FROM figure_changes WHERE change <> 'added' ORDER BY index, year, unit_id, measure, field");
  return { added, changed: others.filter((c) => c.change === 'changed'), removed: others.filter((c) => c.change === 'removed') };
}

const sameFigure = (declared: number | string | null, printed: string | null) =>
  declared === null ? printed === null : printed !== null && (typeof declared === 'number' ? Math.abs(declared - Number(printed)) < 1e-9 : declared === printed);

/** Checks the build against the previous release and returns the changelog, newest first. */
export async function checkRelease(db: DuckDBConnection, rawDir: string, release: Release, corrections: Correction[]): Promise<ChangelogEntry[]> {
  const versions = snapshotVersions(rawDir);
  await loadSnapshots(db, rawDir, versions);
  const entry = (version: string, date: string, changes: Text[], comparedWith: string | null, found: Diff): ChangelogEntry => ({
    version,
    date,
    changes,
    compared_with: comparedWith,
    added: found.added,
    changed: found.changed.length,
    removed: found.removed.length,
    corrections: corrections.filter((c) => c.release === version),
  });

  const problems: Problem[] = [];
  const released = versions.includes(release.version);
  const previous = [...versions].reverse().find((v) => compareVersions(v, release.version) < 0) ?? null;
  const found = await diff(db, SNAPSHOT_QUERY, snapshot(released ? release.version : previous));
  const altered = [...found.changed, ...found.removed];
  if (released && (found.added || altered.length)) {
    const c = altered[0];
    const example = c ? ` (e.g. ${c.index} ${c.year} ${c.unit_id} ${c.measure} ${c.field}: ${c.before} → ${c.after})` : '';
    problems.push({
      file: `raw/releases/${release.version}.csv`,
      message: `release ${release.version} is already out, and this build ${altered.length ? `changes ${altered.length} of its figures` : `adds ${found.added} figures`}${example}; give this build a new version in raw/release.json`,
    });
  }
  if (!released && previous) {
    for (const c of altered) {
      const declared = corrections.find((k) => k.index === c.index && k.year === c.year && k.unit === c.unit_id && k.measure === c.measure && k.field === c.field && k.release === release.version);
      if (!declared || !sameFigure(declared.from, c.before) || !sameFigure(declared.to, c.after)) {
        const what = c.change === 'removed' ? `${c.before} was removed` : `changed from ${c.before} to ${c.after}`;
        problems.push({
          file: 'raw/corrections.json',
          message: `${c.index} ${c.year} ${c.unit_id} ${c.measure}: the ${c.field} ${what} since release ${previous}, but no correction for release ${release.version} declares it (with its reason and source)`,
        });
      }
    }
    const [major, minor] = parse(release.version);
    const [pMajor, pMinor] = parse(previous);
    if (found.added && major === pMajor && minor === pMinor) {
      problems.push({ file: 'raw/release.json', message: `this build adds figures to release ${previous}, so its version must be at least ${pMajor}.${pMinor + 1}.0 (minor = new data), not ${release.version}` });
    }
  }
  if (problems.length) throw new InvalidInputError(problems);

  const changelog: ChangelogEntry[] = released ? [] : [entry(release.version, release.date, release.changes, previous, found)];
  for (let i = versions.length - 1; i >= 0; i--) {
    const meta = JSON.parse(readFileSync(join(rawDir, 'releases', `${versions[i]}.json`), 'utf8')) as Release;
    const before = versions[i - 1] ?? null;
    changelog.push(entry(versions[i], meta.date, meta.changes, before, await diff(db, snapshot(versions[i]), snapshot(before))));
  }
  return changelog;
}

/** Records a built release: the snapshot of its figures and its metadata, in raw/releases/. */
export async function recordRelease(rawDir: string, dataDir: string, release: Release): Promise<void> {
  const dir = join(rawDir, 'releases');
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase();
  await db.run(`CREATE TABLE observations AS SELECT * FROM read_parquet('${join(dataDir, 'observations.parquet').replaceAll("'", "''")}')`);
  await db.run(`COPY (${SNAPSHOT_QUERY}) TO '${join(dir, `${release.version}.csv`).replaceAll("'", "''")}' (FORMAT csv, HEADER true)`);
  writeFileSync(join(dir, `${release.version}.json`), JSON.stringify(release, null, 2) + '\n');
}
