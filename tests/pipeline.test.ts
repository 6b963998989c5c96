import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../pipeline/validate/problems.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { csv, makeRawFixture, PROVINCES, publicationFor } from './helpers/raw-fixture.js';

interface Row {
  unit_id: string;
  year: number;
  measure: string;
  value: number | null;
  rank: number | null;
  rank_of: number;
  rank_source: string | null;
  units_scored: number;
  rank_change: number | null;
  value_change: number | null;
  change_note: string | null;
  group: string | null;
  status: string;
  status_note_vi: string | null;
  status_note_en: string | null;
}

async function run(raw: string) {
  const out = mkdtempSync(join(tmpdir(), 'chiso-out-'));
  const result = await runPipeline(raw, out);
  const observations = JSON.parse(readFileSync(join(out, 'observations.json'), 'utf8')) as Row[];
  return {
    result,
    out,
    observations,
    row: (year: number, unit: string, measure = 'score') =>
      observations.find((o) => o.year === year && o.unit_id === unit && o.measure === measure),
  };
}

async function problemsOf(raw: string): Promise<string[]> {
  try {
    await runPipeline(raw, mkdtempSync(join(tmpdir(), 'chiso-out-')));
  } catch (error) {
    if (error instanceof InvalidInputError)
      return error.problems.map((p) => `${p.file}|${p.row ?? ''}|${p.column ?? ''}|${p.message}`);
    throw error;
  }
  return [];
}

/** A complete SIPAS-like edition: every province scored 90 − position/10 unless overridden; ranks as given. */
function completeEdition(
  year: number,
  overrides: Record<string, number | null> = {},
  extra: Record<string, unknown> = {},
  ranks?: Record<string, number>,
) {
  const values = PROVINCES.map((name, i) => [
    name,
    name in overrides ? overrides[name] : Math.round((90 - i / 10) * 100) / 100,
  ]);
  const table = ranks
    ? { file: 'table.csv', unit_header: 'province', values: { score: 'score' }, ranks: { score: 'rank' }, source: 'S1' }
    : { file: 'table.csv', unit_header: 'province', values: { score: 'score' }, source: 'S1' };
  return {
    index: 'sipas',
    year,
    files: {
      'table.csv': ranks
        ? csv(
            ['province', 'score', 'rank'],
            values.map(([n, v]) => [n, v, ranks[n as string] ?? null]),
          )
        : csv(['province', 'score'], values),
    },
    publication: publicationFor('sipas', year, { complete_measures: ['score'], tables: [table], ...extra }),
  };
}

