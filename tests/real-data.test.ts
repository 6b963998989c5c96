/**
 * Runs the pipeline on the real raw/ folder and checks the outputs against their schemas, the data package
 * contract, determinism, and figures the press and the reference notes confirm.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isBlank, readNumber } from '../pipeline/read/cells.js';
import { columnIndex, TableFiles } from '../pipeline/read/grid.js';
import { runPipeline, type PipelineResult } from '../pipeline/run-pipeline.js';
import { validateAgainst } from '../pipeline/validate/schemas.js';
import { changelogDefinition, readTableDefinitions } from '../pipeline/write/codebook.js';
import { REAL_RAW } from './helpers/raw-fixture.js';

interface Observation {
  index: string;
  year: number;
  unit_id: string;
  measure: string;
  value: number | null;
  rank: number | null;
  rank_of: number;
  rank_source: string;
  rank_change: number | null;
  change_note: string | null;
  group: string | null;
  raw_file: string;
  raw_sheet: string | null;
  raw_cell: string;
}

let out: string;
let result: PipelineResult;
let observations: Observation[];
const read = (file: string) => readFileSync(join(out, file));
/** Every file under a folder (the boundaries are in geo/), relative to it. */
const filesIn = (dir: string) =>
  (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
const json = <T>(file: string) => JSON.parse(read(file).toString('utf8')) as T;
const find = (index: string, year: number, unit: string, measure: string) =>
  observations.find((o) => o.index === index && o.year === year && o.unit_id === unit && o.measure === measure);

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'chiso-real-'));
  result = await runPipeline(REAL_RAW, out);
  observations = json<Observation[]>('observations.json');
});

describe('the datasets', () => {
  it.each([...readTableDefinitions(), changelogDefinition()].map((t) => t.name))('%s.json meets its schema', (name) => {
    expect(validateAgainst(`datasets/${name}.schema.json`, json(`${name}.json`), `${name}.json`)).toEqual([]);
  });

  it('are described by datapackage.json with the right sizes, checksums and columns', () => {
    const pkg = json<{
      resources: { name: string; path: string; bytes: number; hash: string; schema?: { fields: { name: string }[] } }[];
    }>('datapackage.json');
    const written = filesIn(out)
      .filter((f) => f !== 'datapackage.json' && f !== 'SHA256SUMS')
      .sort();
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(written);
    for (const r of pkg.resources) {
      expect(r.bytes, r.path).toBe(read(r.path).length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(read(r.path)).digest('hex')}`);
      if (r.schema)
        expect(read(r.path).toString('utf8').split('\n')[0].split(','), r.path).toEqual(
          r.schema.fields.map((f) => f.name),
        );
    }
  });

  it('are byte-identical when built again from the same input', async () => {
    const again = mkdtempSync(join(tmpdir(), 'chiso-real-'));
    await runPipeline(REAL_RAW, again);
    for (const file of filesIn(out)) expect(readFileSync(join(again, file)).equals(read(file)), file).toBe(true);
  });

  it('trace every value back to its raw cell (a sample re-read from the raw files)', async () => {
    const withValue = observations.filter((o) => o.value !== null);
    const step = Math.max(1, Math.floor(withValue.length / 60));
    for (const o of withValue.filter((_, i) => i % step === 0)) {
      const grid = new TableFiles(join(REAL_RAW, '..')).grid(o.raw_file, o.raw_sheet ?? undefined);
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(o.raw_cell)!;
      const cell = grid.rows[Number(row) - 1][columnIndex(col)];
      expect(isBlank(cell), `${o.raw_file} ${o.raw_cell}`).toBe(false);
      const publication = JSON.parse(
        readFileSync(join(REAL_RAW, '..', o.raw_file.replace(/[^/]+$/, 'publication.json')), 'utf8'),
      );
      const table = publication.tables.find((t: { file: string }) => o.raw_file.endsWith(`/${t.file}`));
      const n = readNumber(cell, table.decimal ?? '.');
      expect(n.ok && n.value, `${o.raw_file} ${o.raw_cell}`).toBe(o.value);
    }
  });
});

describe('published rank changes', () => {
  interface EditionRow {
    index: string;
    year: number;
    unit_set: string;
    universe_size: number;
    headline_complete: boolean;
  }

  it('never compare places among different units (universe size or members, units not scored, unit set)', () => {
    const editions = json<EditionRow[]>('editions.json');
    const edition = (index: string, year: number) => editions.find((e) => e.index === index && e.year === year)!;
    const notScored = (index: string, year: number, measure: string) =>
      observations
        .filter(
          (o) =>
            o.index === index &&
            o.year === year &&
            o.measure === measure &&
            (o as { status?: string }).status === 'not-scored',
        )
        .map((o) => o.unit_id)
        .sort()
        .join(',');
    const units = (index: string, year: number, measure: string) =>
      observations
        .filter((o) => o.index === index && o.year === year && o.measure === measure)
        .map((o) => o.unit_id)
        .sort()
        .join(',');
    const checked = new Set<string>();
    const changes = observations.filter((o) => o.rank_change !== null);
    expect(changes.length).toBeGreaterThan(0);
    for (const o of changes) {
      const previous = (o as { previous_year?: number }).previous_year!;
      const key = `${o.index} ${previous}→${o.year} ${o.measure}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const [a, b] = [edition(o.index, previous), edition(o.index, o.year)];
      expect(a.unit_set, key).toBe(b.unit_set);
      expect(a.universe_size, key).toBe(b.universe_size);
      expect(notScored(o.index, previous, o.measure), key).toBe(notScored(o.index, o.year, o.measure));
      if (a.headline_complete && b.headline_complete)
        expect(units(o.index, previous, o.measure), key).toBe(units(o.index, o.year, o.measure));
    }
  });

  it('PCI 2005 (42 provinces) to 2006 (64): no rank change, the value change kept', () => {
    expect(find('pci', 2006, 'ha-noi', 'score')).toMatchObject({
      rank_change: null,
      change_note: 'ranked-units-differ',
    });
    expect((find('pci', 2006, 'ha-noi', 'score') as { value_change?: number }).value_change).not.toBeNull();
  });
});

