/**
 * Data releases: raw/release.json names the release being built; raw/releases/<version>.csv are the snapshots of
 * earlier releases (written by `npm run release`); raw/corrections.json declares every change to a released
 * figure. The build compares itself with the previous release, refuses silent edits and a version that does not
 * say what changed (major = structure, minor = new data, patch = corrections), and writes the changelog.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { privateUrlProblem } from '../validate/metadata.js';
import { openDatabase, queryRows } from '../load/duckdb.js';
import { InvalidInputError, type Problem } from '../validate/problems.js';
import { readJson, validateAgainst } from '../validate/schemas.js';
import type { Text } from '../read/index-definitions.js';

export interface Release {
  version: string;
  date: string;
  changes: Text[];
}
export interface Correction {
  index: string;
  year: number;
  unit: string;
  measure: string;
  field: string;
  from: number | string | null;
  to: number | string | null;
  reason: string;
  source: string;
  release: string;
}
interface Change {
  index: string;
  year: number;
  unit_id: string;
  measure: string;
  field: string;
  before: string | null;
  after: string | null;
  change: 'added' | 'field-added' | 'changed' | 'removed';
}

/** A field that a released figure did not have (a rank, a group): new data, listed, not a correction. */
interface AddedField {
  index: string;
  year: number;
  unit_id: string;
  measure: string;
  field: string;
  value: string;
}

export interface ChangelogEntry {
  version: string;
  date: string;
  changes: Text[];
  compared_with: string | null;
  added: number;
  fields_added: AddedField[];
  changed: number;
  removed: number;
  corrections: Correction[];
}

/** Snapshot columns: what a release publishes for each observation. */
export const SNAPSHOT_QUERY =
  'SELECT index, year, unit_id, measure, value, rank, "group" FROM observations ORDER BY index, year, unit_id, measure';

/** Canonical semantic versions only: 0.1.0, never 0.1.00 or v0.1.0 (they would sort and compare wrongly). */
export const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
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
  const corrections = readValidated<{ corrections: Correction[] }>(
    rawDir,
    'corrections.json',
    'corrections.schema.json',
    problems,
  );
  if (problems.length || !release || !corrections) throw new InvalidInputError(problems);
  if (!VERSION.test(release.version))
    problems.push({
      file: 'raw/release.json',
      message: `"version" is "${release.version}", which is not a canonical semantic version (such as 0.2.0: no leading zeros)`,
    });
  corrections.corrections.forEach((c, i) => {
    const url = privateUrlProblem(c.source);
    if (url) problems.push({ file: 'raw/corrections.json', message: `corrections[${i}]: "source" ${url}` });
    if (!VERSION.test(c.release))
      problems.push({
        file: 'raw/corrections.json',
        message: `corrections[${i}]: "release" is "${c.release}", which is not a canonical semantic version (such as 0.2.0: no leading zeros)`,
      });
  });
  const seen = new Map<string, number>();
  corrections.corrections.forEach((c, i) => {
    const key = [c.release, c.index, c.year, c.unit, c.measure, c.field].join('|');
    if (seen.has(key)) {
      problems.push({
        file: 'raw/corrections.json',
        message: `corrections[${i}] (${c.index} ${c.year} ${c.unit} ${c.measure} ${c.field}, release ${c.release}) repeats corrections[${seen.get(key)}]: declare each change once`,
      });
    }
    seen.set(key, i);
  });
  if (problems.length) throw new InvalidInputError(problems);
  return { release, corrections: corrections.corrections };
}

