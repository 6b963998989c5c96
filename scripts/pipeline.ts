#!/usr/bin/env tsx
// npm run pipeline: validates raw/ and writes the datasets to dist/data/, or changes nothing and exits 1.
//   --raw DIR and --out DIR read and write elsewhere (used by the tests and the benchmark); --timings FILE writes
//   the seconds of each phase as JSON (for npm run bench).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { publishData, ROOT } from '../pipeline/publish.js';
import { describeFailure, describeSuccess } from '../pipeline/report.js';

const { values: args } = parseArgs({ options: { raw: { type: 'string' }, out: { type: 'string' }, timings: { type: 'string' } } });
const target = resolve(args.out ?? join(ROOT, 'dist', 'data'));
try {
  const result = await publishData(resolve(args.raw ?? join(ROOT, 'raw')), target);
  console.log(describeSuccess(result, target));
  if (args.timings) writeFileSync(args.timings, JSON.stringify({ ...result.seconds, observations: result.observations }));
} catch (error) {
  console.error(describeFailure(error));
  process.exitCode = 1;
}
