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
import { openDatabase, queryRows, runSqlSteps } from '../load/duckdb.js';
import { RELEASE_MODELS } from '../paths.js';
import { changelogDefinition, checkModel } from '../write/codebook.js';
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
  field: 'value' | 'rank' | 'group';
  from: number | string | null;
  to: number | string | null;
  reason: Text;
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
  change: 'field-added' | 'changed' | 'removed';
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
const SNAPSHOT_COLUMNS = ['index', 'year', 'unit_id', 'measure', 'value', 'rank', 'group'];
const SNAPSHOT_QUERY = `SELECT ${SNAPSHOT_COLUMNS.map((c) => `"${c}"`).join(', ')} FROM observations ORDER BY index, year, unit_id, measure`;
/**
 * How a snapshot's CSV is read back: its columns as text (the table they go into gives them their types), without
 * DuckDB's sniffing of the file, which took most of the time (50 ms against 18 ms for raw/releases/0.1.0.csv).
 */
const SNAPSHOT_CSV = `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${SNAPSHOT_COLUMNS.map((c) => `'${c}': 'VARCHAR'`).join(', ')}}`;

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

/** A query's text value, quoted for SQL. */
const sqlText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * The inputs of the release models (pipeline/sql/4_release/): the recorded snapshots as read_release_snapshots,
 * the comparisons to make as read_release_comparisons, and raw/corrections.json's path.
 */
async function loadReleaseInputs(db: DuckDBConnection, rawDir: string, versions: string[], comparisons: Comparison[]) {
  await db.run(
    'CREATE TABLE read_release_snapshots (snapshot VARCHAR, index VARCHAR, year INTEGER, unit_id VARCHAR, measure VARCHAR, value DOUBLE, rank INTEGER, "group" VARCHAR)',
  );
  for (const v of versions) {
    const file = sqlText(join(rawDir, 'releases', `${v}.csv`));
    await db.run(`INSERT INTO read_release_snapshots SELECT '${v}', * FROM read_csv(${file}, ${SNAPSHOT_CSV})`);
  }
  const text = (v: string | null) => (v === null ? 'NULL' : sqlText(v));
  const rows = comparisons.map(
    (c) =>
      `(${text(c.snapshot)}, ${text(c.version)}, ${text(c.date)}, ${text(JSON.stringify(c.changes))}, ${text(c.compared_with)}, ${c.checks_corrections}, ${c.entry ?? 'NULL'})`,
  );
  await db.run(
    'CREATE TABLE read_release_comparisons (snapshot VARCHAR, version VARCHAR, date VARCHAR, changes JSON, compared_with VARCHAR, checks_corrections BOOLEAN, entry INTEGER)',
  );
  await db.run(`INSERT INTO read_release_comparisons VALUES ${rows.join(', ')}`);
  await db.run(`SET VARIABLE corrections_file = ${sqlText(join(rawDir, 'corrections.json'))}`);
}

/**
 * One comparison of the release models: a snapshot ('build' for this build, else a recorded release) of a release
 * (its version, date and changes) against the release before it (none for the first); whether the corrections of
 * the release must declare its changes (not for the first release, nor for a rebuild of a recorded one); and its
 * place in the changelog, newest first (none for a rebuild of a recorded release).
 */
interface Comparison extends Release {
  snapshot: string;
  compared_with: string | null;
  checks_corrections: boolean;
  entry: number | null;
}

/** What a comparison found (the release model release_findings). */
interface Found {
  added: number;
  fields_added: AddedField[];
  changed: number;
  removed: number;
}

/** A row of release_correction_checks. */
interface CorrectionProblem extends Change {
  problem: 'undeclared-change' | 'unmatched-correction';
  position: number | null;
}

const describeChange = (c: Change) =>
  `${c.index} ${c.year} ${c.unit_id} ${c.measure} ${c.field}: ${c.before} → ${c.after ?? 'removed'}`;

