/**
 * Builds a small raw/ folder for a test: the real unit registry and index definitions, plus editions the test
 * describes (publication.json fields and CSV text). Checksums are filled in, as a maintainer would.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDEX_IDS } from '../../pipeline/read/index-definitions.js';

export const REAL_RAW = join(import.meta.dirname, '..', '..', 'raw');

export interface FixtureEdition {
  index: string;
  year: number;
  files: Record<string, string | Buffer>;
  publication?: Record<string, unknown>;
}

export function publicationFor(
  index: string,
  year: number,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    index,
    year,
    title: { vi: `Thử nghiệm ${index} ${year}`, en: `Test ${index} ${year}` },
    published: `${year + 1}-04`,
    publisher: 'Test publisher',
    unit_set: 'legacy-63',
    methodology: { vi: 'thử nghiệm', en: 'test' },
    scale: { vi: '0–100', en: '0–100' },
    sources: [
      { id: 'S1', url: 'https://example.org/source', title: 'Test source', title_lang: 'en', publisher: 'Test' },
    ],
    license: { vi: 'dữ liệu thử nghiệm', en: 'test data' },
    tables: [{ file: 'table.csv', unit_header: 'province', values: { score: 'score' }, source: 'S1' }],
    ...extra,
  };
}

export function makeRawFixture(editions: FixtureEdition[]): string {
  const raw = mkdtempSync(join(tmpdir(), 'chiso-raw-'));
  cpSync(join(REAL_RAW, 'units'), join(raw, 'units'), { recursive: true });
  cpSync(join(REAL_RAW, 'release.json'), join(raw, 'release.json'));
  cpSync(join(REAL_RAW, 'corrections.json'), join(raw, 'corrections.json'));
  for (const index of INDEX_IDS) {
    mkdirSync(join(raw, index));
    cpSync(join(REAL_RAW, index, 'index.json'), join(raw, index, 'index.json'));
  }
  for (const e of editions) addEdition(raw, e);
  return raw;
}

export function addEdition(raw: string, e: FixtureEdition): void {
  const dir = join(raw, e.index, String(e.year));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(e.files)) writeFileSync(join(dir, name), content);
  const files = Object.entries(e.files).map(([path, content]) => ({
    path,
    sha256: createHash('sha256').update(content).digest('hex'),
  }));
  writeFileSync(
    join(dir, 'publication.json'),
    JSON.stringify({ ...(e.publication ?? publicationFor(e.index, e.year)), files }, null, 2),
  );
}

/** The 63 legacy province names as printed in the registry, in registry order. */
export const PROVINCES: string[] = (() => {
  const text = readFileSync(join(REAL_RAW, 'units', 'provinces-63.csv'), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[1]);
})();

export function csv(header: string[], rows: (string | number | null)[][]): string {
  return (
    [header.join(','), ...rows.map((r) => r.map((c) => (c === null ? '' : String(c))).join(','))].join('\n') + '\n'
  );
}
