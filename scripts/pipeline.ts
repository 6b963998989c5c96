#!/usr/bin/env tsx
// npm run pipeline: validates raw/ and writes the datasets to dist/data/, or changes nothing and exits 1.
import { join } from 'node:path';
import { discard, freshDirectory, replaceDirectory, ROOT } from '../pipeline/publish.js';
import { describeFailure, describeSuccess } from '../pipeline/report.js';
import { runPipeline } from '../pipeline/run-pipeline.js';

const out = freshDirectory('data');
try {
  const result = await runPipeline(join(ROOT, 'raw'), out);
  replaceDirectory(out, join(ROOT, 'dist', 'data'));
  console.log(describeSuccess(result, 'dist/data/'));
} catch (error) {
  discard(out);
  console.error(describeFailure(error));
  process.exitCode = 1;
}
