// Exactly the table of each edition page, and the edition's rows of observations.csv:
//   /files/editions/<index>-<year>.csv and /files/editions/<index>-<year>-observations.csv
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataPackage, editionObservations, editions } from '../../../lib/data';
import { toCsv } from '../../../lib/csv';
import { ranking } from '../../../lib/ranking';

export const getStaticPaths: GetStaticPaths = () =>
  editions.flatMap((e) => [
    { params: { file: `${e.index}-${e.year}.csv` }, props: { index: e.index, year: e.year, kind: 'table' } },
    { params: { file: `${e.index}-${e.year}-observations.csv` }, props: { index: e.index, year: e.year, kind: 'observations' } },
  ]);

function tableCsv(index: string, year: number): string {
  const { rows, components } = ranking(index, year);
  const header = ['rank', 'rank_of', 'rank_source', 'rank_change', 'unit_id', 'unit_name_vi', 'unit_name_en', 'region', 'value', 'value_change', 'previous_year', 'change_note', 'group', 'group_source', 'status', ...components.map((m) => m.measure)];
  return toCsv(header, rows.map((r) => {
    const o = r.headline;
    return [o.rank, o.rank_of, o.rank_source, o.rank_change, o.unit_id, o.unit_name_vi, o.unit_name_en, r.regionId, o.value, o.value_change, o.previous_year, o.change_note, o.group, o.group_source, o.status, ...components.map((m) => r.components.get(m.measure) ?? null)];
  }));
}

function observationsCsv(index: string, year: number): string {
  const fields = dataPackage.resources.find((r) => r.name === 'observations')!.schema!.fields.map((f) => f.name);
  return toCsv(fields, editionObservations(index, year).map((o) => fields.map((f) => (o as unknown as Record<string, string | number | null>)[f] ?? null)));
}

export const GET: APIRoute = ({ props }) => {
  const { index, year, kind } = props as { index: string; year: number; kind: 'table' | 'observations' };
  const body = kind === 'table' ? tableCsv(index, year) : observationsCsv(index, year);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
