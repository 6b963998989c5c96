import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../pipeline/validate/problems.js';
import { recordRelease } from '../pipeline/release/releases.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { addEdition, csv, makeRawFixture, publicationFor } from './helpers/raw-fixture.js';

const release = (version: string) => ({
  version,
  date: '2027-04-01',
  changes: [{ vi: `bản ${version}`, en: `release ${version}` }],
});
const edition = (year: number, score: number) => ({
  index: 'sipas',
  year,
  files: {
    'table.csv': csv(
      ['province', 'score'],
      [
        ['Quảng Ninh', score],
        ['Hà Nội', 80],
      ],
    ),
  },
});

/** A raw/ folder whose release 0.1.0 (SIPAS 2020) is already out. */
async function released(): Promise<string> {
  const raw = makeRawFixture([edition(2020, 95)]);
  writeFileSync(join(raw, 'release.json'), JSON.stringify(release('0.1.0')));
  writeFileSync(join(raw, 'corrections.json'), JSON.stringify({ corrections: [] }));
  const out = mkdtempSync(join(tmpdir(), 'chiso-release-'));
  await runPipeline(raw, out);
  await recordRelease(raw, out, release('0.1.0'));
  return raw;
}

async function build(raw: string) {
  const out = mkdtempSync(join(tmpdir(), 'chiso-release-'));
  await runPipeline(raw, out);
  return JSON.parse(readFileSync(join(out, 'changelog.json'), 'utf8'));
}

async function problems(raw: string): Promise<string[]> {
  try {
    await build(raw);
  } catch (error) {
    if (error instanceof InvalidInputError) return error.problems.map((p) => `${p.file}: ${p.message}`);
    throw error;
  }
  return [];
}

/** The declaration of correctQuangNinh's change (95 → 95.5) in release 0.1.1. */
const correction = {
  index: 'sipas',
  year: 2020,
  unit: 'quang-ninh',
  measure: 'score',
  field: 'value',
  from: 95,
  to: 95.5,
  reason: { vi: 'lỗi đánh máy trong bản phát hành đầu tiên', en: 'typing slip in the first release' },
  source: 'https://example.org/correction',
  release: '0.1.1',
};

function correctQuangNinh(raw: string, version: string, corrections: object[]) {
  addEdition(raw, {
    index: 'sipas',
    year: 2020,
    files: {
      'table.csv': csv(
        ['province', 'score'],
        [
          ['Quảng Ninh', 95.5],
          ['Hà Nội', 80],
        ],
      ),
    },
  });
  writeFileSync(join(raw, 'release.json'), JSON.stringify(release(version)));
  writeFileSync(join(raw, 'corrections.json'), JSON.stringify({ corrections }));
}

describe('data releases', () => {
  it('rebuild a recorded release unchanged, with its changelog entry', async () => {
    const changelog = await build(await released());
    expect(changelog).toEqual([
      expect.objectContaining({ version: '0.1.0', compared_with: null, added: 2, changed: 0, removed: 0 }),
    ]);
  });

  it('refuse to change a released figure under the same version', async () => {
    const raw = await released();
    correctQuangNinh(raw, '0.1.0', []);
    expect(await problems(raw)).toEqual([
      expect.stringMatching(
        /^raw\/releases\/0\.1\.0\.csv: release 0\.1\.0 is already out, and this build changes 1 of its figures \(e\.g\. sipas 2020 quang-ninh score value: 95(\.0)? → 95\.5\)/,
      ),
    ]);
  });

  it('refuse a silent correction, and accept a declared one', async () => {
    const raw = await released();
    correctQuangNinh(raw, '0.1.1', []);
    expect(await problems(raw)).toEqual([
      'raw/corrections.json: sipas 2020 quang-ninh score: the value changed from 95.0 to 95.5 since release 0.1.0, but no correction for release 0.1.1 declares it (with its reason and source)',
    ]);
    correctQuangNinh(raw, '0.1.1', [correction]);
    const changelog = await build(raw);
    expect(changelog[0]).toMatchObject({
      version: '0.1.1',
      compared_with: '0.1.0',
      added: 0,
      changed: 1,
      removed: 0,
      corrections: [correction],
    });
    expect(changelog[1]).toMatchObject({ version: '0.1.0' });
  });

  it('ask for a minor version when data is added', async () => {
    const raw = await released();
    addEdition(raw, edition(2021, 94));
    writeFileSync(join(raw, 'release.json'), JSON.stringify(release('0.1.1')));
    expect(await problems(raw)).toEqual([
      'raw/release.json: this build adds figures to release 0.1.0, so its version must be at least 0.2.0 (minor = new data), not 0.1.1',
    ]);
    writeFileSync(join(raw, 'release.json'), JSON.stringify(release('0.2.0')));
    expect((await build(raw))[0]).toMatchObject({ version: '0.2.0', added: 2 });
  });

  it('list a field added to a released figure under a new minor version, without asking for a correction', async () => {
    const raw = await released();
    addEdition(raw, {
      index: 'sipas',
      year: 2020,
      files: {
        'table.csv': csv(
          ['province', 'score', 'rank'],
          [
            ['Quảng Ninh', 95, 1],
            ['Hà Nội', 80, null],
          ],
        ),
      },
      publication: {
        ...publicationFor('sipas', 2020),
        tables: [
          {
            file: 'table.csv',
            unit_header: 'province',
            values: { score: 'score' },
            ranks: { score: 'rank' },
            source: 'S1',
          },
        ],
      },
    });
    writeFileSync(join(raw, 'release.json'), JSON.stringify(release('0.2.0')));
    const [latest] = await build(raw);
    expect(latest).toMatchObject({ version: '0.2.0', added: 0, changed: 0, removed: 0, corrections: [] });
    expect(latest.fields_added).toEqual([
      { index: 'sipas', year: 2020, unit_id: 'quang-ninh', measure: 'score', field: 'rank', value: '1' },
    ]);
  });

  it('accept a correction only where the figure really changed, in the release that carries it', async () => {
    const raw = await released();
    correctQuangNinh(raw, '0.1.1', [correction]);
    const out = mkdtempSync(join(tmpdir(), 'chiso-release-'));
    await runPipeline(raw, out);
    await recordRelease(raw, out, release('0.1.1'));
    // Rebuilt later, the recorded 0.1.1 still carries its correction, checked against 0.1.0.
    const changelog = await build(raw);
    expect(changelog.map((e: { version: string }) => e.version)).toEqual(['0.1.1', '0.1.0']);
    expect(changelog[0]).toMatchObject({ compared_with: '0.1.0', changed: 1, corrections: [correction] });
    // A correction filed under the recorded 0.1.1 for a figure that 0.1.1 did not change is refused.
    const bogus = { ...correction, unit: 'ha-noi', from: 80, to: 81 };
    writeFileSync(join(raw, 'corrections.json'), JSON.stringify({ corrections: [correction, bogus] }));
    expect(await problems(raw)).toEqual([
      expect.stringMatching(
        /^raw\/corrections\.json: the correction of sipas 2020 ha-noi score value \(80 → 81, release 0\.1\.1\) matches no change since release 0\.1\.0/,
      ),
    ]);
  });
});