/** The recorded releases (raw/releases/<version>.csv and .json), oldest first, each checked to be well formed. */
function recordedReleases(rawDir: string, problems: Problem[]): { version: string; meta: Release }[] {
  const dir = join(rawDir, 'releases');
  if (!existsSync(dir)) return [];
  const recorded = [];
  const names = readdirSync(dir);
  for (const name of names.filter((f) => f.endsWith('.csv')).sort()) {
    const version = name.slice(0, -4);
    const shown = `raw/releases/${name}`;
    if (!VERSION.test(version)) {
      problems.push({
        file: shown,
        message: `"${version}" is not a canonical semantic version (such as 0.1.0): a snapshot must be named after its release`,
      });
      continue;
    }
    const meta = readValidated<Release>(rawDir, `releases/${version}.json`, 'release.schema.json', problems);
    if (!meta) continue;
    if (meta.version !== version)
      problems.push({
        file: `raw/releases/${version}.json`,
        message: `"version" is "${meta.version}" but the file is named ${version}.json`,
      });
    else recorded.push({ version, meta });
  }
  recorded.sort((a, b) => compareVersions(a.version, b.version));
  for (let i = 1; i < recorded.length; i++) {
    if (recorded[i].meta.date < recorded[i - 1].meta.date) {
      problems.push({
        file: `raw/releases/${recorded[i].version}.json`,
        message: `"date" ${recorded[i].meta.date} is before the date of the earlier release ${recorded[i - 1].version} (${recorded[i - 1].meta.date})`,
      });
    }
  }
  return recorded;
}

async function loadSnapshots(db: DuckDBConnection, rawDir: string, versions: string[]) {
  await db.run(
    'CREATE TABLE release_snapshots (version VARCHAR, index VARCHAR, year INTEGER, unit_id VARCHAR, measure VARCHAR, value DOUBLE, rank INTEGER, "group" VARCHAR)',
  );
  for (const v of versions) {
    const path = join(rawDir, 'releases', `${v}.csv`).replaceAll("'", "''");
    await db.run(`INSERT INTO release_snapshots SELECT '${v}', * FROM read_csv('${path}', header = true,
      columns = {'index': 'VARCHAR', 'year': 'INTEGER', 'unit_id': 'VARCHAR', 'measure': 'VARCHAR', 'value': 'DOUBLE', 'rank': 'INTEGER', 'group': 'VARCHAR'})`);
  }
}

const snapshot = (version: string | null) =>
  version === null
    ? `SELECT * FROM (${SNAPSHOT_QUERY}) WHERE false`
    : `SELECT index, year, unit_id, measure, value, rank, "group" FROM release_snapshots WHERE version = '${version}'`;

interface Diff {
  added: number;
  fieldsAdded: AddedField[];
  changed: Change[];
  removed: Change[];
}

/**
 * Figures added, changed or removed from `before` to `after` (each a query with the snapshot columns). A figure
 * that is new is "added"; a field that an existing figure did not have (a rank, a group) is a "field-added"; a
 * non-null field that differs is "changed", and one that disappears (or the whole figure) is "removed".
 */
async function diff(db: DuckDBConnection, after: string, before: string): Promise<Diff> {
  await db.run(`CREATE OR REPLACE TEMP TABLE figure_changes AS
     WITH a AS (${after}), b AS (${before}),
     fields AS (
       SELECT coalesce(a.index, b.index) AS index, coalesce(a.year, b.year) AS year, coalesce(a.unit_id, b.unit_id) AS unit_id,
         coalesce(a.measure, b.measure) AS measure, b.unit_id IS NULL AS new_figure, f.field, f.before, f.after
       FROM a FULL JOIN b ON a.index = b.index AND a.year = b.year AND a.unit_id = b.unit_id AND a.measure = b.measure,
       LATERAL (VALUES ('value', b.value::VARCHAR, a.value::VARCHAR), ('rank', b.rank::VARCHAR, a.rank::VARCHAR), ('group', b."group", a."group")) f(field, before, after)
     )
     SELECT *, CASE WHEN before IS NULL AND new_figure THEN 'added' WHEN before IS NULL THEN 'field-added' WHEN after IS NULL THEN 'removed' ELSE 'changed' END AS change
     FROM fields WHERE before IS DISTINCT FROM after`);
  const [{ added }] = await queryRows<{ added: number }>(
    db,
    "SELECT count(DISTINCT (index, year, unit_id, measure))::INTEGER AS added FROM figure_changes WHERE change = 'added'",
  );
  const fieldsAdded = await queryRows<AddedField>(
    db,
    "SELECT index, year, unit_id, measure, field, after AS value FROM figure_changes WHERE change = 'field-added' ORDER BY index, year, unit_id, measure, field",
  );
  const others = await queryRows<Change>(
    db,
    "SELECT * EXCLUDE (new_figure) FROM figure_changes WHERE change IN ('changed', 'removed') ORDER BY index, year, unit_id, measure, field",
  );
  return {
    added,
    fieldsAdded,
    changed: others.filter((c) => c.change === 'changed'),
    removed: others.filter((c) => c.change === 'removed'),
  };
}