describe('ranking a complete edition', () => {
  it('uses standard competition ranking with ties, out of the whole universe', async () => {
    const edition = completeEdition(2020, { 'Hà Giang': 95, 'Cao Bằng': 95 });
    const { row } = await run(makeRawFixture([edition]));
    expect([row(2020, 'ha-giang')!.rank, row(2020, 'cao-bang')!.rank, row(2020, 'ha-noi')!.rank]).toEqual([1, 1, 3]);
    expect(row(2020, 'ha-noi')).toMatchObject({ rank_of: 63, rank_source: 'computed', units_scored: 63 });
  });

  it('leaves units that were not scored unranked but keeps the denominator at 63', async () => {
    const edition = completeEdition(
      2020,
      { 'Bắc Giang': null, 'Đồng Tháp': null },
      {
        not_scored: [
          { unit: 'Bắc Giang', reason: { vi: 'không có dữ liệu trong tệp', en: 'no data in the workbook' } },
          { unit: 'Đồng Tháp', reason: { vi: 'không có dữ liệu trong tệp', en: 'no data in the workbook' } },
        ],
      },
    );
    const { row } = await run(makeRawFixture([edition]));
    expect(row(2020, 'bac-giang')).toMatchObject({
      value: null,
      rank: null,
      status: 'not-scored',
      status_note_vi: 'không có dữ liệu trong tệp',
      status_note_en: 'no data in the workbook',
    });
    expect(row(2020, 'ha-noi')).toMatchObject({ rank: 1, rank_of: 63, units_scored: 61 });
  });

  it('writes a text that a spreadsheet would run as a formula with an apostrophe first in the CSV, and only that', async () => {
    const edition = completeEdition(
      2020,
      { 'Bắc Giang': null },
      {
        not_scored: [
          { unit: 'Bắc Giang', reason: { vi: '=HYPERLINK("https://example.org")', en: '@SUM(A1) no data' } },
        ],
      },
    );
    const { out, row } = await run(makeRawFixture([edition]));
    expect(row(2020, 'bac-giang')).toMatchObject({ status_note_vi: '=HYPERLINK("https://example.org")' });
    const rows = Papa.parse<Record<string, string>>(readFileSync(join(out, 'observations.csv'), 'utf8').trim(), {
      header: true,
    }).data;
    expect(rows.find((r) => r.unit_id === 'bac-giang')).toMatchObject({
      status_note_vi: '\'=HYPERLINK("https://example.org")',
      status_note_en: "'@SUM(A1) no data",
      value: '',
    });
    expect(rows.find((r) => r.unit_id === 'ha-noi')).toMatchObject({
      unit_name_vi: 'Hà Nội',
      status_note_vi: '',
    });
  });

  it('keeps a published rank that breaks a tie, never overwritten, and reports it', async () => {
    const edition = completeEdition(2020, { 'Hà Giang': 95, 'Cao Bằng': 95 }, {}, { 'Hà Giang': 2, 'Cao Bằng': 1 });
    const { row, result } = await run(makeRawFixture([edition]));
    expect(row(2020, 'ha-giang')).toMatchObject({ rank: 2, rank_source: 'published' });
    expect(result.warnings.map((w) => [w.check, w.severity, w.unit_id])).toContainEqual([
      'published-rank-vs-computed',
      'warning',
      'ha-giang',
    ]);
  });

  it('stops on a published rank that its score cannot have', async () => {
    const edition = completeEdition(2020, {}, {}, { 'Hà Nội': 5 });
    expect(await problemsOf(makeRawFixture([edition]))).toEqual([
      expect.stringMatching(
        /^raw\/sipas\/2020\/table\.csv\|2\|C\|ha-noi 2020 score: the publication prints rank 5 but the scores give rank 1 \[published-rank-vs-computed\]/,
      ),
    ]);
  });
});

describe('fragmentary editions', () => {
  it('publish what was printed and compute no rank from fragments', async () => {
    const fragment = {
      index: 'sipas',
      year: 2019,
      files: {
        'table.csv': csv(
          ['province', 'score', 'rank'],
          [
            ['Quảng Ninh', 95.26, 1],
            ['Bình Dương', 88.02, null],
            ['Bình Thuận', null, 63],
          ],
        ),
      },
      publication: publicationFor('sipas', 2019, {
        tables: [
          {
            file: 'table.csv',
            unit_header: 'province',
            values: { score: 'score' },
            ranks: { score: 'rank' },
            source: 'S1',
          },
        ],
      }),
    };
    const { row, observations } = await run(makeRawFixture([fragment]));
    expect(observations).toHaveLength(3);
    expect(row(2019, 'quang-ninh')).toMatchObject({ rank: 1, rank_of: 63, rank_source: 'published' });
    expect(row(2019, 'binh-duong')).toMatchObject({ value: 88.02, rank: null, rank_source: null });
    expect(row(2019, 'binh-thuan')).toMatchObject({ value: null, rank: 63 });
  });
});

