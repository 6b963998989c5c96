// Exactly the table of each edition page, and the edition's rows of observations.csv:
//   /files/editions/<index>-<year>.csv and /files/editions/<index>-<year>-observations.csv
import type { APIRoute, GetStaticPaths } from 'astro';
import { editions } from '../../../lib/data';
import { observationsCsv, tableCsv } from '../../../lib/edition-files';

export const getStaticPaths: GetStaticPaths = () =>
  editions.flatMap((e) => [
    { params: { file: `${e.index}-${e.year}.csv` }, props: { index: e.index, year: e.year, kind: 'table' } },
    { params: { file: `${e.index}-${e.year}-observations.csv` }, props: { index: e.index, year: e.year, kind: 'observations' } },
  ]);

export const GET: APIRoute = ({ props }) => {
  const { index, year, kind } = props as { index: string; year: number; kind: 'table' | 'observations' };
  const body = kind === 'table' ? tableCsv(index, year) : observationsCsv(index, year);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
