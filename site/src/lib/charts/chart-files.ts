/**
 * Every chart as files, outside Astro: the framed standalone SVG (title, subtitle, legend, source and credit) at its
 * own size and at 16:9, and its numbers as CSV, named as routes.ts `files.chart` links them; and every drawing the
 * pages show (both layouts), handed over to the pages as they are drawn. site/scripts/download-files.ts runs this in
 * a process of its own while Astro bundles the site, so that the two share the machine's cores.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { files } from '../routes';
import { allCharts } from './catalogue';
import { chartFrameText } from './credits';
import { frameChart } from './export-frame';
import { chartCsv, drawnCharts, renderChart } from './spec';

/** Charts per handover: small enough that the first pages start soon, large enough that handing over costs little. */
const BATCH = 100;

/** Draws every chart in both layouts, in the order of allCharts, and hands the drawings over in batches: each batch
 * is written as JSON into a file of its own in `folder`, and `handOver` is told its name. Returns how many charts. */
export function drawAllCharts(folder: string, handOver: (file: string) => void): number {
  const charts = allCharts();
  let handed = 0;
  for (let i = 0; i < charts.length; i += BATCH) {
    for (const spec of charts.slice(i, i + BATCH)) {
      renderChart(spec);
      renderChart(spec, 'narrow');
    }
    const drawn = drawnCharts();
    const file = join(folder, `drawings-${String(i / BATCH).padStart(3, '0')}.json`);
    writeFileSync(file, JSON.stringify(drawn.slice(handed)));
    handed = drawn.length;
    handOver(file);
  }
  return charts.length;
}

/** Writes the files into `siteDir` (the site's output folder); returns how many. */
export function writeChartFiles(siteDir: string): number {
  let count = 0;
  const write = (path: string, text: string) => {
    writeFileSync(join(siteDir, path), text);
    count++;
  };
  for (const spec of allCharts()) {
    if (count === 0) mkdirSync(dirname(join(siteDir, files.chart(spec.id, spec.lang, 'csv'))), { recursive: true });
    const drawing = renderChart(spec);
    const frame = chartFrameText(spec);
    write(files.chart(spec.id, spec.lang, 'svg'), frameChart(drawing, frame, 'natural'));
    write(files.chart(spec.id, spec.lang, '16x9.svg'), frameChart(drawing, frame, '16:9'));
    write(files.chart(spec.id, spec.lang, 'csv'), chartCsv(spec));
  }
  return count;
}