/** The problems of the corrections check of one comparison, as messages. */
async function correctionProblems(
  db: DuckDBConnection,
  comparison: Comparison,
  corrections: Correction[],
): Promise<Problem[]> {
  const rows = await queryRows<CorrectionProblem>(
    db,
    `SELECT * FROM release_correction_checks WHERE snapshot = ${sqlText(comparison.snapshot)}`,
  );
  const { version, compared_with: previous } = comparison;
  return rows.map((c) => {
    if (c.problem === 'undeclared-change') {
      const what = c.change === 'removed' ? `${c.before} was removed` : `changed from ${c.before} to ${c.after}`;
      return {
        file: 'raw/corrections.json',
        message: `${c.index} ${c.year} ${c.unit_id} ${c.measure}: the ${c.field} ${what} since release ${previous}, but no correction for release ${version} declares it (with its reason and source)`,
      };
    }
    const k = corrections[c.position!];
    return {
      file: 'raw/corrections.json',
      message: `the correction of ${k.index} ${k.year} ${k.unit} ${k.measure} ${k.field} (${JSON.stringify(k.from)} → ${JSON.stringify(k.to)}, release ${version}) matches no change since release ${previous}: remove it, or fix its "from"/"to"`,
    };
  });
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
  const build: Comparison = {
    ...release,
    snapshot: 'build',
    compared_with: released ? release.version : previous,
    checks_corrections: !released && previous !== null,
    entry: released ? null : 0,
  };
  const recordedComparisons: Comparison[] = recorded.map(({ version, meta }, i) => ({
    ...meta,
    snapshot: version,
    compared_with: versions[i - 1] ?? null,
    checks_corrections: i > 0,
    entry: recorded.length - i,
  }));
  await loadReleaseInputs(db, rawDir, versions, [build, ...recordedComparisons]);
  await runSqlSteps(db, RELEASE_MODELS);
  const [ofBuild] = await queryRows<Found>(
    db,
    "SELECT * EXCLUDE (snapshot) FROM release_findings WHERE snapshot = 'build'",
  );
  if (released && (ofBuild.added || ofBuild.fields_added.length || ofBuild.changed || ofBuild.removed)) {
    const altered = ofBuild.changed + ofBuild.removed;
    const [first] = await queryRows<Change>(
      db,
      "SELECT * FROM release_changes WHERE snapshot = 'build' AND change IN ('changed', 'removed') ORDER BY change, index, year, unit_id, measure, field LIMIT 1",
    );
    const addedField = ofBuild.fields_added[0];
    const example = first
      ? ` (e.g. ${describeChange(first)})`
      : addedField
        ? ` (e.g. ${describeChange({ ...addedField, before: null, after: addedField.value, change: 'field-added' })})`
        : '';
    const what = [
      altered ? `changes ${altered} of its figures` : '',
      ofBuild.fields_added.length
        ? `gives ${ofBuild.fields_added.length} of its figures a field they did not have`
        : '',
      ofBuild.added ? `adds ${ofBuild.added} figures` : '',
    ]
      .filter(Boolean)
      .join(', ');
    problems.push({
      file: `raw/releases/${release.version}.csv`,
      message: `release ${release.version} is already out, and this build ${what}${example}; give this build a new version in raw/release.json`,
    });
  }
  if (build.checks_corrections) {
    problems.push(...(await correctionProblems(db, build, corrections)));
    const [major, minor] = parse(release.version);
    const [pMajor, pMinor] = parse(previous!);
    if ((ofBuild.added || ofBuild.fields_added.length) && major === pMajor && minor === pMinor) {
      problems.push({
        file: 'raw/release.json',
        message: `this build adds ${ofBuild.added ? 'figures to' : 'fields (a rank or a group) to figures of'} release ${previous}, so its version must be at least ${pMajor}.${pMinor + 1}.0 (minor = new data), not ${release.version}`,
      });
    }
  }
  for (const comparison of [...recordedComparisons].reverse()) {
    if (comparison.checks_corrections) problems.push(...(await correctionProblems(db, comparison, corrections)));
  }
  if (problems.length) throw new InvalidInputError(problems);
  const definition = changelogDefinition();
  await checkModel(db, definition);
  const lists = definition.columns.filter((c) => c.type === 'array').map((c) => c.name);
  const rows = await queryRows<Record<string, unknown>>(db, 'SELECT * FROM changelog');
  return rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([name, value]) => [name, lists.includes(name) ? JSON.parse(value as string) : value]),
      ) as unknown as ChangelogEntry,
  );
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
