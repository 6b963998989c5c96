#!/usr/bin/env tsx
// Writes every chart's download files (SVG, 16:9 SVG, CSV) into the site folder --out, from the datasets in
// CHISO_DATA_DIR (see src/lib/charts/chart-files.ts). Run by scripts/build-site.ts beside the Astro build.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeChartFiles } from '../src/lib/charts/chart-files';

const { values: args } = parseArgs({ options: { out: { type: 'string' } } });
if (!args.out) throw new Error('usage: scripts/chart-files.ts --out SITE_DIR');
const started = performance.now();
const count = writeChartFiles(resolve(args.out));
console.log(`• chart files: ${count} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
