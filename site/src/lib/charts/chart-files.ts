/**
 * Every chart as files, outside Astro: the framed standalone SVG (title, subtitle, legend, source and credit) at its
 * own size and at 16:9, and its numbers as CSV, named as routes.ts `files.chart` links them; and every drawing the
 * pages show (both layouts), for the pages to use. site/integrations/chart-files.mjs runs this in a process of its
 * own while Astro bundles the site, so that the two share the machine's cores.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { files } from '../routes';
import { allCharts } from './catalogue';
import { chartFrameText } from './credits';
import { frameChart } from './export-frame';
import { chartCsv, drawnCharts, renderChart } from './spec';

/** Writes the files into `siteDir` (the site's output folder), and the drawings as JSON into `drawingsFile`; returns
 * how many files. */
export function writeChartFiles(siteDir: string, drawingsFile: string): number {
  let count = 0;
  const write = (path: string, text: string) => {
    writeFileSync(join(siteDir, path), text);
    count++;
  };
  for (const spec of allCharts()) {
    if (count === 0) mkdirSync(join(siteDir, files.chart(spec.id, spec.lang, 'csv'), '..'), { recursive: true });
    const drawing = renderChart(spec);
    const frame = chartFrameText(spec);
    write(files.chart(spec.id, spec.lang, 'svg'), frameChart(drawing, frame, 'natural'));
    write(files.chart(spec.id, spec.lang, '16x9.svg'), frameChart(drawing, frame, '16:9'));
    write(files.chart(spec.id, spec.lang, 'csv'), chartCsv(spec));
    renderChart(spec, 'narrow');
  }
  writeFileSync(drawingsFile, JSON.stringify(drawnCharts()));
  return count;
}