describe('rank and score changes', () => {
  it('are computed against the previous edition and suppressed across a comparability break', async () => {
    const raw = makeRawFixture([
      completeEdition(2020),
      completeEdition(2021, { 'Cà Mau': 99 }),
      completeEdition(2022, { 'Cà Mau': 50 }),
    ]);
    const { row } = await run(raw);
    expect(row(2020, 'ca-mau')).toMatchObject({ rank_change: null, change_note: 'first-edition' });
    expect(row(2021, 'ca-mau')).toMatchObject({ rank: 1, rank_change: 62, change_note: null });
    expect(row(2021, 'ha-noi')).toMatchObject({ rank: 2, rank_change: -1, value_change: 0 });
    expect(row(2022, 'ca-mau')).toMatchObject({
      rank_change: null,
      value_change: null,
      change_note: 'comparability-break',
    });
  });

  it('give no rank change, with the reason, between editions that rank different units (a unit not scored)', async () => {
    const caMauNotScored = { not_scored: [{ unit: 'Cà Mau', reason: { vi: 'không khảo sát', en: 'not surveyed' } }] };
    const raw = makeRawFixture([
      completeEdition(2018),
      completeEdition(2019, { 'Cà Mau': null }, caMauNotScored),
      completeEdition(2020, { 'Cà Mau': null }, caMauNotScored),
      completeEdition(2021),
    ]);
    const { row } = await run(raw);
    expect(row(2019, 'ha-noi')).toMatchObject({
      rank_change: null,
      value_change: 0,
      change_note: 'ranked-units-differ',
    });
    expect(row(2019, 'ca-mau')).toMatchObject({ rank_change: null, value_change: null, change_note: 'not-scored' });
    // The same units ranked in 2019 and 2020: the change is published.
    expect(row(2020, 'ha-noi')).toMatchObject({ rank_change: 0, change_note: null });
    expect(row(2021, 'ca-mau')).toMatchObject({
      rank_change: null,
      value_change: null,
      change_note: 'not-scored-in-previous-edition',
    });
    expect(row(2021, 'ha-noi')).toMatchObject({
      rank_change: null,
      value_change: 0,
      change_note: 'ranked-units-differ',
    });
  });

  it('give no rank change between a listed universe and a full one, whatever the unit-set label', async () => {
    const listed = {
      index: 'sipas',
      year: 2019,
      files: {
        'table.csv': csv(
          ['province', 'score'],
          [
            ['Hà Nội', 70],
            ['Cà Mau', 60],
            ['Đà Nẵng', 80],
          ],
        ),
      },
      publication: publicationFor('sipas', 2019, { universe: 'listed', complete_measures: ['score'] }),
    };
    const { row } = await run(makeRawFixture([listed, completeEdition(2020)]));
    expect(row(2019, 'ha-noi')).toMatchObject({ rank: 2, rank_of: 3 });
    expect(row(2020, 'ha-noi')).toMatchObject({ rank_change: null, change_note: 'ranked-units-differ' });
    expect(row(2020, 'ha-noi')!.value_change).not.toBeNull();
  });

  it('publish -0 as 0', async () => {
    const edition = (year: number) => ({
      index: 'sipas',
      year,
      files: { 'table.csv': 'province,score\nHà Nội,-0\nCà Mau,-0.0\n' },
    });
    const { out, row } = await run(makeRawFixture([edition(2020), edition(2021)]));
    expect(Object.is(row(2021, 'ha-noi')!.value, 0)).toBe(true);
    expect(Object.is(row(2021, 'ha-noi')!.value_change, 0)).toBe(true);
    expect(readFileSync(join(out, 'observations.csv'), 'utf8')).not.toMatch(/,-0(\.0)?,/);
  });

  it('are suppressed across a change of unit set', async () => {
    const pci2008 = {
      index: 'pci',
      year: 2008,
      files: {
        'table.csv': csv(
          ['province', 'score'],
          [
            ['Hà Tây', 55],
            ['Hà Nội', 60],
          ],
        ),
      },
      publication: publicationFor('pci', 2008, { unit_set: 'legacy-64' }),
    };
    const pci2009 = {
      index: 'pci',
      year: 2009,
      files: { 'table.csv': csv(['province', 'score'], [['Hà Nội', 61]]) },
      publication: publicationFor('pci', 2009),
    };
    const { row } = await run(makeRawFixture([pci2008, pci2009]));
    expect(row(2009, 'ha-noi')).toMatchObject({ value_change: null, change_note: 'unit-set-change' });
  });
});