const sameFigure = (declared: number | string | null, printed: string | null) =>
  declared === null
    ? printed === null
    : printed !== null &&
      (typeof declared === 'number' ? Math.abs(declared - Number(printed)) < 1e-9 : declared === printed);

const declares = (k: Correction, c: Change) =>
  k.index === c.index &&
  k.year === c.year &&
  k.unit === c.unit_id &&
  k.measure === c.measure &&
  k.field === c.field &&
  sameFigure(k.from, c.before) &&
  sameFigure(k.to, c.after);

const describeChange = (c: Change) =>
  `${c.index} ${c.year} ${c.unit_id} ${c.measure} ${c.field}: ${c.before} → ${c.after ?? 'removed'}`;

/** Every altered figure needs a correction of that release, and every correction of that release an altered figure. */
function checkCorrections(
  version: string,
  previous: string,
  found: Diff,
  corrections: Correction[],
  problems: Problem[],
) {
  const own = corrections.filter((k) => k.release === version);
  for (const c of [...found.changed, ...found.removed]) {
    if (own.some((k) => declares(k, c))) continue;
    const what = c.change === 'removed' ? `${c.before} was removed` : `changed from ${c.before} to ${c.after}`;
    problems.push({
      file: 'raw/corrections.json',
      message: `${c.index} ${c.year} ${c.unit_id} ${c.measure}: the ${c.field} ${what} since release ${previous}, but no correction for release ${version} declares it (with its reason and source)`,
    });
  }
  for (const k of own) {
    if ([...found.changed, ...found.removed].some((c) => declares(k, c))) continue;
    problems.push({
      file: 'raw/corrections.json',
      message: `the correction of ${k.index} ${k.year} ${k.unit} ${k.measure} ${k.field} (${JSON.stringify(k.from)} → ${JSON.stringify(k.to)}, release ${version}) matches no change since release ${previous}: remove it, or fix its "from"/"to"`,
    });
  }
}

