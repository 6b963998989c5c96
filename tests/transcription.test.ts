/**
 * The transcription kit: the template of an edition lists every unit of its unit set, pre-filled with what chiso
 * holds; a full table typed from it is checked against every independent figure, and a contradiction of a press
 * figure stops the build at the cell of the transcribed table.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { InvalidInputError, type Problem } from '../pipeline/validate/problems.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { editionTemplate } from '../pipeline/template.js';
import { REAL_RAW } from './helpers/raw-fixture.js';

const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

/** A copy of the real raw/ where PAR INDEX 2023 gets a "full table" typed from the template; edit() changes its rows. */
async function transcribe(edit: (rows: Record<string, string>[]) => void) {
  const raw = mkdtempSync(join(tmpdir(), 'chiso-transcribe-'));
  cpSync(REAL_RAW, raw, { recursive: true });
  const dir = join(raw, 'par-index', '2023');
  const table = parse(await editionTemplate(raw, 'par-index', 2023));
  for (const row of table.data) row.source_id = 'REPORT';
  edit(table.data);
  const file = 'par-index-2023-report.csv';
  writeFileSync(join(dir, file), Papa.unparse(table.data, { columns: table.meta.fields, newline: '\n' }) + '\n');
  const publication = JSON.parse(readFileSync(join(dir, 'publication.json'), 'utf8'));
  publication.sources.push({
    id: 'REPORT',
    url: 'https://caicachhanhchinh.gov.vn/',
    title: 'Báo cáo Chỉ số CCHC năm 2023 (test transcription)',
    title_lang: 'vi',
    publisher: 'Bộ Nội vụ',
    kind: 'official',
  });
  // The press fragments become independent figures; the transcribed table holds the edition's values.
  for (const t of publication.tables) t.role = 'independent';
  publication.tables.unshift({
    file,
    unit_header: 'province',
    values: { score: 'score' },
    ranks: { score: 'rank' },
    rank_changes: { score: 'rank_change' },
    source_header: 'source_id',
  });
  publication.files.push({
    path: file,
    sha256: createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex'),
  });
  writeFileSync(join(dir, 'publication.json'), JSON.stringify(publication, null, 2));
  return { raw, file: `raw/par-index/2023/${file}`, rows: table.data };
}

describe('npm run template', () => {
  it('prints one row per unit of PAR INDEX 2023 in GSO code order, pre-filled with the figures chiso holds', async () => {
    const { data, meta } = parse(await editionTemplate(REAL_RAW, 'par-index', 2023));
    expect(data).toHaveLength(63);
    expect(data.map((r) => r.gso_code)).toEqual([...data.map((r) => r.gso_code)].sort());
    expect(meta.fields).toEqual(
      expect.arrayContaining(['province', 'score', 'rank', 'rank_change', 'source_id', 'prefilled_from']),
    );
    const haiPhong = data.find((r) => r.province === 'Hải Phòng')!;
    expect(haiPhong).toMatchObject({ score: '91.87', rank: '2' });
    expect(haiPhong.prefilled_from).not.toBe('');
  });
});

describe('a transcribed full table', () => {
  it('that keeps the press figures passes and reports how many independent figures it was checked against', async () => {
    const { raw } = await transcribe(() => {});
    const result = await runPipeline(raw, mkdtempSync(join(tmpdir(), 'chiso-out-')));
    const v = result.verification.find((x) => x.index === 'par-index' && x.year === 2023)!;
    expect(v.checked).toBeGreaterThan(20);
    expect(v.agree + v.declared).toBe(v.checked);
  });

  it('that contradicts a press figure stops the build with the file, row and column of the transcribed cell', async () => {
    let haiPhongRow = 0;
    const { raw, file } = await transcribe((rows) => {
      const i = rows.findIndex((r) => r.province === 'Hải Phòng');
      rows[i].score = '90.01';
      haiPhongRow = i + 2; // the header is row 1
    });
    const error = await runPipeline(raw, mkdtempSync(join(tmpdir(), 'chiso-out-'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const problem = (error as InvalidInputError).problems.find((p: Problem) =>
      p.message.includes('independent-figure-disagrees'),
    )!;
    expect(problem).toMatchObject({ file, row: haiPhongRow, column: 'C' });
    expect(problem.message).toContain('91.87');
  });
});