describe('figures confirmed by the press', () => {
  it('PAPI 2021: Phú Thọ 45,34 points, 6/63; the press\'s "up 32 places" is not published as a rank change', () => {
    expect(find('papi', 2021, 'phu-tho', 'total')).toMatchObject({ rank: 6, rank_of: 63 });
    expect(find('papi', 2021, 'phu-tho', 'total')!.value).toBeCloseTo(45.34, 2);
    // The press compares a place among the 60 provinces scored in 2021 with one among the 63 of 2020.
    expect(find('papi', 2020, 'phu-tho', 'total')!.rank! - 6).toBe(32);
    expect(find('papi', 2021, 'phu-tho', 'total')).toMatchObject({
      rank_change: null,
      change_note: 'ranked-units-differ',
    });
  });

  it('PAPI 2020: Quảng Ninh 48.811, first (press S05, S07)', () => {
    expect(find('papi', 2020, 'quang-ninh', 'total')!.value).toBeCloseTo(48.811, 3);
    expect(find('papi', 2020, 'quang-ninh', 'total')!.rank).toBe(1);
  });

  it('PAPI quartile groups of 63 provinces are 16/16/15/16 (2020, S06)', () => {
    const groups = observations
      .filter((o) => o.index === 'papi' && o.year === 2020 && o.measure === 'total')
      .map((o) => o.group);
    const count = (g: string) => groups.filter((x) => x === g).length;
    expect(['1-best', '2-high-average', '3-low-average', '4-poor'].map(count)).toEqual([16, 16, 15, 16]);
  });

  it('PCI 2020: Quảng Ninh 75.09 first; SIPAS 2019: Quảng Ninh 95.26 first', () => {
    expect(find('pci', 2020, 'quang-ninh', 'score')).toMatchObject({ value: 75.09, rank: 1 });
    expect(find('sipas', 2019, 'quang-ninh', 'score')).toMatchObject({
      value: 95.26,
      rank: 1,
      rank_source: 'published',
    });
  });

  it('SIPAS 2022 changes are suppressed: the 2022 method is not comparable with 2021', () => {
    expect(find('sipas', 2022, 'quang-ninh', 'score')).toMatchObject({
      rank_change: null,
      change_note: 'comparability-break',
    });
  });

  it('every edition from 2005 to 2024 is on the 63/64-province boundaries, none on the 34 units yet', () => {
    const editions = json<{ unit_set: string }[]>('editions.json');
    expect(editions.length).toBe(result.editions);
    expect(editions.every((e) => e.unit_set !== 'merged-34')).toBe(true);
  });
});

