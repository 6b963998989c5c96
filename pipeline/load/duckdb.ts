/** A small wrapper over @duckdb/node-api: open a database, load rows, run SQL files. */
import { closeSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ROOT, SQL_MODELS } from '../paths.js';

export type ColumnType = 'VARCHAR' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN' | 'JSON';
export type Columns = Record<string, ColumnType>;
type Value = string | number | boolean | null | undefined;

/** The spill folders of large databases and the staging files' folders, removed when the process exits. */
const databaseDirs: string[] = [];
const stagingDirs: string[] = [];
process.once('exit', () =>
  [...databaseDirs, ...stagingDirs].forEach((dir) => rmSync(dir, { recursive: true, force: true })),
);

interface DatabaseOptions {
  large?: boolean;
  path?: string;
  /** DuckDB's threads for each statement: 1 unless given. */
  threads?: number;
}

/**
 * A database in memory. With `path` it is that file, made afresh and kept (`npm run pipeline -- --db FILE`: every
 * table stays for a researcher to open). With `large` its memory is capped and DuckDB spills what does not fit to a
 * temporary folder: a large input then stays within bounded memory instead of growing with it (a database file
 * instead would write every table to disk, three times slower). The same input gives the same bytes whatever
 * `threads` is: no model depends on the order in which DuckDB's threads see the rows (sums are exact, every ORDER BY
 * is total; see tests/sql-order.test.ts).
 */
