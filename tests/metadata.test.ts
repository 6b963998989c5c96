/**
 * Metadata rules beyond the schemas: which unit sets an edition's year allows, names that only a unit set can
 * resolve, real dates, public source URLs, duplicate JSON keys, and edition folders that leave raw/.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInFuture, isRealDate, privateUrlProblem } from '../pipeline/validate/metadata.js';
import { InvalidInputError } from '../pipeline/validate/problems.js';
import { loadRegistry, unitSetsValidIn } from '../pipeline/read/registry.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { firstDuplicateKey } from '../pipeline/validate/schemas.js';
import { csv, makeRawFixture, publicationFor, REAL_RAW } from './helpers/raw-fixture.js';

const registry = loadRegistry(join(REAL_RAW, 'units'));

async function unitsOf(extra: Record<string, unknown>, names: string[]): Promise<string[]> {
  const raw = makeRawFixture([
    {
      index: 'sipas',
      year: 2025,
      files: {
        'table.csv': csv(
          ['province', 'score'],
          names.map((n) => [n, 80]),
        ),
      },
      publication: publicationFor('sipas', 2025, extra),
    },
  ]);
  const out = mkdtempSync(join(tmpdir(), 'chiso-out-'));
  await runPipeline(raw, out);
  return (JSON.parse(readFileSync(join(out, 'observations.json'), 'utf8')) as { unit_id: string }[])
    .map((o) => o.unit_id)
    .sort();
}

describe('unit sets and the year an edition measures', () => {
  it('allow the sets that existed in the results year: two in the years of change (2008, 2025)', () => {
    expect(unitSetsValidIn(registry, 2007)).toEqual(['legacy-64']);
    expect(unitSetsValidIn(registry, 2008)).toEqual(['legacy-64', 'legacy-63']);
    expect(unitSetsValidIn(registry, 2024)).toEqual(['legacy-63']);
    expect(unitSetsValidIn(registry, 2025)).toEqual(['legacy-63', 'merged-34']);
    expect(unitSetsValidIn(registry, 2026)).toEqual(['merged-34']);
    expect(unitSetsValidIn(registry, 2025, '2025-06-30')).toEqual(['legacy-63']);
    expect(unitSetsValidIn(registry, 2025, '2025-07-01')).toEqual(['merged-34']);
  });

  it('resolve a name shared by both 2025 sets by the declared set, legacy-63 once a name or units_as_of confirms it', async () => {
    expect(await unitsOf({}, ['Hà Giang', 'Tuyên Quang'])).toEqual(['ha-giang', 'tuyen-quang']);
    expect(await unitsOf({ units_as_of: '2025-06-01' }, ['Huế', 'Tuyên Quang'])).toEqual([
      'thua-thien-hue',
      'tuyen-quang',
    ]);
    expect(await unitsOf({ unit_set: 'merged-34', units_as_of: '2025-12-31' }, ['Huế', 'Tuyên Quang'])).toEqual([
      'hue-2025',
      'tuyen-quang-2025',
    ]);
    // The later set is never kept from a copied publication.json: declared, it needs no confirmation.
    expect(await unitsOf({ unit_set: 'merged-34' }, ['Huế', 'Tuyên Quang'])).toEqual(['hue-2025', 'tuyen-quang-2025']);
  });
});

async function problemsOf(raw: string): Promise<string[]> {
  try {
    await runPipeline(raw, mkdtempSync(join(tmpdir(), 'chiso-out-')));
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return error.problems.map((p) => `${p.file}: ${p.message}`);
  }
  return [];
}

describe('symbolic links', () => {
  it('refuse an edition folder, a registry file, an index.json or release.json that leaves raw/', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'chiso-outside-'));
    for (const path of ['sipas/2020', 'units/aliases.csv', 'sipas/index.json', 'release.json']) {
      const raw = makeRawFixture([]);
      const target = join(outside, path.replaceAll('/', '-'));
      if (path === 'sipas/2020') mkdirSync(target);
      else cpSync(join(raw, path), target);
      rmSync(join(raw, path), { recursive: true, force: true });
      symlinkSync(target, join(raw, path));
      expect(await problemsOf(raw), path).toContainEqual(
        expect.stringMatching(
          new RegExp(
            `^raw/${path}: is a symbolic link to .*chiso-outside-.*, outside raw/: copy the file into raw/ instead$`,
          ),
        ),
      );
    }
    rmSync(outside, { recursive: true });
  });

  it('accept a link that stays inside raw/', async () => {
    const raw = makeRawFixture([
      { index: 'sipas', year: 2020, files: { 'table.csv': csv(['province', 'score'], [['Hà Nội', 80]]) } },
    ]);
    cpSync(join(raw, 'sipas', 'index.json'), join(raw, 'sipas-index.json'));
    rmSync(join(raw, 'sipas', 'index.json'));
    symlinkSync(join(raw, 'sipas-index.json'), join(raw, 'sipas', 'index.json'));
    expect(await problemsOf(raw)).toEqual([]);
  });
});

describe('dates, URLs and JSON keys', () => {
  it('accept only dates that exist', () => {
    expect(['2024', '2024-02', '2024-02-29', '2025-12-31'].every(isRealDate)).toBe(true);
    expect(['2025-02-29', '2026-13-45', '2026-00', '2026-04-31', '26-01-01', '2026-1-1'].some(isRealDate)).toBe(false);
  });

  it('compare a date with the build day at its own precision', () => {
    expect(isInFuture('2026-12', '2026-12-01')).toBe(false);
    expect(isInFuture('2027', '2026-12-31')).toBe(true);
    expect(isInFuture('2026-12-02', '2026-12-01')).toBe(true);
  });

  it('accept public URLs and refuse private, loopback and local ones', () => {
    for (const url of [
      'https://papi.org.vn/bao-cao/',
      'http://172.32.0.1/x',
      'https://vcci.com.vn/pci?year=2024',
      'http://100.128.0.1/',
    ])
      expect(privateUrlProblem(url), url).toBeUndefined();
    for (const url of [
      'http://localhost/',
      'http://a.localhost/',
      'http://127.1/',
      'http://0x7f000001/',
      'http://172.16.0.1/',
      'http://[fd00::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://printer.local/',
      'http://100.64.0.1/',
    ]) {
      expect(privateUrlProblem(url), url).toMatch(/private, loopback or local address/);
    }
  });

  it('find a key repeated in one object, not keys repeated across objects or inside strings', () => {
    expect(firstDuplicateKey('{"a": {"k": 1}, "b": {"k": "{\\"k\\": 2}"}}')).toBeUndefined();
    expect(firstDuplicateKey('[{"k": 1}, {"k": 2, "j": 3}]')).toBeUndefined();
    expect(firstDuplicateKey('{\n "t": [{"k": 1},\n {"k": 2,\n "k": 3}]\n}')).toEqual({
      key: 'k',
      path: '"t[1]"',
      line: 4,
      firstLine: 3,
    });
  });
});

describe('sources', () => {
  it('accept each form a source takes, and publish it as written: a title in its language, a description, a publisher in two languages, an estimated date', async () => {
    const sources = [
      {
        id: 'S1',
        url: 'https://example.org/a',
        title: 'Bảng xếp hạng',
        title_lang: 'vi',
        publisher: 'Báo Thử',
        date: '2021-05-04',
      },
      {
        id: 'S2',
        url: 'https://example.org/b',
        description: { vi: 'Trang chuyên mục của một tờ báo', en: "A newspaper's section page" },
        publisher: { vi: 'Báo Thử (đăng lại bài của TTXVN)', en: 'Báo Thử (repost of VNA)' },
        date: '2021-05',
        date_approximate: true,
      },
    ];
    const raw = makeRawFixture([
      {
        index: 'sipas',
        year: 2020,
        files: { 'table.csv': csv(['province', 'score'], [['Hà Nội', 80]]) },
        publication: publicationFor('sipas', 2020, { sources }),
      },
    ]);
    const out = mkdtempSync(join(tmpdir(), 'chiso-out-'));
    await runPipeline(raw, out);
    const published = JSON.parse(readFileSync(join(out, 'sources.json'), 'utf8')) as Record<string, unknown>[];
    expect(published.map(({ index: _index, year: _year, ...s }) => s)).toEqual(sources);
  });
});
