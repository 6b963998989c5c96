// Every chart as a framed standalone SVG (title, subtitle, legend, source and credit), at its own size and at
// 16:9, and its numbers as CSV: /files/charts/<id>.<lang>.svg, <id>.<lang>.16x9.svg, <id>.<lang>.csv
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCharts } from '../../../lib/charts/catalogue';
import { chartFrameText } from '../../../lib/charts/credits';
import { frameChart } from '../../../lib/charts/export-frame';
import { chartCsv, renderChart, type ChartSpec } from '../../../lib/charts/spec';

type Ext = 'svg' | '16x9.svg' | 'csv';
export const getStaticPaths: GetStaticPaths = () =>
  allCharts().flatMap((spec) =>
    (['svg', '16x9.svg', 'csv'] as Ext[]).map((ext) => ({
      params: { file: `${spec.id}.${spec.lang}.${ext}` },
      props: { spec, ext },
    })),
  );

export const GET: APIRoute = ({ props }) => {
  const { spec, ext } = props as { spec: ChartSpec; ext: Ext };
  if (ext === 'csv') return new Response(chartCsv(spec), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  const svg = frameChart(renderChart(spec), chartFrameText(spec), ext === 'svg' ? 'natural' : '16:9');
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