async function openInstance({ large = false, path, threads = 1 }: DatabaseOptions): Promise<DuckDBInstance> {
  const options = { threads: String(threads) };
  if (path) {
    for (const file of [path, `${path}.wal`]) rmSync(file, { force: true });
    return DuckDBInstance.create(path, { ...options, memory_limit: '768MB' });
  }
  if (!large) return DuckDBInstance.create(':memory:', options);
  const dir = mkdtempSync(join(tmpdir(), 'chiso-duckdb-'));
  databaseDirs.push(dir);
  return DuckDBInstance.create(':memory:', { ...options, memory_limit: '768MB', temp_directory: dir });
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<DuckDBConnection> {
  return (await openInstance(options)).connect();
}

/**
 * Connections to one database that run statements side by side, one per core: independent statements run at once.
 */
export class ConnectionPool {
  private readonly waiting: ((connection: DuckDBConnection) => void)[] = [];

  private constructor(
    /**
     * A connection outside the pool: for statements run between the pooled tasks, and for reading a result into
     * JavaScript (a stream) without keeping a pooled connection waiting meanwhile.
     */
    readonly main: DuckDBConnection,
    private readonly idle: DuckDBConnection[],
    /** A large database runs its SQL models one at a time: two at once can need more than its memory cap between
     * them (synthetic data 30× as large as raw/ failed at random with "Out of Memory" in 09_observations.sql). */
    readonly modelsOneAtATime: boolean,
  ) {}

  static async open(options: DatabaseOptions = {}): Promise<ConnectionPool> {
    const instance = await openInstance(options);
    const size = Math.min(4, availableParallelism());
    const [main, ...pooled] = await Promise.all(Array.from({ length: size + 1 }, () => instance.connect()));
    return new ConnectionPool(main, pooled, options.large ?? false);
  }

  /** Sets DuckDB's threads for each statement from now on, on every connection. */
  async setThreads(threads: number): Promise<void> {
    await this.main.run(`SET threads = ${threads}`);
  }

  /** Runs `task` on a connection no other task is using, once one is free. */
  async run<T>(task: (db: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = this.idle.pop() ?? (await new Promise<DuckDBConnection>((take) => this.waiting.push(take)));
    try {
      return await task(connection);
    } finally {
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }
}

/** How a column's values are written in the staging CSV. */
const quoted = (v: Value) => {
  if (v === null || v === undefined) return '';
  const text = String(v);
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
};
const csvFields: Record<ColumnType, (v: Value) => string> = {
  VARCHAR: quoted,
  JSON: quoted,
  BOOLEAN: (v) => (v === null || v === undefined ? '' : String(Boolean(v))),
  DOUBLE: (v) => (v === null || v === undefined ? '' : String(Number(v))),
  INTEGER: (v) => (v === null || v === undefined ? '' : String(Number(v))),
};

/**
 * A table loaded through a staging CSV file: rows (objects keyed by column name) are appended one at a time, as they
 * are produced, and DuckDB reads the file in one COPY: far faster than appending value by value, and a large input
 * is never held in memory. Text is always quoted, so an empty text stays empty and only a missing value becomes NULL.
 */
export class StagingFile {
  private readonly dir = mkdtempSync(join(tmpdir(), 'chiso-stage-'));
  private readonly file = join(this.dir, 'rows.csv');
  private readonly fd = openSync(this.file, 'w');
  private readonly names: string[];
  private readonly fields: ((v: Value) => string)[];
  private readonly values: string[] = [];
  private lines: string[] = [];
  rows = 0;

  constructor(
    readonly table: string,
    private readonly columns: Columns,
  ) {
    this.names = Object.keys(columns);
    this.fields = this.names.map((n) => csvFields[columns[n]]);
    stagingDirs.push(this.dir);
  }

  append(row: Record<string, Value>): void {
    const { fields, names, values } = this;
    for (let i = 0; i < names.length; i++) values[i] = fields[i](row[names[i]]);
    this.lines.push(values.join(','));
    this.rows++;
    if (this.lines.length >= 8192) this.flush();
  }

  private flush(): void {
    if (this.lines.length) writeSync(this.fd, this.lines.join('\n') + '\n');
    this.lines = [];
  }

  /** Removes the file without loading it (the input had problems). */
  discard(): void {
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Creates the table from the rows appended, and removes the file. */
  async load(db: DuckDBConnection): Promise<void> {
    this.flush();
    closeSync(this.fd);
    try {
      const columns = this.names.map((n) => `"${n}" ${this.columns[n]}`).join(', ');
      await db.run(`CREATE TABLE ${this.table} (${columns})`);
      await db.run(
        `COPY ${this.table} FROM '${this.file.replaceAll("'", "''")}' (FORMAT csv, HEADER false, QUOTE '"', ESCAPE '"', ALLOW_QUOTED_NULLS false, AUTO_DETECT false)`,
      );
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

const sqlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.sql'))
    .sort();

const stepError = (dir: string, step: string, error: unknown) =>
  new Error(`${relative(ROOT, join(dir, step))}: ${(error as Error).message}`);

/**
 * Runs the SQL models of one stage (a folder of pipeline/sql/): every .sql file under `dir`, in name order; each
 * file is one step that creates one table.
 */
export async function runSqlSteps(db: DuckDBConnection, dir: string): Promise<string[]> {
  const steps = sqlFiles(dir);
  for (const step of steps) {
    try {
      await db.run(readFileSync(join(dir, step), 'utf8'));
    } catch (error) {
      throw stepError(dir, step, error);
    }
  }
  return steps;
}

/** A step that did not run because a step it reads failed. */
class Skipped extends Error {}

/**
 * Runs the SQL models of several stages as runSqlSteps does one after another, but each step as soon as the steps
 * before it whose tables it names have run, on the pool's connections side by side. A step names a table when the
 * table's name is a word of its text (comments included: a needless wait costs time, a missing one would be wrong),
 * and a step whose table is not found (no CREATE TABLE or VIEW) waits for every step before it, and every later step for
 * it. A failure is that of the first failing step in the sequential order, as runSqlSteps reports it.
 */
export async function runSqlModels(
  pool: ConnectionPool,
  dirs: string[],
  /** The tables the models read that are being loaded, by name: a step naming one waits for it. */
  inputs: Record<string, Promise<void>> = {},
  /** Filled with the seconds each model's statement took, by file (for npm run bench). */
  seconds: Record<string, number> = {},
): Promise<void> {
  const steps = dirs.flatMap((dir) =>
    sqlFiles(dir).map((step) => {
      const sql = readFileSync(join(dir, step), 'utf8');
      const table = /\bCREATE\s+(?:TABLE|VIEW)\s+"?(\w+)"?/i.exec(sql)?.[1];
      return { dir, step, sql, table, words: new Set(sql.match(/\w+/g)) };
    }),
  );
  const runs: Promise<void>[] = [];
  let previous: Promise<unknown> = Promise.resolve();
  const runModel = ({ dir, step, sql }: (typeof steps)[number]): Promise<unknown> => {
    const run = () =>
      pool.run(async (db) => {
        const started = performance.now();
        await db.run(sql);
        seconds[relative(SQL_MODELS, join(dir, step))] = (performance.now() - started) / 1000;
      });
    if (!pool.modelsOneAtATime) return run();
    const next = previous.then(run);
    previous = next.catch(() => {});
    return next;
  };
  steps.forEach((step, i) => {
    const before = steps.slice(0, i).map((earlier, j) => ({ earlier, run: runs[j] }));
    const waitsFor = step.table
      ? before.filter(({ earlier }) => !earlier.table || step.words.has(earlier.table))
      : before;
    const loads = Object.entries(inputs).filter(([table]) => !step.table || step.words.has(table));
    runs.push(
      Promise.all([...waitsFor.map(({ run }) => run), ...loads.map(([, load]) => load)]).then(
        () =>
          runModel(step).then(
            () => undefined,
            (error: unknown) => Promise.reject(stepError(step.dir, step.step, error)),
          ),
        () => Promise.reject(new Skipped()),
      ),
    );
  });
  await settled([...Object.values(inputs), ...runs], (reason) => !(reason instanceof Skipped));
}

/**
 * Waits for every task, then throws the failure of the first that failed (in the order given, which is the order
 * they would have run one after another), so that nothing is still running when the caller hears of it.
 */
export async function settled<T extends readonly unknown[]>(
  tasks: { readonly [K in keyof T]: Promise<T[K]> },
  isFailure: (reason: unknown) => boolean = () => true,
): Promise<T> {
  const results = await Promise.allSettled(tasks);
  const failure = results.find((r) => r.status === 'rejected' && isFailure(r.reason));
  if (failure) throw (failure as PromiseRejectedResult).reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

export async function queryRows<T = Record<string, unknown>>(db: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await db.runAndReadAll(sql);
  return reader.getRowObjectsJS() as T[];
}
