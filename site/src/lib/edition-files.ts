/** The per-edition download files (/files/editions/…): the edition's table for people (headers and labels in the
 * page's language, with a byte-order mark for Excel; as CSV and as a workbook) and its rows of observations.csv for
 * programs, through the project's one CSV writer. site/scripts/download-files.ts writes them beside the Astro build,
 * and hands over their sizes, which the downloads page lists (edition-file-sizes.ts). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toCsv, type CsvType } from '../../../pipeline/write/csv';
import { dataPackage, editionObservations, editions, type Lang } from './data';
import { editionPeopleTable } from './edition-table';
import { editionWorkbookBytes } from './edition-workbook';
import { files, LANGS } from './routes';

export function tableCsv(index: string, year: number, lang: Lang): string {
  const table = editionPeopleTable(index, year, lang);
  const columns = table.columns.map((c) => ({
    name: c.label,
    type: (c.kind === 'number' ? 'double' : c.kind) as CsvType,
  }));
  return toCsv(
    columns,
    table.rows.map((r) => table.columns.map((c) => r[c.key])),
    { bom: true },
  );
}

const FIELD_TYPES: Record<string, CsvType> = { number: 'double', integer: 'integer', boolean: 'boolean' };

export function observationsCsv(index: string, year: number): string {
  const fields = dataPackage.resources.find((r) => r.name === 'observations')!.schema!.fields;
  const columns = fields.map((f) => ({ name: f.name, type: FIELD_TYPES[f.type] ?? 'text' }));
  return toCsv(
    columns,
    editionObservations(index, year).map((o) =>
      fields.map((f) => (o as unknown as Record<string, string | number | null>)[f.name] ?? null),
    ),
  );
}

/** Writes every edition's files into `siteDir` (the site's output folder); returns each file's address and size. */
export async function writeEditionFiles(siteDir: string): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  const write = (address: string, content: string | Uint8Array) => {
    const path = join(siteDir, address);
    if (!Object.keys(sizes).length) mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    sizes[address] = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  };
  for (const { index, year } of editions) {
    for (const lang of LANGS) {
      write(files.editionTable(index, year, lang), tableCsv(index, year, lang));
      write(files.editionWorkbook(index, year, lang), await editionWorkbookBytes(index, year, lang));
    }
    write(files.editionObservations(index, year), observationsCsv(index, year));
  }
  return sizes;
}