describe('reading tables', () => {
  it("record a rank read from another file than the value with that file's name, in either order", async () => {
    for (const ranksFirst of [false, true]) {
      const values = { file: 'table.csv', unit_header: 'province', values: { score: 'score' }, source: 'S1' };
      const ranks = { file: 'ranks.csv', unit_header: 'province', values: {}, ranks: { score: 'rank' }, source: 'S1' };
      const edition = {
        index: 'sipas',
        year: 2020,
        files: {
          'table.csv': csv(['province', 'score'], [['Hà Nội', 80]]),
          'ranks.csv': csv(
            ['province', 'rank'],
            [
              ['Cà Mau', 1],
              ['Hà Nội', 7],
            ],
          ),
        },
        publication: publicationFor('sipas', 2020, { tables: ranksFirst ? [ranks, values] : [values, ranks] }),
      };
      const { observations } = await run(makeRawFixture([edition]));
      const hanoi = observations.find((o) => o.unit_id === 'ha-noi') as unknown as Record<string, string>;
      expect(hanoi, `ranks first: ${ranksFirst}`).toMatchObject({
        raw_file: 'raw/sipas/2020/table.csv',
        raw_cell: 'B2',
        raw_rank_cell: 'ranks.csv!B3',
      });
    }
  });

  it('reads sorted column pairs: a province column beside each measure, headers repeated', async () => {
    const table = csv(
      ['Tỉnh', 'Điểm', 'Tỉnh', 'Xếp hạng'],
      [
        ['Hà Nội', 70, 'Cà Mau', 1],
        ['Cà Mau', 80, 'Hà Nội', 2],
      ],
    );
    const edition = {
      index: 'pci',
      year: 2012,
      files: { 'table.csv': table },
      publication: publicationFor('pci', 2012, {
        tables: [
          {
            file: 'table.csv',
            unit_header: 'Tỉnh',
            unit_column: 'A',
            values: { score: { column: 'B', header: 'Điểm' } },
            source: 'S1',
          },
          {
            file: 'table.csv',
            unit_header: 'Tỉnh',
            unit_column: 'C',
            values: {},
            ranks: { score: { column: 'D', header: 'Xếp hạng' } },
            source: 'S1',
          },
        ],
      }),
    };
    const { row } = await run(makeRawFixture([edition]));
    expect(row(2012, 'ca-mau')).toMatchObject({ value: 80, rank: 1, rank_source: 'published' });
    expect(row(2012, 'ha-noi')).toMatchObject({ value: 70, rank: 2 });
  });

  it('checks the header printed above a pinned column', async () => {
    const edition = {
      index: 'pci',
      year: 2012,
      files: { 'table.csv': csv(['Tỉnh', 'Điểm'], [['Hà Nội', 70]]) },
      publication: publicationFor('pci', 2012, {
        tables: [
          {
            file: 'table.csv',
            unit_header: 'Tỉnh',
            unit_column: 'A',
            values: { score: { column: 'B', header: 'Xếp hạng' } },
            source: 'S1',
          },
        ],
      }),
    };
    expect(await problemsOf(makeRawFixture([edition]))).toEqual([
      expect.stringMatching(/table\.csv\|1\|B\|expected the header "Xếp hạng", found "Điểm"/),
    ]);
  });
});

