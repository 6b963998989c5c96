/**
 * Runs the pipeline on the real raw/ folder and checks the outputs against their schemas, the data package
 * contract, determinism, and figures the press and the reference notes confirm.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBlank, readNumber } from '../pipeline/numbers.js';
import { columnIndex, TableFiles } from '../pipeline/read-grid.js';
import { runPipeline, type PipelineResult } from '../pipeline/run-pipeline.js';
import { validateAgainst } from '../pipeline/schemas.js';
import { REAL_RAW } from './helpers/raw-fixture.js';

interface Observation { index: string; year: number; unit_id: string; measure: string; value: number | null; rank: number | null; rank_of: number; rank_source: string; rank_change: number | null; change_note: string | null; group: string | null; raw_file: string; raw_sheet: string | null; raw_cell: string }

let out: string;
let result: PipelineResult;
let observations: Observation[];
const read = (file: string) => readFileSync(join(out, file));
const json = <T>(file: string) => JSON.parse(read(file).toString('utf8')) as T;
const find = (index: string, year: number, unit: string, measure: string) =>
  observations.find((o) => o.index === index && o.year === year && o.unit_id === unit && o.measure === measure);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'chiso-real-'));
  result = await runPipeline(REAL_RAW, out);
  observations = json<Observation[]>('observations.json');
}, 120_000);

describe('the datasets', () => {
  it.each(['observations', 'units', 'measures', 'editions', 'regional_averages', 'source_values', 'quality'])('%s.json meets its schema', (name) => {
    expect(validateAgainst(`datasets/${name}.schema.json`, json(`${name}.json`), `${name}.json`)).toEqual([]);
  });

  it('are described by datapackage.json with the right sizes, checksums and columns', () => {
    const pkg = json<{ resources: { name: string; path: string; bytes: number; hash: string; schema?: { fields: { name: string }[] } }[] }>('datapackage.json');
    const written = readdirSync(out).filter((f) => f !== 'datapackage.json' && f !== 'SHA256SUMS').sort();
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(written);
    for (const r of pkg.resources) {
      expect(r.bytes, r.path).toBe(read(r.path).length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(read(r.path)).digest('hex')}`);
      if (r.schema) expect(read(r.path).toString('utf8').split('\n')[0].split(','), r.path).toEqual(r.schema.fields.map((f) => f.name));
    }
  });

  it('are byte-identical when built again from the same input', async () => {
    const again = mkdtempSync(join(tmpdir(), 'chiso-real-'));
    await runPipeline(REAL_RAW, again);
    for (const file of readdirSync(out)) expect(readFileSync(join(again, file)).equals(read(file)), file).toBe(true);
  }, 120_000);

  it('trace every value back to its raw cell (a sample re-read from the raw files)', async () => {
    const withValue = observations.filter((o) => o.value !== null);
    const step = Math.max(1, Math.floor(withValue.length / 60));
    for (const o of withValue.filter((_, i) => i % step === 0)) {
      const grid = new TableFiles(join(REAL_RAW, '..')).grid(o.raw_file, o.raw_sheet ?? undefined);
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(o.raw_cell)!;
      const cell = grid.rows[Number(row) - 1][columnIndex(col)];
      expect(isBlank(cell), `${o.raw_file} ${o.raw_cell}`).toBe(false);
      const publication = JSON.parse(readFileSync(join(REAL_RAW, '..', o.raw_file.replace(/[^/]+$/, 'publication.json')), 'utf8'));
      const table = publication.tables.find((t: { file: string }) => o.raw_file.endsWith(`/${t.file}`));
      const n = readNumber(cell, table.decimal ?? '.');
      expect(n.ok && n.value, `${o.raw_file} ${o.raw_cell}`).toBe(o.value);
    }
  }, 120_000);
});

describe('figures confirmed by the press', () => {
  it('PAPI 2021: Phú Thọ 45,34 points, 6/63, up 32 places on 2020', () => {
    expect(find('papi', 2021, 'phu-tho', 'total')).toMatchObject({ rank: 6, rank_of: 63, rank_change: 32 });
    expect(find('papi', 2021, 'phu-tho', 'total')!.value).toBeCloseTo(45.34, 2);
  });

  it('PAPI 2020: Quảng Ninh 48.811, first (press S05, S07)', () => {
    expect(find('papi', 2020, 'quang-ninh', 'total')!.value).toBeCloseTo(48.811, 3);
    expect(find('papi', 2020, 'quang-ninh', 'total')!.rank).toBe(1);
  });

  it('PAPI quartile groups of 63 provinces are 16/16/15/16 (2020, S06)', () => {
    const groups = observations.filter((o) => o.index === 'papi' && o.year === 2020 && o.measure === 'total').map((o) => o.group);
    const count = (g: string) => groups.filter((x) => x === g).length;
    expect(['1-best', '2-high-average', '3-low-average', '4-poor'].map(count)).toEqual([16, 16, 15, 16]);
  });

  it('PCI 2020: Quảng Ninh 75.09 first; SIPAS 2019: Quảng Ninh 95.26 first', () => {
    expect(find('pci', 2020, 'quang-ninh', 'score')).toMatchObject({ value: 75.09, rank: 1 });
    expect(find('sipas', 2019, 'quang-ninh', 'score')).toMatchObject({ value: 95.26, rank: 1, rank_source: 'published' });
  });

  it('SIPAS 2022 changes are suppressed: the 2022 method is not comparable with 2021', () => {
    expect(find('sipas', 2022, 'quang-ninh', 'score')).toMatchObject({ rank_change: null, change_note: 'comparability-break' });
  });

  it('every edition from 2005 to 2024 is on the 63/64-province boundaries, none on the 34 units yet', () => {
    const editions = json<{ unit_set: string }[]>('editions.json');
    expect(editions.length).toBe(result.editions);
    expect(editions.every((e) => e.unit_set !== 'merged-34')).toBe(true);
  });
});
