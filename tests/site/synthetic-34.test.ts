// The path of the first editions on the 34 units of 1 July 2025 (PAPI, SIPAS, PAR INDEX 2025), which no real data
// has run yet: a copy of raw/ plus a clearly synthetic PAR INDEX 2025 edition on merged-34, made here in a temporary
// folder (never in raw/, never published), through the pipeline and the site build, then the pages are checked.
// One extra site build, of a reduced raw/ (see below), so shorter than `npm run build`.
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { INDEX_IDS } from '../../pipeline/read/index-definitions.js';
import { addEdition, csv, publicationFor } from '../helpers/raw-fixture.js';
import { buildSite } from '../../scripts/build-site.js';
import { runProcess, runScript } from '../helpers/run-process.js';
import { ROOT } from './site-paths.js';

interface Unit {
  unit_id: string;
  era: string;
  name_vi: string;
  name_en: string;
}
interface Observation {
  index: string;
  year: number;
  unit_id: string;
  unit_set: string;
  measure: string;
  value: number | null;
  rank: number | null;
  rank_of: number | null;
  rank_change: number | null;
  value_change: number | null;
  change_note: string | null;
}

const YEAR = 2025;
let work: string;
let data: string;
let site: string;
let merged: Unit[];
const page = (path: string) => parseHTML(readFileSync(join(site, path, 'index.html'), 'utf8')).document;

describe('a synthetic 34-unit edition through the pipeline and the site', () => {
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'chiso-synthetic-34-'));
    const raw = join(work, 'raw');
    // A smaller site than the real one keeps the extra build short: the newest edition of each index (PAR INDEX
    // 2024 is the 63-province edition no change may be computed against); without the recorded releases (and so
    // without the corrections of released figures), nothing to compare with.
    cpSync(join(ROOT, 'raw'), raw, { recursive: true });
    rmSync(join(raw, 'releases'), { recursive: true });
    const corrections = JSON.parse(readFileSync(join(raw, 'corrections.json'), 'utf8'));
    writeFileSync(join(raw, 'corrections.json'), JSON.stringify({ ...corrections, corrections: [] }, null, 2));
    for (const index of INDEX_IDS) {
      const years = readdirSync(join(raw, index))
        .filter((y) => /^\d{4}$/.test(y))
        .sort();
      for (const year of years.slice(0, -1)) rmSync(join(raw, index, year), { recursive: true });
    }
    merged = (JSON.parse(readFileSync(join(ROOT, 'dist', 'data', 'units.json'), 'utf8')) as Unit[]).filter(
      (u) => u.era === 'merged',
    );
    expect(merged).toHaveLength(34);
    // Scores 60.5, 61.5, … in registry order: plainly made up, every unit scored once.
    const rows = merged.map((u, i) => [u.name_vi, 60.5 + i]);
    addEdition(raw, {
      index: 'par-index',
      year: YEAR,
      files: { 'table.csv': csv(['province', 'score'], rows) },
      publication: publicationFor('par-index', YEAR, {
        title: {
          vi: 'DỮ LIỆU GIẢ để kiểm thử (không phải số liệu thật)',
          en: 'SYNTHETIC test data (not real figures)',
        },
        published: `${YEAR + 1}-04-01`,
        publisher: 'chiso test suite (synthetic)',
        unit_set: 'merged-34',
        // The 34 names are also names of old provinces: the date says which units the table means.
        units_as_of: `${YEAR}-07-01`,
        complete_measures: ['score'],
        sources: [
          {
            id: 'S1',
            url: 'https://example.invalid/synthetic',
            title: 'Synthetic test data',
            title_lang: 'en',
            publisher: 'chiso tests',
          },
        ],
        license: { vi: 'dữ liệu giả', en: 'synthetic data' },
      }),
    });
    const release = JSON.parse(readFileSync(join(raw, 'release.json'), 'utf8'));
    writeFileSync(join(raw, 'release.json'), JSON.stringify({ ...release, version: '99.0.0' }, null, 2));
    data = join(work, 'data');
    site = join(work, 'site');
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
    // In a process of its own, as npm run pipeline: this worker only waits (work that keeps a worker from answering
    // Vitest for a minute fails the run).
    const pipeline = await runScript('pipeline.ts', ['--raw', raw, '--out', data]);
    expect(pipeline.status, pipeline.stderr).toBe(0);
    // The site reads raw/ too (release, index definitions, sources): the copy's, with the repository's
    // node_modules (and its image cache) beside it.
    await buildSite({ data, out: site, env: { CHISO_REPO_ROOT: work } });
  }, 900_000);

  // By rm in a process of its own: deleting a whole site can take a minute on some disks, and neither this worker
  // nor the thread pool it shares with Vitest (fs/promises) may be kept that long from answering Vitest.
  afterAll(async () => {
    if (work) await runProcess('rm', ['-rf', work]);
  });

  it('never writes into raw/ or dist/', () => {
    expect(existsSync(join(ROOT, 'raw', 'par-index', String(YEAR)))).toBe(false);
    expect(readFileSync(join(ROOT, 'dist', 'data', 'editions.csv'), 'utf8')).not.toContain('merged-34');
  });

  it('ranks the edition out of 34 and computes no change against the 63-province editions', () => {
    const rows = (JSON.parse(readFileSync(join(data, 'observations.json'), 'utf8')) as Observation[]).filter(
      (o) => o.index === 'par-index' && o.year === YEAR,
    );
    expect(rows).toHaveLength(34);
    expect(new Set(rows.map((o) => o.rank_of))).toEqual(new Set([34]));
    expect(rows.map((o) => o.rank).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
    expect(rows.filter((o) => o.rank_change !== null || o.value_change !== null)).toEqual([]);
    expect(rows.every((o) => o.change_note)).toBe(true);
  });

  it('shows the edition page with a ranking x/34 and a map on the 34-unit boundaries', () => {
    const doc = page(`chi-so/par-index/${YEAR}`);
    expect(doc.querySelectorAll('.ranking-table tbody tr')).toHaveLength(34);
    const top = merged.at(-1)!; // the highest made-up score
    expect(doc.querySelector('.ranking-table tbody tr th')?.textContent?.trim()).toBe(top.name_vi);
    const map = doc.querySelector(`#par-index-${YEAR}-map svg`)!;
    expect(map.querySelectorAll('path[fill]:not([fill="none"])').length).toBeGreaterThanOrEqual(34);
    expect(doc.querySelector(`#par-index-${YEAR}-map`)?.textContent).toContain('34 tỉnh, thành phố');
    expect(page(`en/indices/par-index/${YEAR}`).querySelectorAll('.ranking-table tbody tr')).toHaveLength(34);
  });

  it("gives each 2025 unit its own result on its page, not only its former provinces'", () => {
    const top = merged.at(-1)!;
    const latest = page(`tinh/${top.unit_id}`).querySelector('#latest-h')!.parentElement!.textContent!;
    expect(latest).toContain(`1/34`);
    const english = page(`en/provinces/${top.unit_id}`).querySelector('#latest-h')!.parentElement!.textContent!;
    expect(english).toContain(`1/34`);
  });
});
