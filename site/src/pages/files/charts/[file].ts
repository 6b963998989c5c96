// Every chart as a standalone SVG and as CSV: /files/charts/<id>.<lang>.svg|csv
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts } from '../../../lib/charts/catalogue';
import { chartCsv, renderChart, type ChartSpec } from '../../../lib/charts/spec';

export const getStaticPaths: GetStaticPaths = () =>
  allCharts().flatMap((spec) => [
    { params: { file: `${spec.id}.${spec.lang}.svg` }, props: { spec, ext: 'svg' } },
    { params: { file: `${spec.id}.${spec.lang}.csv` }, props: { spec, ext: 'csv' } },
  ]);

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ChartSpec; ext: 'svg' | 'csv' };
  return ext === 'svg'
    ? new Response(renderChart(spec).standalone, { headers: { 'Content-Type': 'image/svg+xml' } })
    : new Response(chartCsv(spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
