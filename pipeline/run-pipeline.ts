/**
 * The whole pipeline: read and validate raw/, load it into DuckDB, run the SQL steps, stop on any error-level
 * quality finding, and write the datasets into `outDir` (which must be empty; the caller swaps it into place).
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { buildDataPackage } from './write/datapackage.js';
import { ConnectionPool, queryRows, runSqlModels, settled } from './load/duckdb.js';
import { InvalidInputError } from './validate/problems.js';
import { readRaw, type RawData } from './read/editions.js';
import { checkRelease, readRelease } from './release/releases.js';
import { Staging } from './load/stage.js';
import { readTableDefinitions } from './write/codebook.js';
import { writeResources, writeWideTables } from './write/datasets.js';
import { BUILD_MODELS } from './paths.js';
import { writeReference } from './write/reference.js';
import { writeDatabaseScript } from './write/database.js';
import { fileSha256Async } from './sha256.js';

export interface Finding {
  check: string;
  severity: string;
  index: string;
  year: number;
  unit_id: string | null;
  measure: string | null;
  message: string;
  raw_file: string | null;
  raw_cell: string | null;
}

/** One edition's comparison with the independent figures chiso holds (press fragments, averages, group counts, printed changes). */
export interface Verification {
  index: string;
  year: number;
  complete: boolean;
  checked: number;
  agree: number;
  declared: number;
}

export interface PipelineResult {
  files: string[];
  warnings: Finding[];
  verification: Verification[];
  editions: number;
  observations: number;
  seconds: Record<'read' | 'duckdb' | 'write', number>;
  /** The seconds each SQL model's statement took, by file under pipeline/sql/. */
  modelSeconds: Record<string, number>;
}

/** Beyond this many observations DuckDB works with capped memory, spilling to disk (see openDatabase). */
const LARGE_INPUT_ROWS = 500_000;
/** DuckDB reads a table in row groups of this many rows, one thread each: a statement over fewer rows gains nothing
 * from more threads, and loses time to them (measured on raw/: +0.07 s). */
const ROW_GROUP_ROWS = 122_880;

function cellRow(cell: string | null): number | undefined {
  const digits = /\d+$/.exec(cell ?? '')?.[0];
  return digits ? Number(digits) : undefined;
}

export interface PipelineOptions {
  /** Keep the working database, with every table, in this file. */
  database?: string;
}

export async function runPipeline(
  rawDir: string,
  outDir: string,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  const started = performance.now();
  const lap = () => (performance.now() - started) / 1000;
  const { release, corrections } = readRelease(rawDir);
  const staging = new Staging();
  let raw: RawData;
  try {
    raw = await readRaw(rawDir, (edition) => staging.add(edition));
  } catch (error) {
    staging.discard();
    throw error;
  }
  const read = lap();
  // The models run on every core when the observations fill more than one row group (on 10× raw/, the models took
  // 1.6–2.0 s against 2.3–2.4 s on one thread).
  const large = staging.rows > LARGE_INPUT_ROWS;
  const pool = await ConnectionPool.open({
    large,
    path: options.database,
    threads: staging.rows > ROW_GROUP_ROWS ? availableParallelism() : 1,
  });
  const db = pool.main;
  const modelSeconds: Record<string, number> = {};
  // The table definitions are read while DuckDB loads the tables and runs the first models, on its own threads.
  const [, tables] = await settled([
    runSqlModels(pool, BUILD_MODELS, staging.load(pool, raw), modelSeconds),
    Promise.resolve().then(readTableDefinitions),
  ] as const);
  const duckdb = lap();
  // The files are then written two at a time, each on one thread (on two, writing 10× raw/ took 2.5–3.3 s against
  // 2.1–2.5 s), but for a large input's: its observations files take so long that the last is written alone, and
  // keeps every core (100×: 24–26 s against 23–32 s on one thread).
  if (!large) await pool.setThreads(1);

  const findings = await queryRows<Finding>(db, "SELECT * FROM quality WHERE severity <> 'summary'");
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new InvalidInputError(
      errors.map((f) => ({
        file: f.raw_file ?? `raw/${f.index}/${f.year}`,
        row: cellRow(f.raw_cell),
        column: f.raw_cell?.replace(/\d+$/, ''),
        message: `${f.unit_id ?? ''} ${f.year} ${f.measure ?? ''}: ${f.message} [${f.check}]`.trim(),
      })),
    );
  }

  // The datasets are written while the build is checked against the recorded releases (if that check fails, the
  // run throws and the caller discards outDir), and each file is hashed for the data package once it is written.
  const hashing = new Map<string, Promise<string>>();
  const written = (file: string) => {
    const hash = fileSha256Async(join(outDir, file));
    hash.catch(() => {}); // a failure is seen where the hashes are awaited, or the run has failed already
    hashing.set(file, hash);
  };
  // The wide tables go first: their workbooks are zipped here, in JavaScript, while DuckDB writes the rest.
  const wideTables = writeWideTables(pool, outDir, raw.definitions, written);
  const [changelog, resources, wide, others] = await settled([
    pool.run((connection) => checkRelease(connection, rawDir, release, corrections)),
    writeResources(pool, outDir, tables, written),
    wideTables,
    Promise.resolve().then(() => [writeDatabaseScript(outDir, tables), ...writeReference(raw, rawDir, outDir)]),
  ] as const);
  writeFileSync(join(outDir, 'changelog.json'), JSON.stringify(changelog, null, 2) + '\n');
  const [databaseScript, ...reference] = others;
  for (const file of [databaseScript, 'changelog.json', ...reference]) written(file);
  const files = [...resources, ...wide.files, databaseScript, 'changelog.json', ...reference];
  const hashes = new Map(await Promise.all([...hashing].map(async ([file, hash]) => [file, await hash] as const)));
  const dataPackage = buildDataPackage(
    { dir: outDir, checksums: hashes },
    tables,
    wide.tables,
    raw.definitions,
    release,
    files,
  );
  writeFileSync(join(outDir, 'datapackage.json'), JSON.stringify(dataPackage, null, 2) + '\n');
  const checksums = dataPackage.resources.map((r) => {
    const { path, hash } = r as { path: string; hash: string };
    return `${hash.slice('sha256:'.length)}  ${path}`;
  });
  writeFileSync(join(outDir, 'SHA256SUMS'), checksums.join('\n') + '\n');
  const [{ n }] = await queryRows<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM observations');
  const verification = await queryRows<Verification>(
    db,
    `SELECT v.index, v.year, coalesce(e.headline_complete, false) AS complete, count(*)::INTEGER AS checked,
       (count(*) FILTER (WHERE v.agrees))::INTEGER AS agree, (count(*) FILTER (WHERE NOT v.agrees AND v.declared IS NOT NULL))::INTEGER AS declared
     FROM independent_checks v LEFT JOIN editions e USING (index, year) GROUP BY ALL ORDER BY v.index, v.year`,
  );
  const seconds = { read, duckdb: duckdb - read, write: lap() - duckdb };
  return {
    files: [...files, 'datapackage.json', 'SHA256SUMS'],
    warnings: findings,
    verification,
    editions: raw.editions.length,
    observations: n,
    seconds,
    modelSeconds,
  };
}
