/** The per-edition download files (/files/editions/…): the edition's table for people (headers and labels in the
 * page's language, with a byte-order mark for Excel) and its rows of observations.csv for programs, both through
 * the project's one CSV writer. The endpoint serves them and the downloads page lists their sizes. */
import { toCsv, type CsvType } from '../../../pipeline/write/csv';
import { dataPackage, editionObservations, type Lang } from './data';
import { editionPeopleTable } from './edition-table';

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
