#!/usr/bin/env tsx
// Writes every chart's download files (SVG, 16:9 SVG, CSV) into the folder --out and the pages' drawings into the
// file --drawings, from the datasets in CHISO_DATA_DIR (see src/lib/charts/chart-files.ts). Started by
// integrations/chart-files.mjs when the Astro build starts.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeChartFiles } from '../src/lib/charts/chart-files';

const { values: args } = parseArgs({ options: { out: { type: 'string' }, drawings: { type: 'string' } } });
if (!args.out || !args.drawings) throw new Error('usage: chart-files.ts --out SITE_DIR --drawings FILE.json');
const started = performance.now();
const count = writeChartFiles(resolve(args.out), resolve(args.drawings));
console.log(`chart files: ${count} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