describe('round-2 figures, other sources and checks', () => {
  interface SourceValue {
    index: string;
    year: number;
    unit_id: string | null;
    measure: string;
    field: string;
    value: number | null;
    source_kind: string | null;
    chiso_value: number | null;
    agrees: boolean | null;
    declared: string | null;
    declared_vi: string | null;
  }
  interface QualityRow {
    check: string;
    severity: string;
    index: string;
    year: number;
    unit_id: string | null;
    message: string;
    message_vi: string | null;
    units_checked: number | null;
    units_failed: number | null;
  }
  interface Average {
    index: string;
    year: number;
    measure: string;
    area_id: string;
    published_value: number | null;
    published_source_id: string | null;
    mean_value: number | null;
  }
  const scored = (index: string) =>
    observations.filter((o) => o.index === index && o.measure === 'score' && o.value !== null).length;
  const obs = () =>
    observations as (Observation & { published_rank_change: number | null; source_kind: string | null })[];

  it('hold at least 115 PAR INDEX and 60 SIPAS province-year scores, every one with the kind of its source', () => {
    expect(scored('par-index')).toBeGreaterThanOrEqual(115);
    expect(scored('sipas')).toBeGreaterThanOrEqual(60);
    for (const o of obs().filter((x) => x.value !== null))
      expect(o.source_kind, `${o.index} ${o.year} ${o.unit_id}`).toMatch(/^(official|press|secondary|provincial)$/);
  });

  it('keep a secondary compilation marked secondary, and a press figure ahead of it (PAR 2012 Đà Nẵng 87.14 over 87.12)', () => {
    const values = json<SourceValue[]>('source_values.json');
    const daNang = values.find(
      (v) =>
        v.index === 'par-index' &&
        v.year === 2012 &&
        v.unit_id === 'da-nang' &&
        v.field === 'value' &&
        v.measure === 'score',
    )!;
    expect(daNang).toMatchObject({ value: 87.12, source_kind: 'secondary', chiso_value: 87.14, agrees: false });
    expect(daNang.declared).toBeTruthy();
    expect(find('par-index', 2012, 'da-nang', 'score')?.value).toBe(87.14);
  });

  it('show each recorded disagreement in source_values and as a source-disagreement warning in quality', () => {
    const values = json<SourceValue[]>('source_values.json');
    const quality = json<QualityRow[]>('quality.json');
    const cases: [string, number, string, string][] = [
      ['papi', 2024, 'quang-ninh', 'participation'],
      ['par-index', 2012, 'dong-thap', 'score'],
      ['par-index', 2012, 'ha-noi', 'score'],
      ['par-index', 2023, 'hai-phong', 'score'],
      ['par-index', 2023, 'long-an', 'score'],
    ];
    for (const [index, year, unit, measure] of cases) {
      expect(
        values.some(
          (v) =>
            v.index === index && v.year === year && v.unit_id === unit && v.measure === measure && v.agrees === false,
        ),
        `${index} ${year} ${unit}`,
      ).toBe(true);
      expect(
        quality.some(
          (q) =>
            q.check === 'source-disagreement' &&
            q.severity === 'warning' &&
            q.index === index &&
            q.year === year &&
            q.unit_id === unit,
        ),
        `${index} ${year} ${unit}`,
      ).toBe(true);
    }
  });

  it('say every published finding in Vietnamese too, with Vietnamese numbers (45,34)', () => {
    const quality = json<QualityRow[]>('quality.json');
    const published = quality.filter((q) => q.severity !== 'error');
    expect(published.filter((q) => q.severity === 'warning').length).toBeGreaterThan(10);
    expect(published.filter((q) => !q.message_vi).map((q) => `${q.check} ${q.index} ${q.year} ${q.unit_id}`)).toEqual(
      [],
    );
    // Paths of raw files aside, no number with a decimal point.
    const pointNumbers = published.filter((q) => /\d\.\d/.test(q.message_vi!.replace(/raw\/\S+/g, '')));
    expect(pointNumbers.map((q) => q.message_vi)).toEqual([]);
    // A declared disagreement gives its reason in both languages.
    const values = json<SourceValue[]>('source_values.json');
    expect(values.filter((v) => v.declared).length).toBeGreaterThan(10);
    expect(values.filter((v) => !v.declared !== !v.declared_vi)).toEqual([]);
    const pciTie = published.find((q) => q.check === 'published-rank-vs-computed' && q.unit_id === 'ha-giang');
    expect(pciTie?.message_vi).toBe(
      'bản công bố in hạng 41 nhưng điểm số cho hạng 40 (bằng điểm 57,62 với 1 đơn vị khác; nhà công bố có thể phân định bằng nhiều chữ số thập phân hơn)',
    );
  });

  it('keep Điện Biên’s own PCI 2024 rank 32 as a provincial report, not as a VCCI rank', () => {
    const values = json<SourceValue[]>('source_values.json');
    expect(
      values.find((v) => v.index === 'pci' && v.year === 2024 && v.unit_id === 'dien-bien' && v.field === 'rank'),
    ).toMatchObject({ value: 32, source_kind: 'provincial' });
    expect(find('pci', 2024, 'dien-bien', 'score')).toBeUndefined();
  });

  it('publish at least 20 printed rank changes, which agree with both ranks wherever chiso holds them', () => {
    const printed = obs().filter((o) => o.published_rank_change !== null);
    expect(printed.length).toBeGreaterThanOrEqual(20);
    const quality = json<QualityRow[]>('quality.json');
    const warned = new Set(
      quality
        .filter((q) => q.check === 'published-rank-change-vs-ranks')
        .map((q) => `${q.index} ${q.year} ${q.unit_id}`),
    );
    const both = printed.filter((o) => o.rank_change !== null);
    expect(both.length).toBeGreaterThan(0);
    for (const o of both)
      expect(o.published_rank_change === o.rank_change, `${o.index} ${o.year} ${o.unit_id}`).toBe(
        !warned.has(`${o.index} ${o.year} ${o.unit_id}`),
      );
  });

  it('put at least 10 published averages with their source beside chiso’s own (PAPI 2024 national 41.43 flagged against the provinces’ mean)', () => {
    const averages = json<Average[]>('regional_averages.json');
    const published = averages.filter((a) => a.published_value !== null);
    expect(published.length).toBeGreaterThanOrEqual(10);
    for (const a of published) expect(a.published_source_id).toBeTruthy();
    const papi = averages.find(
      (a) => a.index === 'papi' && a.year === 2024 && a.measure === 'total' && a.area_id === 'national',
    )!;
    expect(papi.published_value).toBe(41.43);
    expect(Math.abs(papi.mean_value! - 41.43)).toBeGreaterThan(1);
    expect(
      json<QualityRow[]>('quality.json').some(
        (q) => q.check === 'published-average-vs-computed' && q.index === 'papi' && q.year === 2024,
      ),
    ).toBe(true);
  });

  it('group PAPI by the rule that reproduces every printed group count (61 scored in 2023: 15 in the top group)', () => {
    const count = (year: number, group: string) =>
      observations.filter((o) => o.index === 'papi' && o.year === year && o.measure === 'total' && o.group === group)
        .length;
    expect(count(2023, '1-best')).toBe(15);
    expect(
      [1, 2, 3, 4].map((g) => count(2020, ['1-best', '2-high-average', '3-low-average', '4-poor'][g - 1])),
    ).toEqual([16, 16, 15, 16]);
    const quality = json<QualityRow[]>('quality.json');
    expect(quality.filter((q) => q.check === 'published-group-count')).toEqual([]);
    expect(
      quality.some(
        (q) => q.check === 'independent-figures' && q.index === 'papi' && q.year === 2023 && q.units_failed === 0,
      ),
    ).toBe(true);
  });

  it('apply the 2018 PAR INDEX bands (A ≥ 80): Quảng Ninh 89.06 is in group A', () => {
    expect(find('par-index', 2018, 'quang-ninh', 'score')).toMatchObject({ value: 89.06, group: 'A' });
    expect(find('par-index', 2012, 'da-nang', 'score')?.group).toBeNull();
  });

  it('suppress every PCI change across the PCI 2.0 break of 2025', async () => {
    const definition = JSON.parse(readFileSync(join(REAL_RAW, 'pci', 'index.json'), 'utf8')) as {
      breaks: { year: number; suppress_changes: boolean }[];
    };
    expect(definition.breaks.find((b) => b.year === 2025)?.suppress_changes).toBe(true);
  });
});
