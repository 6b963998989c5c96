/**
 * Loads what the readers produce into DuckDB, as read: the "read_*" tables. The unit registry, the index
 * definitions and each edition's publication.json go in as the validated JSON documents (one row each); the
 * observations and other sources' figures as one row per (unit, measure) read from the tables, streamed to a staging
 * file edition by edition as they are read, so that they are never all held in memory. pipeline/sql/1_staging/
 * shapes these tables into the stg_* tables the SQL steps use.
 */
import { StagingFile, type Columns, type ColumnType, type ConnectionPool } from './duckdb.js';
import type { Edition, RawObservation, SourceValue } from '../read/edition.js';
import type { RawData } from '../read/editions.js';

const OBSERVATION_COLUMNS = {
  index: 'VARCHAR',
  year: 'INTEGER',
  unit_id: 'VARCHAR',
  measure: 'VARCHAR',
  value: 'DOUBLE',
  published_rank: 'INTEGER',
  published_group: 'VARCHAR',
  status: 'VARCHAR',
  status_note_vi: 'VARCHAR',
  status_note_en: 'VARCHAR',
  source_id: 'VARCHAR',
  raw_file: 'VARCHAR',
  raw_sheet: 'VARCHAR',
  raw_cell: 'VARCHAR',
  raw_rank_cell: 'VARCHAR',
  published_rank_change: 'INTEGER',
  raw_change_cell: 'VARCHAR',
} satisfies Record<keyof RawObservation, ColumnType>;

const SOURCE_VALUE_COLUMNS = {
  index: 'VARCHAR',
  year: 'INTEGER',
  unit_id: 'VARCHAR',
  measure: 'VARCHAR',
  field: 'VARCHAR',
  value: 'DOUBLE',
  label: 'VARCHAR',
  tolerance: 'DOUBLE',
  source_id: 'VARCHAR',
  declared: 'VARCHAR',
  declared_vi: 'VARCHAR',
  raw_file: 'VARCHAR',
  raw_cell: 'VARCHAR',
} satisfies Record<keyof SourceValue, ColumnType>;

export class Staging {
  private readonly observations = new StagingFile('read_observations', OBSERVATION_COLUMNS);
  private readonly sourceValues = new StagingFile('read_source_values', SOURCE_VALUE_COLUMNS);

  /** Rows of observations staged so far. */
  get rows(): number {
    return this.observations.rows;
  }

  /** Takes an edition's rows as soon as it is read; the edition keeps its metadata only. */
  add(edition: Edition): void {
    for (const o of edition.observations) this.observations.append(o as unknown as Record<string, never>);
    for (const v of edition.sourceValues) this.sourceValues.append(v as unknown as Record<string, never>);
    edition.observations = [];
    edition.sourceValues = [];
  }

  /** Lets the staged rows go (the input had problems). */
  discard(): void {
    this.observations.discard();
    this.sourceValues.discard();
  }

  /**
   * Creates the read_* tables, each on the first of the pool's connections free: the promise of each table, by name,
   * for the SQL models that read it.
   */
  load(pool: ConnectionPool, { registry, definitions, editions }: RawData): Record<string, Promise<void>> {
    const json = (table: string, columns: Columns, rows: () => Record<string, unknown>[]) =>
      pool.run((db) => {
        const file = new StagingFile(table, columns);
        for (const row of rows()) file.append(row as Record<string, never>);
        return file.load(db);
      });
    return {
      read_observations: pool.run((db) => this.observations.load(db)),
      read_source_values: pool.run((db) => this.sourceValues.load(db)),
      read_units: json('read_units', { unit: 'JSON' }, () =>
        registry.units.map((unit) => ({ unit: JSON.stringify(unit) })),
      ),
      read_indices: json('read_indices', { index: 'VARCHAR', definition: 'JSON' }, () =>
        [...definitions.values()].map((d) => ({ index: d.id, definition: JSON.stringify(d) })),
      ),
      read_editions: json(
        'read_editions',
        { index: 'VARCHAR', year: 'INTEGER', folder: 'VARCHAR', universe: 'JSON', publication: 'JSON' },
        () =>
          editions.map(({ publication: p, folder, universe }) => ({
            index: p.index,
            year: p.year,
            folder,
            universe: JSON.stringify(universe),
            publication: JSON.stringify(p),
          })),
      ),
    };
  }
}
