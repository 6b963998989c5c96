#!/usr/bin/env tsx
// Writes, into the folder --out, the site's files that are not pages, from the datasets in CHISO_DATA_DIR, and
// hands over what the pages need from them, each as soon as it is ready (a line on stdout names it):
//   drawings-NNN.json         every chart's drawings in both layouts, in batches (src/lib/charts/chart-files.ts)
//   edition-file-sizes.json   the size of each edition file, for the downloads page (src/lib/edition-file-sizes.ts)
//   site/files/editions/      each edition's tables as CSV and workbooks
//   site/files/fonts/         the fonts of exported chart images (src/lib/charts/export-font-files.ts)
//   site/og/                  the pages' preview images (src/lib/og/og-files.ts)
//   site/files/charts/        each chart's framed SVGs and CSV
// Started by integrations/download-files.mjs with the Astro build's configuration; it writes "begin" on this
// process's standard input when the datasets are complete (datasets-ready.ts, imported first, waits for it).
import { datasetsReady } from './datasets-ready';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { drawAllCharts, writeChartFiles } from '../src/lib/charts/chart-files';
import { writeExportFonts } from '../src/lib/charts/export-font-files';
import { writeEditionFiles } from '../src/lib/edition-files';
import { writeOgImages } from '../src/lib/og/og-files';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
if (!args.out) throw new Error('usage: download-files.ts --out FOLDER');
const out = resolve(args.out);
const site = join(out, 'site');

await datasetsReady;

let started = performance.now();
const seconds = () => {
  const s = ((performance.now() - started) / 1000).toFixed(2);
  started = performance.now();
  return s;
};
const charts = drawAllCharts(out, (file) => console.log(`drawn: ${file}`));
console.log(`drawings: ${charts} charts in ${seconds()} s`);
const sizes = await writeEditionFiles(site);
writeFileSync(join(out, 'edition-file-sizes.json'), JSON.stringify(sizes));
console.log(`edition files: ${Object.keys(sizes).length} in ${seconds()} s`);
console.log(`fonts: ${await writeExportFonts(site)} in ${seconds()} s`);
console.log(`preview images: ${await writeOgImages(site)} in ${seconds()} s`);
console.log(`chart files: ${writeChartFiles(site)} in ${seconds()} s`);
