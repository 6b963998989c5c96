/** The per-edition download files (/files/editions/…): exactly the table of each edition page, and the edition's
 * rows of observations.csv. The endpoint serves them and the downloads page lists their sizes. */
import { dataPackage, editionObservations } from './data';
import { toCsv } from './csv';
import { ranking } from './ranking';

export function tableCsv(index: string, year: number): string {
  const { rows, components } = ranking(index, year);
  const header = ['rank', 'rank_of', 'rank_source', 'rank_change', 'unit_id', 'unit_name_vi', 'unit_name_en', 'region', 'value', 'value_change', 'previous_year', 'change_note', 'group', 'group_source', 'status', ...components.map((m) => m.measure)];
  return toCsv(header, rows.map((r) => {
    const o = r.headline;
    return [o.rank, o.rank_of, o.rank_source, o.rank_change, o.unit_id, o.unit_name_vi, o.unit_name_en, r.regionId, o.value, o.value_change, o.previous_year, o.change_note, o.group, o.group_source, o.status, ...components.map((m) => r.components.get(m.measure) ?? null)];
  }));
}

export function observationsCsv(index: string, year: number): string {
  const fields = dataPackage.resources.find((r) => r.name === 'observations')!.schema!.fields.map((f) => f.name);
  return toCsv(fields, editionObservations(index, year).map((o) => fields.map((f) => (o as unknown as Record<string, string | number | null>)[f] ?? null)));
}