describe('groups', () => {
  it('put PAR INDEX scores into the A/B/C/D bands', async () => {
    const par = {
      index: 'par-index',
      year: 2021,
      files: {
        'table.csv': csv(
          ['province', 'score'],
          [
            ['Hải Phòng', 90],
            ['Hà Nội', 89.99],
            ['Cà Mau', 70],
            ['Bắc Kạn', 69.99],
          ],
        ),
      },
      publication: publicationFor('par-index', 2021),
    };
    const { row } = await run(makeRawFixture([par]));
    expect(['hai-phong', 'ha-noi', 'ca-mau', 'bac-kan'].map((u) => row(2021, u)!.group)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('invalid input', () => {
  const fragment = (rows: (string | number | null)[][], extra: Record<string, unknown> = {}) => ({
    index: 'sipas',
    year: 2020,
    files: { 'table.csv': csv(['province', 'score'], rows) },
    publication: publicationFor('sipas', 2020, extra),
  });

  it('names the file, row and column of an unknown province and the closest names', async () => {
    const problems = await problemsOf(
      makeRawFixture([
        fragment([
          ['Quảng Ninh', 90],
          ['Quang Ngia', 80],
        ]),
      ]),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /^raw\/sipas\/2020\/table\.csv\|3\|A\|unknown province name "Quang Ngia".*closest known: Quảng Ngãi/,
      ),
    ]);
  });

  it('refuses a decimal comma in a dot table, a score outside the scale and a duplicated province', async () => {
    const problems = await problemsOf(
      makeRawFixture([
        fragment([
          ['Quảng Ninh', '"90,5"'],
          ['Hà Nội', 101],
          ['Hanoi', 80],
        ]),
      ]),
    );
    expect(problems).toEqual([
      expect.stringMatching(/table\.csv\|2\|B\|expected a number with '\.' as decimal mark, found "90,5"/),
      expect.stringMatching(/table\.csv\|3\|B\|101 is outside the scale of "score" in 2020 \(0 to 100\)/),
      expect.stringMatching(
        /table\.csv\|4\|A\|Hà Nội appears twice in this table \("Hanoi" here, first at row 3 column A\)/,
      ),
    ]);
  });

  it('refuses a measure that does not exist in that year', async () => {
    const edition = {
      index: 'pci',
      year: 2010,
      files: { 'table.csv': csv(['province', 'score', 'eq'], [['Hà Nội', 60, 5]]) },
      publication: publicationFor('pci', 2010, {
        tables: [
          {
            file: 'table.csv',
            unit_header: 'province',
            values: { score: 'score', equal_competition: 'eq' },
            source: 'S1',
          },
        ],
      }),
    };
    expect(await problemsOf(makeRawFixture([edition]))).toEqual([
      expect.stringMatching(/"equal_competition" does not exist in 2010 \(it exists in 2013–\)/),
    ]);
  });

  it('checks a claim of completeness', async () => {
    const problems = await problemsOf(
      makeRawFixture([fragment([['Quảng Ninh', 90]], { complete_measures: ['score'] })]),
    );
    expect(problems).toEqual([expect.stringMatching(/claims "score" for every unit, but 62 unit\(s\) have no value/)]);
  });

  it('stops on a PAPI total that is not the sum of its dimensions', async () => {
    const dims = [
      'participation',
      'transparency',
      'accountability',
      'corruption_control',
      'procedures',
      'service_delivery',
      'environment',
      'e_governance',
    ];
    const papi = {
      index: 'papi',
      year: 2020,
      files: { 'table.csv': csv(['province', 'total', ...dims], [['Hà Nội', 41, 5, 5, 5, 5, 5, 5, 5, 5]]) },
      publication: publicationFor('papi', 2020, {
        tables: [
          {
            file: 'table.csv',
            unit_header: 'province',
            values: Object.fromEntries(['total', ...dims].map((d) => [d, d])),
            source: 'S1',
          },
        ],
      }),
    };
    expect(await problemsOf(makeRawFixture([papi]))).toEqual([
      expect.stringMatching(
        /^raw\/papi\/2020\/table\.csv\|2\|B\|ha-noi 2020 total: total is 41(\.0)? but its 8 parts add up to 40(\.0)? \(tolerance 0.0002\)/,
      ),
    ]);
  });

  it('refuses a year folder that disagrees with publication.json, and an unlisted file', async () => {
    const raw = makeRawFixture([fragment([['Quảng Ninh', 90]])]);
    const { writeFileSync, renameSync } = await import('node:fs');
    renameSync(join(raw, 'sipas', '2020'), join(raw, 'sipas', '2021'));
    writeFileSync(join(raw, 'sipas', '2021', 'notes.txt'), 'stray');
    const problems = await problemsOf(raw);
    expect(problems).toContainEqual(
      expect.stringMatching(/raw\/sipas\/2021\/publication\.json\|\|\|"year" is 2020 but the folder is 2021\//),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/raw\/sipas\/2021\/notes\.txt\|\|\|is not listed in publication\.json "files"/),
    );
  });
});