/** Checks the build against the recorded releases and returns the changelog, newest first. */
export async function checkRelease(
  db: DuckDBConnection,
  rawDir: string,
  release: Release,
  corrections: Correction[],
): Promise<ChangelogEntry[]> {
  const problems: Problem[] = [];
  const recorded = recordedReleases(rawDir, problems);
  if (problems.length) throw new InvalidInputError(problems);
  const versions = recorded.map((r) => r.version);
  await loadSnapshots(db, rawDir, versions);
  const entry = (
    version: string,
    date: string,
    changes: Text[],
    comparedWith: string | null,
    found: Diff,
  ): ChangelogEntry => ({
    version,
    date,
    changes,
    compared_with: comparedWith,
    added: found.added,
    fields_added: found.fieldsAdded,
    changed: found.changed.length,
    removed: found.removed.length,
    corrections: corrections.filter((c) => c.release === version),
  });

  const released = versions.includes(release.version);
  const latest = versions.at(-1) ?? null;
  for (const k of corrections) {
    if (k.release !== release.version && !versions.includes(k.release)) {
      problems.push({
        file: 'raw/corrections.json',
        message: `the correction of ${k.index} ${k.year} ${k.unit} ${k.measure} ${k.field} names release ${k.release}, which is neither recorded in raw/releases/ nor the one being built (${release.version})`,
      });
    }
  }
  if (!released && latest && compareVersions(release.version, latest) < 0) {
    problems.push({
      file: 'raw/release.json',
      message: `"version" ${release.version} is below the latest recorded release ${latest} (raw/releases/${latest}.csv); a new release needs a higher version`,
    });
    throw new InvalidInputError(problems);
  }
  if (!released && latest && release.date < recorded.at(-1)!.meta.date) {
    problems.push({
      file: 'raw/release.json',
      message: `"date" ${release.date} is before the date of the latest recorded release ${latest} (${recorded.at(-1)!.meta.date})`,
    });
  }
  const previous = released ? (versions[versions.indexOf(release.version) - 1] ?? null) : latest;
  const found = await diff(db, SNAPSHOT_QUERY, snapshot(released ? release.version : previous));
  const altered = [...found.changed, ...found.removed];
  if (released && (found.added || found.fieldsAdded.length || altered.length)) {
    const example = altered[0]
      ? ` (e.g. ${describeChange(altered[0])})`
      : found.fieldsAdded[0]
        ? ` (e.g. ${describeChange({ ...found.fieldsAdded[0], before: null, after: found.fieldsAdded[0].value, change: 'field-added' })})`
        : '';
    const what = [
      altered.length ? `changes ${altered.length} of its figures` : '',
      found.fieldsAdded.length ? `gives ${found.fieldsAdded.length} of its figures a field they did not have` : '',
      found.added ? `adds ${found.added} figures` : '',
    ]
      .filter(Boolean)
      .join(', ');
    problems.push({
      file: `raw/releases/${release.version}.csv`,
      message: `release ${release.version} is already out, and this build ${what}${example}; give this build a new version in raw/release.json`,
    });
  }
  if (!released && previous) {
    checkCorrections(release.version, previous, found, corrections, problems);
    const [major, minor] = parse(release.version);
    const [pMajor, pMinor] = parse(previous);
    if ((found.added || found.fieldsAdded.length) && major === pMajor && minor === pMinor) {
      problems.push({
        file: 'raw/release.json',
        message: `this build adds ${found.added ? 'figures to' : 'fields (a rank or a group) to figures of'} release ${previous}, so its version must be at least ${pMajor}.${pMinor + 1}.0 (minor = new data), not ${release.version}`,
      });
    }
  }
  const changelog: ChangelogEntry[] = released
    ? []
    : [entry(release.version, release.date, release.changes, previous, found)];
  for (let i = recorded.length - 1; i >= 0; i--) {
    const before = versions[i - 1] ?? null;
    const between = await diff(db, snapshot(versions[i]), snapshot(before));
    if (before) checkCorrections(versions[i], before, between, corrections, problems);
    changelog.push(entry(versions[i], recorded[i].meta.date, recorded[i].meta.changes, before, between));
  }
  if (problems.length) throw new InvalidInputError(problems);
  return changelog;
}

/** Records a built release: the snapshot of its figures and its metadata, in raw/releases/. */
export async function recordRelease(rawDir: string, dataDir: string, release: Release): Promise<void> {
  const dir = join(rawDir, 'releases');
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase();
  await db.run(
    `CREATE TABLE observations AS SELECT * FROM read_parquet('${join(dataDir, 'observations.parquet').replaceAll("'", "''")}')`,
  );
  await db.run(
    `COPY (${SNAPSHOT_QUERY}) TO '${join(dir, `${release.version}.csv`).replaceAll("'", "''")}' (FORMAT csv, HEADER true)`,
  );
  writeFileSync(join(dir, `${release.version}.json`), JSON.stringify(release, null, 2) + '\n');
}
